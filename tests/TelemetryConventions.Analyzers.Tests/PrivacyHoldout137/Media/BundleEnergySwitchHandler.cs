namespace PrivacyHoldout137.Media;

/// <summary>A subscriber adding energy to their TV and broadband bundle, which switches their supply.</summary>
public sealed record BundleSwitchOrder(
    string OrderId,
    Guid SubscriberId,
    string FullName,
    string Email,
    string SupplyPostcode,
    string Mpan,
    string BundleCode,
    DateOnly RequestedDate,
    string CurrentSupplier);

/// <summary>
/// Takes energy add-on orders from the streaming and broadband bundle checkout, opens the energy account with
/// the partner supplier and registers the switch with the central switching service.
/// </summary>
public sealed class BundleEnergySwitchHandler(
    IAccountStore accounts,
    ISwitchingServiceClient switching,
    Pseudonymizer pseudonymizer,
    UtilityOptions options,
    ILogger<BundleEnergySwitchHandler> logger)
{
    private static readonly ActivitySource Source = new("Media.Bundles.EnergySwitch");
    private static readonly Meter Meter = new("Media.Bundles.EnergySwitch");
    private static readonly HomemoveMovesCounter Moves = Meter.CreateHomemoveMovesCounter();
    private static readonly Counter<long> Objections = Meter.CreateCounter<long>("bundle.energy.objections");

    public async Task<SwitchAcknowledgement?> HandleAsync(BundleSwitchOrder order, CancellationToken ct)
    {
        using var span = Source.StartHomemoveProcess("switch")
            .SetHomemovePostcodeDistrict(order.SupplyPostcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("bundle.order", order.OrderId); // clean precision-names
        span.Activity?.SetTag("bundle.code", order.BundleCode);
        span.Activity?.SetTag("bundle.losing_supplier", order.CurrentSupplier); // clean precision-names
        span.Activity?.SetTag("bundle.subscriber", order.SubscriberId); // leak TC1001 direct
        span.Activity?.SetTag("bundle.cooling_off_days", options.SwitchCoolingOffDays);

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["OrderId"] = order.OrderId, ["Subscriber"] = order.Email }); // leak TC1001 logging-objects

        var accountNumber = await accounts.OpenAsync(order.FullName, order.Email, order.SupplyPostcode, order.Mpan, ct);
        span.SetHomemoveAccountId(pseudonymizer.PseudonymizeHomemoveAccountId(accountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("bundle.energy_account", pseudonymizer.PseudonymizeHomemoveAccountId(accountNumber).Value); // clean precision-pseudonym

        try
        {
            var request = new SwitchRequest(order.Mpan, accountNumber, "PARTNER-01", order.RequestedDate.AddDays(options.SwitchCoolingOffDays), "bundle");
            var ack = await switching.RegisterAsync(request, ct);
            span.SetHomemoveRegistrationId(ack.RegistrationId).SetHomemoveOutcome(ack.Status); // clean precision-names
            logger.LogInformation("Switch registered {Ack}", ack); // clean logging-objects
            logger.LogDebug("Switch request {Request}", request); // leak TC1001 logging-objects
            Moves.Add(1, "switch", "registered"); // clean generated-api

            var objections = await switching.ObjectionsAsync(ack.RegistrationId, ct);
            foreach (var objection in objections)
            {
                Objections.Add(1, new KeyValuePair<string, object?>("code", objection.ObjectionCode));
            }

            logger.LogInformation("Objections {Objections}", string.Join(";", objections.Select(o => $"{o.ObjectionCode}@{o.RaisedOn:d}"))); // clean strings
            return ack;
        }
        catch (SwitchRejectedException ex)
        {
            span.SetHomemoveOutcome("rejected"); // clean precision-names
            span.SetHomemoveNote(ex.ReasonCode); // clean exceptions
            span.SetHomemoveNote(ex.Message); // leak TC1001 exceptions
            logger.LogHomemoveFailedEvent("switch", "rejected", homemoveNote: $"MPAN {ex.Mpan} rejected for {order.FullName}"); // leak TC1001 strings
            Moves.Add(1, "switch", "rejected"); // clean generated-api
            return null;
        }
        catch (SwitchWindowException ex)
        {
            logger.LogWarning(ex, "Switch window missed for order {OrderId}", order.OrderId); // clean exceptions
            return null;
        }
    }
}
