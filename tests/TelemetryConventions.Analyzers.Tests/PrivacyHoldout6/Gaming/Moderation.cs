using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout6.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout6.Gaming;

public sealed record PlayerReport(string ReporterAccountId, string ReportedAccountId, string ReportedGamertag, string Reason, string MatchId);

/// <summary>Handles reports that players file against each other during a match.</summary>
public sealed class ModerationService(Pseudonymizer pseudonymizer, ILogger<ModerationService> logger)
{
    private static readonly ActivitySource Source = new("Arena.Moderation");

    public void Handle(PlayerReport report, string mode)
    {
        using var match = Source.StartArenaMatch(pseudonymizer.PseudonymizeArenaPlayerId(report.ReporterAccountId), mode); // clean generated-api
        match.SetArenaMatchId(report.MatchId); // clean generated-api
        var reported = pseudonymizer.PseudonymizeArenaPlayerId(report.ReportedAccountId);
        match.AddArenaPlayerReportedEvent(reported, arenaReason: report.Reason); // clean generated-api
        match.AddArenaPlayerReportedEvent(reported, arenaReason: $"{report.Reason} (reported: {report.ReportedGamertag})"); // leak TC1001 generated-api
        match.Activity?.SetTag(ArenaAttributes.PlayerId, report.ReportedAccountId); // leak TC1001 generated-api
        logger.LogArenaPlayerReportedEvent(reported, arenaReason: report.Reason); // clean precision-pseudonym
        switch (report)
        {
            case { Reason: "cheating", ReportedGamertag: var gamertag }:
                logger.LogWarning("Cheating report against {Gamertag}", gamertag); // leak TC1001 direct
                break;
            case { ReporterAccountId: var reporter } when reporter == report.ReportedAccountId:
                logger.LogInformation("Self-report ignored in match {MatchId}", report.MatchId); // clean direct
                break;
        }

        Activity.Current?.SetTag("moderation.self_report", report.ReporterAccountId == report.ReportedAccountId); // clean precision-about
    }
}

public interface IPlayerPseudonyms
{
    Pseudonym For(string accountId);
}

public sealed class PlayerPseudonyms(Pseudonymizer pseudonymizer) : IPlayerPseudonyms
{
    public Pseudonym For(string accountId) => pseudonymizer.PseudonymizeArenaPlayerId(accountId);
}

/// <summary>Places players in lobbies.</summary>
public sealed class LobbyService(IPlayerPseudonyms pseudonyms, ILogger<LobbyService> logger, Meter meter)
{
    private readonly Counter<long> _joins = meter.CreateCounter<long>("lobby.joins");

    public void Join(string accountId, string gamertag, string region, int playerLevel)
    {
        var player = pseudonyms.For(accountId);
        Activity.Current?.SetTag("lobby.player", player.Value); // clean precision-pseudonym
        logger.LogInformation("Player {Player} joined a lobby in {Region}", player, region); // clean precision-pseudonym
        _joins.Add(1, new KeyValuePair<string, object?>("lobby.region", region)); // clean direct
        _joins.Add(1, new KeyValuePair<string, object?>("lobby.player", player.ToString())); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("lobby.player.level", playerLevel); // clean precision-names
        Activity.Current?.SetTag("lobby.gamertag.length", gamertag.Length); // clean precision-about
        Activity.Current?.SetTag("lobby.host", gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("lobby.player.region", region); // clean precision-names
        Activity.Current?.SetTag("lobby.seat", HashCode.Combine(accountId, region) % 8); // leak TC1002 hashes
    }
}

/// <summary>Logs slow arena spans for the on-call engineer.</summary>
public sealed class SlowSpanListener : IDisposable
{
    private readonly ActivityListener _listener;

    public SlowSpanListener(ILogger<SlowSpanListener> logger)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Arena.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Duration < TimeSpan.FromSeconds(2))
                {
                    return;
                }

                logger.LogWarning("Slow span {Name} took {Duration}", activity.DisplayName, activity.Duration); // clean direct
                logger.LogWarning("Slow span hosted by {Host}", activity.GetBaggageItem("arena.host.gamertag")); // leak TC1001 cross-member
                logger.LogWarning("Slow span with {TagCount} tags", activity.TagObjects is ICollection<KeyValuePair<string, object?>> tags ? tags.Count : 0); // clean precision-about
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();
}
