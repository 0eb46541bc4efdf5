namespace PrivacyHoldout160.Transport;

/// <summary>An airline's approvals of passengers' portable oxygen concentrators on their flights.</summary>
public sealed class OxygenConcentratorApprovals(
    ILogger<OxygenConcentratorApprovals> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly HashSet<string> ApprovedModels = new(StringComparer.OrdinalIgnoreCase) { "Inogen G5", "SimplyGo Mini" };
    private readonly Counter<long> approvals = meter.CreateCounter<long>("caretravel.poc.approvals");
    private readonly Queue<PocApproval> pending = new();

    public bool Approve(PocApproval approval)
    {
        using var activity = source.StartActivity("ApprovePoc");
        activity?.SetTag("poc.model", approval.PocModel); // clean precision-about
        activity?.SetTag("poc.battery_minutes", approval.BatteryMinutes); // clean precision-about
        activity?.SetTag("flight", approval.Flight); // clean precision-names
        activity?.SetTag("booking.pnr", approval.Pnr); // clean precision-names
        activity?.SetTag("passenger.ffn", approval.FrequentFlyerNumber); // leak TC1001 direct
        activity?.SetTag("passenger.ffn_hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(approval.FrequentFlyerNumber)))); // leak TC1002 hashes
        activity?.SetTag("passenger.partition", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(approval.FrequentFlyerNumber))[0] % 32); // clean hashes

        if (!ApprovedModels.Contains(approval.PocModel))
        {
            var ex = new PocNotApprovedException(approval.PocModel);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            approvals.Add(1, new KeyValuePair<string, object?>("model", approval.PocModel), new KeyValuePair<string, object?>("outcome", "refused")); // clean precision-about
            return false;
        }

        pending.Enqueue(approval);
        approvals.Add(1, new KeyValuePair<string, object?>("flight", approval.Flight)); // clean precision-about
        logger.LogInformation("Concentrator approved {@Approval}", approval); // leak TC1001 logging-objects
        logger.LogInformation("Concentrator approved for {Passenger}", approval.PassengerName); // leak TC1001 precision-names
        return true;
    }

    public void Board(string frequentFlyerNumber)
    {
        if (!pending.Any(p => p.FrequentFlyerNumber == frequentFlyerNumber))
        {
            var ex = new PassengerNotFoundException(frequentFlyerNumber);
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
            return;
        }

        var next = pending.Peek();
        logger.LogInformation("Boarding next concentrator passenger {Name}", next.PassengerName); // leak TC1001 cross-member
        logger.LogInformation("Boarding {Count} concentrator passengers", pending.Count); // clean cross-member
        logger.LogInformation("Boarding passenger {Passenger}", pseudonymizer.Pseudonymize("passenger", frequentFlyerNumber)); // clean precision-pseudonym
    }
}
