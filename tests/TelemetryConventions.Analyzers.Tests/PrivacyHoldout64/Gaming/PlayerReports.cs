namespace PrivacyHoldout64.Gaming;

public enum ReportCategory
{
    Cheating,
    Harassment,
    OffensiveName,
    Griefing,
}

/// <summary>What the reporter attached to a report.</summary>
public abstract record ReportEvidence;

public sealed record ChatEvidence(IReadOnlyList<string> Lines) : ReportEvidence;

public sealed record ReplayEvidence(MatchId Match, TimeSpan At) : ReportEvidence;

public sealed record NoEvidence : ReportEvidence;

public sealed record PlayerReport(
    Guid ReportId,
    PlayerId Reporter,
    PlayerId Reported,
    string ReportedGamertag,
    ReportCategory Category,
    string? Comment,
    ReportEvidence Evidence);

/// <summary>First look at a player report: checks, a summary for the moderators, the routing.</summary>
public sealed class ReportTriage(
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<ReportTriage> logger)
{
    /// <summary>Reads the reporter's id from the client header.</summary>
    public Option<PlayerId> ReporterFrom(string header) =>
        Result.Try(() => new PlayerId(Guid.Parse(header)))
            .OnFailure(error => logger.LogWarning("Report header unreadable: {Error}", error)) // clean exceptions
            .Match(id => Option.Some(id), _ => Option.None<PlayerId>());

    public Result<Guid, Error> Triage(PlayerReport report)
    {
        using var span = source.StartLobbyMatchmake("reports"); // clean generated-api
        span.SetLobbyPlayerId(pseudonymizer.PseudonymizeLobbyPlayerId(report.Reported.Value.ToString())); // clean precision-pseudonym

        var evidenceKind = report.Evidence switch
        {
            ChatEvidence => "chat",
            ReplayEvidence => "replay",
            _ => "none",
        };
        span.SetLobbyNote($"evidence: {evidenceKind}"); // clean precision-about

        var evidenceSummary = report.Evidence switch
        {
            ChatEvidence { Lines: [] } => "chat: empty",
            ChatEvidence { Lines: [var only] } => $"chat: {only}",
            ChatEvidence { Lines.Count: var count } => $"chat: {count} lines",
            ReplayEvidence(var match, var at) => $"replay {match.Value:N} at {at:mm\\:ss}",
            _ => "none",
        };
        Activity.Current?.SetTag("report.evidence", evidenceSummary); // leak TC1001 strings

        var subject = report switch
        {
            { Category: ReportCategory.OffensiveName, ReportedGamertag: var name } => name,
            { Evidence: ReplayEvidence { Match: var match } } => $"match {match.Value:N}",
            _ => report.ReportId.ToString(),
        };
        logger.LogInformation("Report {ReportId} about {Subject}", report.ReportId, subject); // leak TC1001 cross-member

        report.Comment.ToOption()
            .Tap(comment => logger.LogDebug("Report {ReportId} comment length {Length}", report.ReportId, comment.Length)) // clean precision-about
            .Tap(comment => logger.LogDebug("Report {ReportId} comment: {Comment}", report.ReportId, comment)); // leak TC1001 direct

        Activity.Current?.SetTag(LobbyAttributes.PlayerGamertag, report.ReportedGamertag); // leak TC1001 generated-api
        Activity.Current?.SetTag("report.gamertag_length", report.ReportedGamertag.Length); // clean precision-about

        return Guard.Ensure(report, r => r.Reporter != r.Reported, r => new Error("self_report", $"Player {r.Reporter} reported themself"))
            .Ensure(r => r.Category != ReportCategory.OffensiveName || r.ReportedGamertag.Length > 0, _ => new Error("no_name", "An offensive-name report needs the name"))
            .Map(r => r.ReportId)
            .Tap(id => logger.LogInformation("Report {ReportId} routed to category {Category}", id, report.Category)) // clean direct
            .OnFailure(error => logger.LogWarning("Report rejected: {Reason}", error.Message)) // leak TC1001 strings
            .OnFailure(error => span.SetLobbyOutcome($"rejected:{error.Code}")); // clean generated-api
    }

    /// <summary>The weekly list of most reported players, for the community team.</summary>
    public void Weekly(IEnumerable<PlayerReport> week)
    {
        var mostReported = week.GroupBy(r => r.ReportedGamertag).OrderByDescending(g => g.Count()).Take(10).Select(g => (Gamertag: g.Key, Reports: g.Count())).ToList();
        logger.LogInformation("Most reported this week: {MostReported}", mostReported); // leak TC1001 cross-member
        logger.LogInformation("Reports per category: {PerCategory}", week.CountBy(r => r.Category)); // clean precision-about
    }
}
