using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Gaming;

public sealed record PlayerLine(Guid PlayerId, string Gamertag, Guid? PartyId, int Kills, int Deaths, int Assists, int Score, string Tier, string Platform);

public sealed record TeamResult(string Side, bool Won, IReadOnlyList<PlayerLine> Players);

public sealed record MatchResult(string MatchId, string Region, SeasonMode Mode, IReadOnlyList<TeamResult> Teams, IReadOnlyList<Guid> StartingRoster, TimeSpan Duration);

/// <summary>Summarises a finished match for the live-ops dashboards: MVP, scoreline, parties, leavers and lane match-ups.</summary>
public sealed class MatchSummaryService
{
    private readonly ActivitySource _source;
    private readonly Meter _meter;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<MatchSummaryService> _logger;
    private readonly Histogram<int> _scores;
    private readonly Dictionary<string, int> _reportsByGamertag = new(StringComparer.OrdinalIgnoreCase);

    public MatchSummaryService(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<MatchSummaryService> logger)
    {
        _source = source;
        _meter = meter;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _scores = meter.CreateHistogram<int>("season.match.score", "{point}", "Score of each player at the end of a match.");
    }

    public void Summarize(MatchResult match)
    {
        using var span = _source.StartSeasonMatchSummarize(match.MatchId); // clean direct
        var players = match.Teams.SelectMany(t => t.Players.Select(p => (Team: t.Side, t.Won, Player: p))).ToList();
        var playerCount = players.Count;
        span.SetSeasonPlayersCount(playerCount); // clean precision-names
        span.SetSeasonMode(match.Mode); // clean direct
        span.SetSeasonPlayersCount(players.Count);

        var mvp = players.MaxBy(p => p.Player.Score);
        span.SetSeasonPlayerId(_pseudonymizer.PseudonymizeSeasonPlayerId(mvp.Player.PlayerId.ToString())); // clean precision-pseudonym
        span.SetSeasonNote($"MVP {mvp.Player.Gamertag} with {mvp.Player.Score}"); // leak TC1001 generated-api
        span.Activity?.SetTag(SeasonAttributes.PlayerGamertag, mvp.Player.Gamertag); // leak TC1001 generated-api
        span.Activity?.SetTag("season.mvp.team", mvp.Team); // clean cross-member

        var scoreline = string.Join(" vs ", match.Teams.Select(t => $"{t.Side}:{t.Players.Sum(p => p.Score)}"));
        span.Activity?.SetTag("season.match.scoreline", scoreline); // clean strings
        var roster = string.Join(" vs ", match.Teams.Select(t => string.Join("+", t.Players.Select(p => p.Gamertag))));
        _logger.LogDebug("Match {Match} roster {Roster}", match.MatchId, roster); // leak TC1001 strings

        var killDeath = players.ToDictionary(p => p.Player.Gamertag, p => p.Player.Kills - p.Player.Deaths);
        _logger.LogInformation("Match {Match} K-D {KillDeath}", match.MatchId, killDeath); // leak TC1001 logging-objects
        _logger.LogInformation("Match {Match} mean K-D {Mean:F1}, spread {Spread}", match.MatchId, killDeath.Values.Average(), killDeath.Values.Max() - killDeath.Values.Min()); // clean precision-about

        foreach (var tier in players.GroupBy(p => p.Player.Tier))
        {
            _meter.CreateSeasonMatchesCounter().Add(1, match.Region, match.Mode, tier.Key); // clean cross-member
        }
        foreach (var (team, won, player) in players)
        {
            _scores.Record(player.Score, new KeyValuePair<string, object?>("season.region", match.Region), new KeyValuePair<string, object?>("season.tier", player.Tier)); // clean direct
            _scores.Record(player.Score, new KeyValuePair<string, object?>("season.region", match.Region), new KeyValuePair<string, object?>("season.player", player.Gamertag)); // leak TC1003 direct
        }

        var platforms = players.CountBy(p => p.Player.Platform).ToDictionary();
        _logger.LogInformation("Match {Match} platforms {@Platforms}", match.MatchId, platforms); // clean logging-objects

        var parties = players.Where(p => p.Player.PartyId is not null).GroupBy(p => p.Player.PartyId!.Value).Where(g => g.Count() > 1).ToList();
        span.Activity?.SetTag("season.parties", parties.Count);
        span.Activity?.SetTag("season.party.largest", parties.Select(g => g.Count()).DefaultIfEmpty().Max());
        foreach (var party in parties)
        {
            var partyKey = party.Select(p => p.Player.PlayerId).Order().Aggregate(0, (hash, id) => HashCode.Combine(hash, id));
            span.Activity?.AddEvent(new ActivityEvent("season.party", tags: new ActivityTagsCollection { ["party.key"] = partyKey, ["party.size"] = party.Count() })); // leak TC1002 hashes
            span.Activity?.AddEvent(new ActivityEvent("season.party.formed", tags: new ActivityTagsCollection { ["party.id"] = party.Key.ToString(), ["party.size"] = party.Count() })); // clean cross-member
        }

        var finished = players.Select(p => p.Player.PlayerId).ToHashSet();
        var leavers = match.StartingRoster.Where(id => !finished.Contains(id)).ToList();
        span.Activity?.SetTag("season.leavers", leavers.Count);
        if (leavers.Count > 0)
        {
            _logger.LogWarning("Match {Match} leavers {Leavers}", match.MatchId, string.Join(",", leavers)); // leak TC1001 strings
        }

        if (match.Teams.Count == 2)
        {
            foreach (var (left, right) in match.Teams[0].Players.Zip(match.Teams[1].Players))
            {
                _logger.LogDebug("Lane {Left} vs {Right}", left.Tier, right.Tier); // clean direct
                _logger.LogDebug("Lane match-up {Pair}", (left.Gamertag, right.Gamertag)); // leak TC1001 logging-objects
            }
        }
    }

    public void Reported(string reportedGamertag, string matchId)
    {
        _reportsByGamertag[reportedGamertag] = _reportsByGamertag.GetValueOrDefault(reportedGamertag) + 1;
        var mostReported = _reportsByGamertag.OrderByDescending(kv => kv.Value).Take(5).Select(kv => kv.Key).ToList();
        _logger.LogInformation("Report on match {Match}; {Players} players reported this session", matchId, _reportsByGamertag.Count); // clean precision-about
        _logger.LogInformation("Most reported this session {Players}", mostReported); // leak TC1001 logging-objects
        try
        {
            var strikes = _reportsByGamertag[reportedGamertag.Trim()];
            Activity.Current?.SetTag("season.report.strikes", strikes); // clean precision-about
        }
        catch (KeyNotFoundException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
        }
    }
}
