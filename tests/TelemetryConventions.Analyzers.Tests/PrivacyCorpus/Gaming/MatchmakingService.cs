using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Gaming;

public sealed record PlayerProfile(string PlayerId, string Gamertag, int SkillRating, string Region, bool IsPremium);

public sealed record MatchTicket(Guid TicketId, string PlayerId, string Mode, DateTimeOffset QueuedAt)
{
    public string? PartyLeaderId { get; init; }
}

public interface IPlayerDirectory
{
    Task<PlayerProfile> GetAsync(string playerId, CancellationToken cancellationToken);
}

/// <summary>Groups queued tickets into matches; a singleton with a tick loop.</summary>
public sealed class MatchmakingService(IPlayerDirectory players, Pseudonymizer pseudonymizer, ILogger<MatchmakingService> logger)
{
    private static readonly ActivitySource Source = new("Arena.Matchmaking");
    private static readonly Meter Meter = new("Arena.Matchmaking");
    private static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>("arena.queue.wait", "s");
    private static readonly ArenaMatchesCounter Matches = Meter.CreateArenaMatchesCounter();

    private readonly List<MatchTicket> _queue = new();
    private readonly Dictionary<string, int> _ratingByPlayer = new(StringComparer.Ordinal);
    private string? _lastHostPlayerId;
    private Pseudonym _lastHost;

    public PlayerProfile? LastSeenProfile { get; private set; }

    public async Task EnqueueAsync(MatchTicket ticket, CancellationToken cancellationToken)
    {
        var profile = await players.GetAsync(ticket.PlayerId, cancellationToken);
        LastSeenProfile = profile;
        _ratingByPlayer[ticket.PlayerId] = profile.SkillRating;
        _queue.Add(ticket);

        Activity.Current?.SetTag("arena.queue.length", _queue.Count); // clean precision-about
        Activity.Current?.SetTag("arena.player.rating", _ratingByPlayer[ticket.PlayerId]); // clean precision-about
        Activity.Current?.SetTag("arena.player.premium", profile.IsPremium); // clean precision-about
    }

    public void ReportLastProfile()
    {
        Activity.Current?.SetTag("arena.last.player", LastSeenProfile?.PlayerId); // leak TC1001 cross-member
        Activity.Current?.SetTag("arena.last.region", LastSeenProfile?.Region); // clean precision-about
    }

    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var ready = _queue.Where(t => t.Mode == "ranked").Take(10).ToList();
        if (ready.Count < 2)
        {
            return 0;
        }

        var host = await PickHostAsync(ready, cancellationToken);
        _lastHostPlayerId = host;
        _lastHost = pseudonymizer.Pseudonymize(ArenaAttributes.PlayerId, host);

        using var match = Source.StartArenaMatch(_lastHost) // clean precision-pseudonym
            .SetArenaMatchPlayerCount(ready.Count);
        match.SetArenaRegion("eu-west"); // clean generated-api
        match.SetArenaMatchNote($"host {host} selected"); // leak TC1001 generated-api
        match.SetArenaMatchNote($"host selected from {ready.Count} tickets"); // clean generated-api

        foreach (var ticket in ready)
        {
            QueueWait.Record((DateTimeOffset.UtcNow - ticket.QueuedAt).TotalSeconds, new KeyValuePair<string, object?>("arena.mode", ticket.Mode)); // clean direct
            QueueWait.Record((DateTimeOffset.UtcNow - ticket.QueuedAt).TotalSeconds, new KeyValuePair<string, object?>("arena.player", _lastHost)); // leak TC1003 cross-member
        }

        Matches.Add(1, arenaRegion: "eu-west", arenaMatchResult: ArenaMatchResult.Win); // clean generated-api
        string Describe(MatchTicket t) => $"{t.PlayerId}:{t.Mode}";
        logger.LogInformation("Match formed from {Tickets}", string.Join(",", ready.Select(Describe))); // leak TC1001 cross-member
        logger.LogInformation("Match formed from {TicketIds}", string.Join(",", ready.Select(t => t.TicketId))); // clean strings
        logger.LogInformation("Match formed with {PlayerCount} players", ready.Count); // clean precision-names
        _queue.RemoveAll(ready.Contains);
        return ready.Count;
    }

    private async Task<string> PickHostAsync(IReadOnlyList<MatchTicket> tickets, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return tickets.OrderByDescending(t => _ratingByPlayer.GetValueOrDefault(t.PlayerId)).First().PlayerId;
    }

    public void TagHostMigration(Activity? activity)
    {
        activity?.SetTag("arena.host.previous", _lastHostPlayerId); // leak TC1001 cross-member
        activity?.SetTag("arena.host.previous", _lastHost.Value); // clean precision-pseudonym
    }

    public async Task AnnounceAsync(MatchTicket ticket, CancellationToken cancellationToken)
    {
        var leader = ticket.PartyLeaderId ?? ticket.PlayerId;
        Activity.Current?.SetTag("arena.party.leader", leader); // leak TC1001 cross-member
        var profile = await players.GetAsync(ticket.PlayerId, cancellationToken);
        Activity.Current?.SetTag("arena.player.gamertag", profile.Gamertag); // leak TC1001 precision-names
        logger.LogInformation("{Gamertag} joined the lobby", profile.Gamertag); // leak TC1001 precision-names
        Activity.Current?.SetTag("arena.party.has_leader", ticket.PartyLeaderId is not null); // clean precision-about
    }
}
