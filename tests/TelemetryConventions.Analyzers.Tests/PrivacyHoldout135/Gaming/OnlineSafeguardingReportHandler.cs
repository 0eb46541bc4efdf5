namespace PrivacyHoldout135.Gaming;

/// <summary>A player's in-game report of grooming or threats, with the chat lines around it.</summary>
public sealed record PlayerSafetyReport(string ReportId, Guid ReporterPlayerId, Guid ReportedPlayerId, string ReportedGamertag, string MatchId, string Reason, IReadOnlyList<string> ChatLines, bool ReporterIsMinor);

/// <summary>Triages safety reports from the game client; the serious ones go to the trust and safety lead and, for grooming, to CEOP.</summary>
public sealed class OnlineSafeguardingReportHandler(
    ISafeguardingCaseStore cases,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<OnlineSafeguardingReportHandler> logger)
{
    private static readonly ActivitySource Source = new("Studio.TrustAndSafety.Reports");
    private static readonly Meter Meter = new("Studio.TrustAndSafety.Reports");
    private static readonly Counter<long> SafetyReports = Meter.CreateCounter<long>("tns.safety_reports", "{report}");

    public async Task HandleAsync(PlayerSafetyReport report, CancellationToken ct)
    {
        using var span = Source.StartArenasafeReport(report.ReportId);
        span.SetArenasafeCategory(report.Reason); // clean precision-names
        span.SetArenasafePlayerId(pseudonymizer.PseudonymizeArenasafePlayerId(report.ReportedPlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("tns.match.id", report.MatchId); // clean precision-names
        span.Activity?.SetTag("tns.reporter.minor", report.ReporterIsMinor); // clean precision-about
        span.Activity?.SetTag("tns.chat.lines", report.ChatLines.Count); // clean precision-about
        span.Activity?.SetTag("tns.reporter", report.ReporterPlayerId); // leak TC1001 direct
        span.Activity?.SetBaggage("tns.reported", pseudonymizer.ComputeArenasafePlayerId(report.ReportedPlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.AddEvent(new ActivityEvent("tns.chat", tags: new ActivityTagsCollection { ["chat.excerpt"] = string.Join(" / ", report.ChatLines.TakeLast(3)) })); // leak TC1001 strings
        SafetyReports.Add(1, new KeyValuePair<string, object?>("reason", report.Reason), new KeyValuePair<string, object?>("minor", report.ReporterIsMinor)); // clean precision-about
        SafetyReports.Add(1, new KeyValuePair<string, object?>("reported", report.ReportedGamertag)); // leak TC1003 direct

        var lane = Math.Abs(report.ReportedPlayerId.GetHashCode()) % 4;
        span.Activity?.SetTag("tns.review.lane", lane); // leak TC1002 hashes
        span.Activity?.SetTag("tns.review.shard", KeyedShard.Of(secrets.ShardKey, report.ReportedPlayerId.ToString(), 4)); // clean hashes

        var concern = new SafeguardingConcern(report.ReportId, report.ReportedPlayerId.ToString(), report.ReportedGamertag, "tns-triage", report.Reason, report.ReporterIsMinor ? RiskLevel.High : RiskLevel.Medium, string.Join("\n", report.ChatLines));
        try
        {
            var filed = await cases.FileAsync(concern, ct);
            span.SetArenasafeOutcome(filed.Escalated ? "escalated" : "filed"); // clean precision-names
            logger.LogInformation("Safety report {ReportId} filed as {ConcernId}", report.ReportId, filed.ConcernId); // clean precision-names
        }
        catch (CaseStoreTimeoutException ex)
        {
            logger.LogArenasafeReportFailedEvent(report.ReportId, "timeout", pseudonymizer.PseudonymizeArenasafePlayerId(report.ReportedPlayerId.ToString()), ex.Message); // clean generated-api
            logger.LogError(ex, "Could not file concern {Concern}", concern); // leak TC1001 logging-objects
            span.SetArenasafeNote($"unfiled report against {report.ReportedGamertag}"); // leak TC1001 generated-api
        }
    }
}
