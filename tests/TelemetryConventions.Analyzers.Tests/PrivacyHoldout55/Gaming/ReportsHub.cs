using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Gaming;

public sealed record PlayerReport(Guid ReportedPlayerId, string ReportedGamertag, string MatchId, string Category, string? Comment);

public interface IPlayerDirectory
{
    Task<PartyMember?> FindAsync(Guid playerId);
}

public sealed class SelfReportException(Guid playerId)
    : InvalidOperationException($"Player {playerId} tried to report themselves");

/// <summary>The in-game report button, sent over the game's realtime connection.</summary>
public sealed class ReportsHub(IPlayerDirectory players, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<ReportsHub> logger) : Hub
{
    public async Task FileReport(PlayerReport report)
    {
        var reporterId = Context.UserIdentifier ?? "anonymous";
        var counted = ArenaReportCategoryValues.TryParse(report.Category, out var known) ? known : ArenaReportCategory.Abuse;
        var category = counted.ToWireValue() == report.Category
            ? (ArenaReportCategoryValue)counted
            : ArenaReportCategoryValue.Custom($"other:{report.ReportedGamertag}");
        using var span = source.StartArenaReportFile(pseudonymizer.PseudonymizeArenaPlayerId(reporterId), category); // leak TC1001 generated-api
        span.SetArenaMatchId(report.MatchId);
        if (span.Activity is { } activity)
        {
            activity.DisplayName = "report " + report.ReportedGamertag; // leak TC1001 strings
        }
        span.Activity?.SetTag(ArenaAttributes.PlayerGamertag, report.ReportedGamertag); // leak TC1001 generated-api
        span.Activity?.SetTag("arena.report.connection", Context.ConnectionId); // clean direct
        span.Activity?.SetTag("arena.report.has_comment", report.Comment is not null); // clean precision-about

        try
        {
            if (reporterId == report.ReportedPlayerId.ToString())
            {
                throw new SelfReportException(report.ReportedPlayerId);
            }

            var reported = await players.FindAsync(report.ReportedPlayerId);
            var reportedRef = pseudonymizer.PseudonymizeArenaPlayerId(report.ReportedPlayerId.ToString());
            logger.LogArenaReportFiledEvent(category, reportedRef, report.MatchId); // leak TC1001 generated-api
            if (report.Comment is { Length: > 0 } comment)
            {
                logger.LogArenaReportFiledEvent(counted, reportedRef, report.MatchId, arenaNote: comment); // leak TC1001 generated-api
            }
            logger.LogArenaReportFiledEvent(counted, pseudonymizer.PseudonymizeArenaPlayerId(reported?.Gamertag ?? report.ReportedGamertag), report.MatchId); // clean precision-pseudonym
            logger.LogInformation("Report on {ReportedRef} in match {MatchId}, reporter MMR band {Band}", reportedRef, report.MatchId, MatchmakingTelemetry.MmrBucket(reported?.Mmr ?? 0)); // clean precision-pseudonym
            logger.LogInformation("Reported player {ReportedPlayerId} by {ReporterId}", report.ReportedPlayerId, reporterId); // leak TC1001 direct
            meter.CreateArenaReportsCounter().Add(1, counted); // clean precision-about
        }
        catch (SelfReportException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Self-report rejected in match {MatchId}", report.MatchId); // leak TC1001 exceptions
            logger.LogWarning("Self-report rejected: {ExceptionType}", ex.GetType().Name); // clean exceptions
        }
    }
}
