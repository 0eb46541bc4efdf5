namespace PrivacyHoldout134.Retail;

/// <summary>A bag ready to go into a collection locker.</summary>
public sealed record ReadyBag(string BagLabel, string PrescriptionId, string CustomerNumber, string Mobile, string StoreId, bool Refrigerated, bool ControlledDrug);

/// <summary>Puts dispensed bags into the store's collection lockers and texts the customer a PIN; fridge lines and controlled drugs stay at the counter.</summary>
public sealed class PharmacyCollectionLockerService(ILockerBank lockers, Pseudonymizer pseudonymizer, MedicinesOptions options, ILogger<PharmacyCollectionLockerService> logger)
{
    private static readonly ActivitySource Source = new("Pharmacy.Lockers");
    private static readonly Meter Meter = new("Pharmacy.Lockers");
    private static readonly Counter<long> Loaded = Meter.CreateCounter<long>("pharmacy.lockers.loaded");
    private readonly StorerxFulfilmentsCounter _fulfilments = Meter.CreateStorerxFulfilmentsCounter();

    public async Task<bool> LoadAsync(ReadyBag bag, string bankId, CancellationToken cancellationToken)
    {
        using var span = Source.StartStorerxFulfilment(storerxStore: bag.StoreId);
        span.SetStorerxCustomerId(pseudonymizer.PseudonymizeStorerxCustomerId(bag.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("locker.bank", bankId); // clean precision-names
        span.Activity?.SetTag("locker.bag", bag.BagLabel); // clean precision-names
        span.Activity?.SetTag("locker.mobile.country", bag.Mobile[..3]); // clean precision-about
        if (bag.Refrigerated || bag.ControlledDrug)
        {
            span.SetStorerxOutcome(bag.ControlledDrug ? "counter-cd" : "counter-fridge"); // clean precision-names
            return false;
        }

        try
        {
            var reservation = await lockers.ReserveAsync(bankId, bag.BagLabel, bag.Mobile, cancellationToken);
            span.Activity?.SetTag("locker.door", reservation.Door); // clean precision-names
            span.Activity?.SetTag("locker.hold_hours", options.LockerHoldHours); // clean precision-about
            logger.LogInformation("Locker reserved {Reservation}", reservation); // leak TC1001 logging-objects
            logger.LogDebug("PIN {Pin} sent for door {Door}", reservation.CollectionPin, reservation.Door); // leak TC1001 direct
            logger.LogDebug("PIN of {Length} digits sent for door {Door}", reservation.CollectionPin.Length, reservation.Door); // clean precision-about
            Loaded.Add(1, new TagList { { "store", bag.StoreId }, { "bank", bankId } }); // clean precision-names
            _fulfilments.Add(1, storerxStore: bag.StoreId, storerxOutcome: "locker"); // clean generated-api
            return true;
        }
        catch (LockerBankFullException ex)
        {
            span.RecordException(ex, "locker bank full", includeMessage: true); // clean exceptions
            logger.LogWarning("Bank full, bag for {Mobile} stays at the counter", bag.Mobile); // leak TC1001 direct
            return false;
        }
    }
}
