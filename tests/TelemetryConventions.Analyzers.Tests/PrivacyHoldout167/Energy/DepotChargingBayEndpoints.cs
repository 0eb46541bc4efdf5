namespace PrivacyHoldout167.Energy;

/// <summary>Minimal API for the public EV charging bays at the supplier's depots: overstay fees are charged to the driver's account by plate.</summary>
public static class DepotChargingBayEndpoints
{
    private static readonly ActivitySource Source = new("Energy.ChargingBays");
    private static readonly Meter Meter = new("Energy.ChargingBays");
    private static readonly Histogram<double> Overstay = Meter.CreateHistogram<double>("bay.overstay", "min");

    public sealed record OverstayReport(string BayId, string Vrm, string AccountNumber, double Minutes, string Email);

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/bays/{bayId}/overstay", ReportAsync);

    public static async Task<ActionResult> ReportAsync(string bayId, OverstayReport report, ITollAccounts accounts, Pseudonymizer pseudonymizer, ILogger<OverstayReport> logger)
    {
        using var span = Source.StartDepotchargeOperation(bayId);
        span.SetDepotchargeCustomerId(pseudonymizer.PseudonymizeDepotchargeCustomerId(report.AccountNumber)); // clean generated-api
        span.SetDepotchargeVehiclePlate(pseudonymizer.PseudonymizeDepotchargeVehiclePlate(report.Vrm)); // clean generated-api
        span.SetDepotchargeNote($"{report.Minutes:F0} min over at {bayId}"); // clean generated-api
        span.SetDepotchargeNote($"overstay by {report.Vrm}"); // leak TC1001 generated-api
        Activity.Current?.SetTag(DepotchargeAttributes.Contact, pseudonymizer.ComputeDepotchargeCustomerId(report.Email)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag(DepotchargeAttributes.CustomerId, report.AccountNumber); // leak TC1001 generated-api
        Activity.Current?.SetTag("bay.id", bayId); // clean precision-names
        Overstay.Record(report.Minutes, new KeyValuePair<string, object?>("bay", bayId)); // clean precision-about
        Overstay.Record(report.Minutes, new KeyValuePair<string, object?>("account", report.AccountNumber)); // leak TC1003 direct

        var account = await accounts.FindByPlateAsync(report.Vrm);
        if (account is null)
        {
            logger.LogWarning("No account for {Report}", report); // leak TC1001 logging-objects
            return new NotFoundResult(null);
        }

        try
        {
            await accounts.DebitAsync(account.AccountNumber, new TollCharge(Guid.NewGuid().ToString("N"), bayId, "EV", 15m));
            logger.LogInformation("Overstay fee {Charge} debited", new TollCharge("n/a", bayId, "EV", 15m)); // clean logging-objects
        }
        catch (AccountSuspendedException ex)
        {
            logger.LogError(ex, "Overstay fee not debited at {Bay}", bayId); // leak TC1001 exceptions
            logger.LogError("Overstay fee not debited at {Bay}: {Error}", bayId, ex.GetType().FullName); // clean exceptions
            logger.LogDepotchargeOperationFailedEvent(bayId, "suspended"); // clean generated-api
            return new BadRequestResult("account suspended");
        }

        return new OkResult(null);
    }
}
