using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Gaming;

// In-game player reports. The client sends the report with the last chat lines of the match; the
// pipeline scores the chat with the toxicity classifier, adds the reported player's report history and
// either acts automatically or queues the case for a human moderator.

public sealed record PlayerReportSubmitted(
    Guid ReportId,
    Guid ReporterId,
    Guid ReportedPlayerId,
    string ReportedGamertag,
    string MatchId,
    ReportCategory Category,
    string? Comment,
    IReadOnlyList<string> ChatExcerpt);

public sealed record ReportHistory(int ReportsLast30Days, int UpheldLast90Days, double HonorScore);

public interface IReportHistoryStore
{
    Task<ReportHistory> GetAsync(Guid playerId, CancellationToken cancellationToken);
}

public interface IModerationQueue
{
    Task<string> EnqueueAsync(string queue, Guid reportId, int priority, CancellationToken cancellationToken);
}

public sealed class PlayerReportConsumer(
    IReportHistoryStore history,
    IModerationQueue queue,
    IToxicityClassifier classifier,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<PlayerReportConsumer> logger)
{
    private static readonly ActivitySource Source = new("Game.Safety.Reports");
    private readonly Counter<long> _reports = meter.CreateCounter<long>("safety.reports.received");
    private readonly Counter<long> _reportsAgainst = meter.CreateCounter<long>("safety.reports.against");
    private readonly Histogram<double> _toxicity = meter.CreateHistogram<double>("safety.reports.toxicity");

    public async Task HandleAsync(PlayerReportSubmitted report, CancellationToken cancellationToken)
    {
        using var review = Source.StartModerationReview("player-reports");
        review.SetModerationCaseId(report.ReportId.ToString("N")); // clean precision-about
        review.SetModerationSubjectId(pseudonymizer.PseudonymizeModerationSubjectId(report.ReportedPlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("game.match.id", report.MatchId); // clean precision-about
        Activity.Current?.SetTag("report.reporter", report.ReporterId); // leak TC1001 direct
        _reports.Add(1, new KeyValuePair<string, object?>("category", report.Category.ToString())); // clean precision-about
        _reportsAgainst.Add(1, new KeyValuePair<string, object?>("reported.gamertag", report.ReportedGamertag)); // leak TC1003 direct

        var transcript = string.Join("\n", report.ChatExcerpt);
        var verdict = await classifier.ClassifyAsync(transcript, "en-US", cancellationToken);
        review.SetModerationScore(verdict.Score); // clean precision-about
        _toxicity.Record(verdict.Score, new KeyValuePair<string, object?>("model", verdict.ModelVersion)); // clean precision-about
        logger.LogDebug("Scored excerpt {Transcript} as {Label}", transcript, verdict.Label); // leak TC1001 strings

        var past = await history.GetAsync(report.ReportedPlayerId, cancellationToken);
        logger.LogInformation("Reported player has {Reports} reports, {Upheld} upheld, honor {Honor}", past.ReportsLast30Days, past.UpheldLast90Days, past.HonorScore); // clean precision-about

        if (verdict.Score > 0.95 && past.UpheldLast90Days >= 2)
        {
            review.SetModerationVerdict("auto-upheld"); // clean precision-about
            review.AddModerationActionTakenEvent("suspend", moderationNote: $"auto suspension of {report.ReportedGamertag}"); // leak TC1001 generated-api
            meter.CreateModerationDecisionsCounter().Add(1, "player-reports", moderationOutcome: "auto-suspend"); // clean precision-about
            return;
        }

        var priority = report.Category is ReportCategory.SelfHarm or ReportCategory.HateSpeech ? 0 : 2;
        var ticket = await queue.EnqueueAsync("player-reports", report.ReportId, priority, cancellationToken);
        logger.LogInformation("Queued report {Ticket} at priority {Priority}", ticket, priority); // clean precision-about
        if (report.Comment is { Length: > 0 } comment)
        {
            logger.LogInformation("Reporter comment: {Comment}", comment); // leak TC1001 direct
        }
    }
}

/// <summary>A report logged for the on-call moderators when the queue backs up.</summary>
public sealed class QueueBacklogAlert(ILogger<QueueBacklogAlert> logger)
{
    public void Alert(IReadOnlyList<PlayerReportSubmitted> oldest)
    {
        logger.LogWarning("Report queue backed up: {Count} reports, oldest categories {Categories}", oldest.Count, oldest.Select(r => r.Category).Distinct()); // clean precision-about
        logger.LogWarning("Most reported: {Gamertags}", oldest.GroupBy(r => r.ReportedGamertag).OrderByDescending(g => g.Count()).Take(5).Select(g => g.Key)); // leak TC1001 logging-objects
    }
}
