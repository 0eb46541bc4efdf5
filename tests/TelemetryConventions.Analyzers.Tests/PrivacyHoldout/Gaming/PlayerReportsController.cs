using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Gaming;

public sealed record PlayerReport(string ReportedGamertag, string MatchId, string Reason, string? Comment);

public sealed record ModerationCase(string CaseId, string ReporterAccountId, string ReportedAccountId, string Reason, int PriorStrikes);

public interface IPlayerDirectory
{
    Task<string?> AccountIdForGamertagAsync(string gamertag, CancellationToken cancellationToken);

    Task<int> StrikesAsync(string accountId, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/reports")]
public sealed partial class PlayerReportsController(IPlayerDirectory players, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PlayerReportsController> logger) : ClaimsControllerBase
{
    private static readonly string[] KnownReasons = ["cheating", "griefing", "abusive_chat", "afk"];

    [HttpPost]
    public async Task<ActionResult> File([FromBody] PlayerReport report, CancellationToken cancellationToken)
    {
        var reporterId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var reportedId = await players.AccountIdForGamertagAsync(report.ReportedGamertag, cancellationToken);
        if (reportedId is null)
        {
            ReportedPlayerUnknown(logger, report.ReportedGamertag, report.MatchId); // leak TC1001 direct
            return NotFound("no such player");
        }

        var reason = KnownReasons.Contains(report.Reason) ? report.Reason : "other";
        var reported = pseudonymizer.PseudonymizeMatchPlayerId(reportedId);
        logger.LogMatchPlayerReportedEvent(reported, matchReportReason: reason); // clean generated-api
        logger.LogMatchPlayerReportedEvent(reported, matchReportReason: $"{reason} (reported by {reporterId})"); // leak TC1001 generated-api

        var strikes = await players.StrikesAsync(reportedId, cancellationToken);
        var moderationCase = new ModerationCase(Guid.NewGuid().ToString("N"), reporterId, reportedId, reason, strikes);
        logger.LogInformation("Opened moderation case {@Case}", moderationCase); // leak TC1001 logging-objects
        logger.LogInformation("Opened moderation case {CaseId} with {Strikes} prior strikes", moderationCase.CaseId, moderationCase.PriorStrikes); // clean precision-names

        Activity.Current?.SetTag("match.report.match_id", report.MatchId); // clean precision-names
        Activity.Current?.SetTag("match.report.has_comment", !string.IsNullOrWhiteSpace(report.Comment)); // clean precision-about
        Activity.Current?.SetTag("match.report.self", reporterId == reportedId); // clean precision-about
        Activity.Current?.SetTag("match.report.reporter", pseudonymizer.ComputeMatchPlayerId(reporterId)); // clean precision-pseudonym

        var pairKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(reporterId + "|" + reportedId)));
        Activity.Current?.SetTag("match.report.pair", pairKey); // leak TC1002 hashes
        var pairShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(reporterId + "|" + reportedId))[0] % 32;
        logger.LogDebug("Report routed to moderation shard {Shard}", pairShard); // clean hashes
        return Ok(new { moderationCase.CaseId });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report against unknown gamertag {Gamertag} in match {MatchId}")]
    private static partial void ReportedPlayerUnknown(ILogger logger, string gamertag, string matchId);
}
