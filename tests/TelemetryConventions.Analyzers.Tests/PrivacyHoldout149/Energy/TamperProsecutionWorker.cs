namespace PrivacyHoldout149.Energy;

/// <summary>
/// Takes field agents' meter tampering reports from the revenue protection queue, prices the energy
/// lost and prepares the prosecution file; exposes a health snapshot of what it last handled.
/// </summary>
public sealed partial class TamperProsecutionWorker(
    IQueueReceiver<TamperReport> reports,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TamperProsecutionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.RevenueProtection");
    private static readonly Meter Meter = new("Supplier.RevenueProtection");
    private static readonly Histogram<double> EstimatedLoss = Meter.CreateHistogram<double>("tamper.estimated_loss", "GBP");
    private static readonly Counter<long> ReportsByAgent = Meter.CreateCounter<long>("tamper.reports", "{report}");
    private static readonly Counter<long> ReportsByTeam = Meter.CreateCounter<long>("tamper.reports.team", "{report}");

    private TamperReport? _current;
    private int _handled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var report = await reports.ReceiveAsync(stoppingToken);
            if (report is null)
            {
                continue;
            }

            _current = report;
            Handle(report);
            _handled++;
        }
    }

    private void Handle(TamperReport report)
    {
        using var activity = Source.StartActivity("tamper.prepare", ActivityKind.Consumer);
        activity?.SetTag("tamper.report.id", report.ReportId);
        activity?.SetTag("tamper.meter.serial", report.MeterSerial); // leak TC1001 direct
        activity?.SetTag("tamper.meter.model", ModelOf(report.MeterSerial)); // clean precision-about
        activity?.SetTag("tamper.meter.hash", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(report.MeterSerial)))); // leak TC1002 hashes
        activity?.SetTag("tamper.account.partition", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(report.AccountNumber)))[..2]); // clean hashes
        activity?.SetTag("tamper.account.bucket", (report.AccountNumber.GetHashCode() & 0x7fffffff) % 32); // leak TC1002 hashes
        activity?.SetTag("tamper.evidence.length", report.Evidence.Length); // clean precision-about
        activity?.SetTag("tamper.evidence", report.Evidence); // leak TC1001 direct
        EstimatedLoss.Record((double)report.EstimatedLoss, new KeyValuePair<string, object?>("meter.model", ModelOf(report.MeterSerial))); // clean precision-about
        ReportsByAgent.Add(1, new KeyValuePair<string, object?>("agent", report.AgentStaffId)); // leak TC1003 direct
        ReportsByTeam.Add(1, new KeyValuePair<string, object?>("agent.team", TeamOf(report.AgentStaffId))); // clean precision-about
        LogReport(logger, report.ReportId, report.AgentStaffId, report.EstimatedLoss); // clean logging-objects
        logger.LogInformation("Tamper report {Report}", report); // leak TC1001 logging-objects
        activity?.SetTag("tamper.household", pseudonymizer.PseudonymizeWarrantsHouseholdId(report.AccountNumber).Value); // clean precision-pseudonym
    }

    /// <summary>What the health endpoint shows of the worker.</summary>
    public void WriteHealth()
    {
        Activity.Current?.SetTag("tamper.handled", _handled); // clean cross-member
        Activity.Current?.SetTag("tamper.current.report", _current?.ReportId); // clean cross-member
        Activity.Current?.SetTag("tamper.current.meter", _current?.MeterSerial); // leak TC1001 cross-member
    }

    private static string ModelOf(string meterSerial) => meterSerial.Length >= 3 ? meterSerial[..3] : "unknown";

    private static string TeamOf(string staffId) => staffId.StartsWith("RP", StringComparison.Ordinal) ? "revenue-protection" : "metering";

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Report {ReportId} from agent {AgentStaffId}, estimated loss {Loss}")]
    private static partial void LogReport(ILogger logger, string reportId, [PrivateData] string agentStaffId, decimal loss);
}
