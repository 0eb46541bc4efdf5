namespace PrivacyHoldout160.Retail;

/// <summary>Redeems patient support programme co-pay cards at the pharmacy till.</summary>
public sealed class CopayRedemptionHandler(
    ICopayProcessor processor,
    ILogger<CopayRedemptionHandler> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    MedTechOptions options)
{
    public async Task<bool> RedeemAsync(CopayRedemption redemption, CancellationToken cancellationToken)
    {
        using var span = source.StartPharmacyOperation(redemption.Store);
        span.SetPharmacyOutcome("redeeming"); // clean generated-api
        span.SetPharmacyCustomerId(pseudonymizer.PseudonymizePharmacyCustomerId(redemption.CustomerId)); // clean generated-api
        Activity.Current?.SetTag("copay.programme", redemption.Programme); // clean precision-names
        Activity.Current?.SetTag("copay.card_last4", redemption.CardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("copay.card", redemption.CardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("copay.amount", redemption.Amount); // clean precision-about
        using var scope = logger.BeginScope("Redemption {RedemptionId} on card {Card}", redemption.RedemptionId, redemption.CardNumber); // leak TC1001 direct

        if (redemption.Amount > options.CopayCeiling)
        {
            var exhausted = new ProgrammeBudgetExhaustedException(redemption.Programme);
            span.RecordException(exhausted, includeMessage: true); // clean exceptions
            meter.CreatePharmacyOperationsCounter().Add(1, redemption.Store, pharmacyOutcome: "over-ceiling"); // clean generated-api
            return false;
        }

        var ok = await processor.RedeemAsync(redemption.CardNumber, redemption.Amount, cancellationToken);
        if (!ok)
        {
            var blocked = new CopayCardBlockedException(redemption.CardNumber);
            logger.LogWarning("Redemption declined: {Error}", blocked.Message); // leak TC1001 exceptions
            span.SetPharmacyNote(blocked.GetType().Name); // clean exceptions
            meter.CreatePharmacyOperationsCounter().Add(1, redemption.Store, pharmacyOutcome: $"blocked:{redemption.CustomerId}"); // leak TC1003 generated-api
            return false;
        }

        logger.LogInformation("Redeemed {@Redemption}", redemption); // leak TC1001 logging-objects
        logger.LogInformation("Redeemed {Amount} on {Programme}", redemption.Amount, redemption.Programme); // clean precision-about
        return true;
    }
}
