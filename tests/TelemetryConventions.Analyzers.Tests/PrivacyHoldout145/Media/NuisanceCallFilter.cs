namespace PrivacyHoldout145.Media;

/// <summary>
/// Blocks nuisance callers on the broadcaster's phone-in and competition lines: producers report a number, the
/// filter blocks it after two reports, and the network's nuisance team gets the report. Reports and verdicts
/// are the broadcaster's records; the numbers in them are people's.
/// </summary>
public sealed class NuisanceCallFilter(
    Func<NuisanceReport, CancellationToken, Task<NuisanceVerdict>> fileWithNetwork,
    Pseudonymizer pseudonymizer,
    ILogger<NuisanceCallFilter> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Broadcaster.PhoneIn.Nuisance");

    private readonly Counter<long> _blocked = meter.CreateCounter<long>("phonein.nuisance.blocked", "{number}");

    private readonly Dictionary<string, int> _reportsByNumber = new();

    public async Task<NuisanceVerdict> ReportAsync(NuisanceReport report, string programme, CancellationToken ct)
    {
        using var span = Source.StartPhoneinOperation(programme, "phonein.nuisance");
        Activity.Current?.SetTag("phonein.nuisance.report_id", report.ReportId); // clean precision-names
        Activity.Current?.SetTag("phonein.nuisance.category", report.Category); // clean precision-about
        Activity.Current?.SetTag("phonein.nuisance.number", report.NuisanceNumber); // leak TC1001 direct
        Activity.Current?.SetTag("phonein.nuisance.withheld", report.NuisanceNumber.Length == 0); // clean precision-about
        logger.LogInformation("Nuisance report {Report}", report); // leak TC1001 logging-objects

        _reportsByNumber[report.NuisanceNumber] = _reportsByNumber.GetValueOrDefault(report.NuisanceNumber) + 1;
        var verdict = await fileWithNetwork(report, ct);
        logger.LogInformation("Nuisance verdict {Verdict}", verdict); // clean logging-objects
        span.SetPhoneinOutcome(verdict.Blocked ? "blocked" : "noted"); // clean generated-api
        if (verdict.Blocked)
        {
            _blocked.Add(1, new KeyValuePair<string, object?>("category", verdict.Category)); // clean precision-about
            _blocked.Add(1, new KeyValuePair<string, object?>("number", report.NuisanceNumber)); // leak TC1003 direct
            logger.LogPhoneinOperationFailedEvent(programme, "blocked", null, $"report {report.ReportId}: {verdict.ReportsAgainstNumber} reports, {verdict.Category}"); // clean generated-api
            logger.LogPhoneinOperationFailedEvent(programme, "blocked", null, $"blocked {report.NuisanceNumber} after {verdict.ReportsAgainstNumber} reports"); // leak TC1001 generated-api
        }

        var numberKey = (uint)report.NuisanceNumber.GetHashCode() % 1024;
        Activity.Current?.SetTag("phonein.nuisance.number_key", numberKey); // leak TC1002 hashes
        return verdict;
    }

    public void ReportRepeatOffenders()
    {
        var repeat = _reportsByNumber.Where(p => p.Value > 2).Select(p => p.Key).ToList();
        logger.LogWarning("Numbers reported more than twice: {Numbers}", repeat); // leak TC1001 cross-member
        logger.LogWarning("Numbers reported more than twice: {Count}", repeat.Count); // clean cross-member
    }
}
