namespace PrivacyHoldout148.Media;

/// <summary>Ingests referees' reports after each match for the broadcaster's disciplinary graphics.</summary>
public sealed partial class RefereeReportIngest(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<RefereeReportIngest> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.MatchData.Referees");
    private readonly Histogram<int> _cards = meter.CreateHistogram<int>("matchdata.referee.cards");
    private RefereeReport? _pendingReview;

    public void Ingest(RefereeReport report)
    {
        using var span = Source.StartMatchdataOperation("premier");
        span.SetMatchdataPersonId(pseudonymizer.PseudonymizeMatchdataPersonId(report.RefereeId)); // clean generated-api
        span.SetMatchdataNote(report.Narrative); // leak TC1001 generated-api
        span.SetMatchdataNote($"{report.Cautions} cautions, {report.Dismissals} dismissals"); // clean generated-api
        Activity.Current?.SetTag("referee.report", report.ReportId); // clean precision-about
        Activity.Current?.SetTag("referee.name", report.RefereeName); // leak TC1001 direct
        Activity.Current?.SetTag("referee.narrative.length", report.Narrative.Length); // clean precision-about

        _cards.Record(report.Cautions + report.Dismissals, new KeyValuePair<string, object?>("match", report.MatchId)); // clean precision-names
        _cards.Record(report.Cautions + report.Dismissals, new KeyValuePair<string, object?>("referee", report.RefereeId)); // leak TC1003 direct
        var refereeBucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(report.RefereeId))[0] % 10;
        _cards.Record(report.Dismissals, new KeyValuePair<string, object?>("referee_bucket", refereeBucket)); // clean hashes
        var refereeDigest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(report.RefereeId)));
        logger.LogInformation("Report {ReportId} by referee {RefereeDigest}", report.ReportId, refereeDigest); // leak TC1002 hashes

        LogReceived(logger, report.ReportId, report.RefereeName); // clean logging-objects
        LogNarrative(logger, report.ReportId, report.Narrative); // leak TC1001 logging-objects
        logger.LogInformation("Report {Report}", report); // leak TC1001 logging-objects
        logger.LogInformation("Report {ReportId}: {Cautions} cautions", report.ReportId, report.Cautions); // clean precision-about

        if (report.Dismissals > 0)
        {
            _pendingReview = report;
        }
    }

    public void SendForReview()
    {
        logger.LogInformation("Pending review by {Referee}", _pendingReview?.RefereeName); // leak TC1001 cross-member
        logger.LogInformation("Pending review of match {MatchId}", _pendingReview?.MatchId); // clean cross-member
        Activity.Current?.SetTag("review.pending", _pendingReview is not null); // clean cross-member
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Report {ReportId} from {RefereeName}")]
    private static partial void LogReceived(ILogger logger, string reportId, [PrivateData] string refereeName);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Debug, Message = "Report {ReportId} says: {Narrative}")]
    private static partial void LogNarrative(ILogger logger, string reportId, string narrative);
}
