namespace PrivacyHoldout137.Healthcare;

public sealed record RebateReadRequest(string HospitalNumber, string MeterSerial, decimal OpeningRead, decimal ClosingRead, DateOnly PeriodEnd, string? PatientEmail);

public sealed record RebateClaim(string ClaimId, string HospitalNumber, decimal Kwh, decimal Amount, DateOnly PeriodEnd);

public sealed record RebateDecision(string ClaimId, decimal Kwh, decimal Amount, string Status);

public interface IRebateLedger
{
    Task<RebateClaim> RaiseAsync(string hospitalNumber, decimal kwh, decimal amount, DateOnly periodEnd, CancellationToken cancellationToken);
}

/// <summary>
/// Home haemodialysis patients submit their meter reads each month and the renal unit refunds the
/// electricity the dialysis machine used, at the unit's agreed rate per kWh.
/// </summary>
public static class HomeDialysisRebateEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Renal.HomeRebates");
    private static readonly Meter Meter = new("Trust.Renal.HomeRebates");
    private static readonly Histogram<double> ClaimedKwh = Meter.CreateHistogram<double>("renal.rebate.kwh", "kWh");
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("renal.rebate.claims");

    private const decimal RatePerKwh = 0.2450m;
    private const decimal SessionsCeilingKwh = 480m;

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/renal/home-rebates/reads", SubmitAsync);

    public static async Task<ActionResult> SubmitAsync(
        RebateReadRequest request,
        IRebateLedger ledger,
        Pseudonymizer pseudonymizer,
        TelemetrySecrets secrets,
        ILogger<RebateReadRequest> logger,
        CancellationToken ct)
    {
        using var activity = Source.StartActivity("renal.rebate.submit");
        var kwh = request.ClosingRead - request.OpeningRead;

        activity?.SetTag("rebate.period_end", request.PeriodEnd.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        activity?.SetTag("rebate.kwh", (double)kwh); // clean precision-about
        activity?.SetTag("rebate.meter_model", request.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("rebate.meter", request.MeterSerial); // leak TC1001 direct
        activity?.SetTag("rebate.patient_shard", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.HospitalNumber)))[..2]); // clean hashes
        activity?.SetTag("rebate.patient_ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.HospitalNumber)))[..16]); // leak TC1002 hashes
        activity?.SetBaggage("renal.patient", pseudonymizer.PseudonymizeUtilcareAccountId(request.HospitalNumber).Value); // clean precision-pseudonym

        if (kwh <= 0 || kwh > SessionsCeilingKwh)
        {
            logger.LogWarning("Rejected rebate read for {HospitalNumber}: {Kwh} kWh outside 0-{Ceiling}", request.HospitalNumber, kwh, SessionsCeilingKwh); // leak TC1001 direct
            Claims.Add(1, new TagList { { "outcome", "rejected" }, { "reason", kwh <= 0 ? "negative" : "ceiling" } }); // clean precision-names
            return new BadRequestResult($"Reading gives {kwh} kWh, outside what a dialysis machine uses in a month");
        }

        var claim = await ledger.RaiseAsync(request.HospitalNumber, kwh, kwh * RatePerKwh, request.PeriodEnd, ct);
        var decision = new RebateDecision(claim.ClaimId, claim.Kwh, claim.Amount, "raised");

        logger.LogInformation("Rebate raised {@Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Rebate decision {@Decision}", decision); // clean logging-objects
        logger.LogDebug("Patient email on file at {Domain}", request.PatientEmail?.Split('@').LastOrDefault()); // clean precision-about
        activity?.AddEvent(new ActivityEvent("rebate.raised", tags: new ActivityTagsCollection { ["claim.id"] = claim.ClaimId, ["claim.amount"] = (double)claim.Amount }));
        ClaimedKwh.Record((double)kwh, new KeyValuePair<string, object?>("period", request.PeriodEnd.Month)); // clean precision-about
        Claims.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.PseudonymizeUtilcareAccountId(request.HospitalNumber).Value)); // leak TC1003 precision-pseudonym

        return new OkResult(decision);
    }
}
