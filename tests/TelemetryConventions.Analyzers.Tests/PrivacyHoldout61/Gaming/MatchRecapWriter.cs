using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Text;
using Humanizer;
using Microsoft.Extensions.Logging;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Gaming;

/// <summary>The kill feed and MVPs of one match, collected while the match server reports it.</summary>
public sealed class MatchRecap
{
    private readonly StringBuilder _feed = new();
    private readonly List<string> _mvps = [];

    public int Kills { get; private set; }

    public string Mvps => string.Join(", ", _mvps);

    public void Kill(Gamertag killer, Gamertag victim, string weapon)
    {
        _feed.Append(killer).Append(" > ").Append(victim).Append(" (").Append(weapon).AppendLine(")");
        Kills++;
    }

    public void Mvp(Gamertag player) => _mvps.Add(player.Value);

    public override string ToString() => _feed.ToString();
}

/// <summary>Publishes a match recap to the guild and to the recap page.</summary>
public sealed class MatchRecapWriter(ILogger<MatchRecapWriter> logger, ActivitySource source, Pseudonymizer pseudonymizer)
{
    private static readonly Meter RecapMeter = new("Arena.Recaps");
    private static readonly Counter<long> Recaps = RecapMeter.CreateCounter<long>("arena.recaps.published");

    public void Publish(string matchId, string mode, MatchRecap recap, IReadOnlyList<GuildMember> players)
    {
        using var activity = source.StartActivity($"recap {mode} {matchId}"); // clean precision-names
        activity?.SetTag("match.kills", recap.Kills); // clean precision-about
        activity?.SetTag("match.mvps", recap.Mvps); // leak TC1001 cross-member
        activity?.SetTag("match.feed.lines", recap.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        logger.LogInformation("Recap for {Match}: {Recap}", matchId, recap); // leak TC1001 logging-objects

        activity?.SetTag("match.roster", Roster(players)); // leak TC1001 cross-member
        activity?.SetTag("match.roster.refs", RosterRefs(players)); // clean precision-pseudonym
        activity?.SetTag("match.roster.regions", string.Join(',', players.Select(p => p.Region).Distinct().Order())); // clean precision-names
        activity?.SetTag("match.roster.size", "player".ToQuantity(players.Count)); // clean precision-about

        var host = players[0];
        var share = new UriBuilder("https", "play.arena.example") { Path = $"recap/{matchId}", Query = "by=" + Uri.EscapeDataString(host.Gamertag.Value) }.Uri;
        logger.LogInformation("Recap share link {Link}", share); // leak TC1001 strings
        var campaign = new UriBuilder("https", "play.arena.example") { Path = $"recap/{matchId}", Query = "utm_source=guild&utm_medium=recap" }.Uri;
        logger.LogInformation("Recap share link {Link}", campaign); // clean precision-names

        Recaps.Add(1, new TagList { { "match.mode", mode }, { "match.players", players.Count } }); // clean precision-about
        Recaps.Add(1, new TagList { { "match.mode", mode }, { "match.host", pseudonymizer.ComputeGuildPlayerId(host.AccountId) } }); // leak TC1003 precision-pseudonym
        Recaps.Add(1, new TagList { { "match.mode", mode }, { "match.host.tag", host.Gamertag.Value.Truncate(8) } }); // leak TC1003 strings
    }

    private static string Roster(IEnumerable<GuildMember> players) =>
        string.Join("; ", players.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Gamertag} ({p.Region})")));

    private string RosterRefs(IEnumerable<GuildMember> players) =>
        string.Join(";", players.Select(p => pseudonymizer.ComputeGuildPlayerId(p.AccountId)));
}
