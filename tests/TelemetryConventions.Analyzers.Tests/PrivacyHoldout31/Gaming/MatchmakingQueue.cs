using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using PrivacyHoldout31.Support.RateLimiting;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout31.Gaming;

public sealed record MatchTicket(string TicketId, Guid PlayerId, string Gamertag, int SkillRating, string Region, string Mode, DateTimeOffset EnqueuedAt);

/// <summary>Tickets queue on a channel; one reader forms lobbies of eight by region and mode.</summary>
public sealed class MatchmakingQueue(Meter meter, ILogger<MatchmakingQueue> logger)
{
    private const int LobbySize = 8;
    private readonly Channel<MatchTicket> _tickets = Channel.CreateUnbounded<MatchTicket>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, MatchTicket> _waiting = new();
    private readonly Histogram<double> _waitSeconds = meter.CreateHistogram<double>("matchmaking.wait", "s");

    public bool Enqueue(MatchTicket ticket)
    {
        if (!_waiting.TryAdd(ticket.PlayerId, ticket))
        {
            logger.LogInformation("Player {PlayerId} is already queued", ticket.PlayerId); // leak TC1001 direct
            return false;
        }

        _tickets.Writer.TryWrite(ticket);
        logger.LogDebug("Ticket {TicketId} queued for {Mode} in {Region}", ticket.TicketId, ticket.Mode, ticket.Region); // clean precision-about
        return true;
    }

    public async IAsyncEnumerable<IReadOnlyList<MatchTicket>> FormLobbiesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var pools = new Dictionary<(string Region, string Mode), List<MatchTicket>>();
        await foreach (var ticket in _tickets.Reader.ReadAllAsync(ct))
        {
            var pool = pools.TryGetValue((ticket.Region, ticket.Mode), out var p) ? p : pools[(ticket.Region, ticket.Mode)] = new List<MatchTicket>();
            pool.Add(ticket);
            if (pool.Count < LobbySize)
            {
                continue;
            }

            var lobby = pool.OrderBy(t => t.SkillRating).Take(LobbySize).ToList();
            pool.RemoveAll(lobby.Contains);
            foreach (var member in lobby)
            {
                _waiting.TryRemove(member.PlayerId, out _);
                _waitSeconds.Record((DateTimeOffset.UtcNow - member.EnqueuedAt).TotalSeconds, new KeyValuePair<string, object?>("region", member.Region), new("mode", member.Mode)); // clean precision-about
            }

            logger.LogInformation("Lobby formed from tickets {Tickets}", lobby.Select(t => t.TicketId)); // clean logging-objects
            logger.LogDebug("Lobby {@Lobby}", lobby); // leak TC1001 logging-objects
            Activity.Current?.SetTag("matchmaking.still_waiting", string.Join(",", _waiting.Keys)); // leak TC1001 logging-objects
            Activity.Current?.SetTag("matchmaking.skill_spread", lobby[^1].SkillRating - lobby[0].SkillRating); // clean precision-about
            yield return lobby;
        }
    }
}

/// <summary>Lobby chat is limited per player: five messages, then one every two seconds.</summary>
public sealed class LobbyChatLimiter(ILogger<LobbyChatLimiter> logger) : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        gamertag => RateLimitPartition.GetTokenBucketLimiter(gamertag, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 5,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(2),
            QueueLimit = 0,
        }));

    public bool TryPost(string gamertag, string lobbyId)
    {
        using var lease = _limiter.AttemptAcquire(gamertag);
        if (!lease.IsAcquired)
        {
            logger.LogInformation("Chat throttled in lobby {LobbyId} for partition {Partition}", lobbyId, gamertag); // leak TC1001 direct
            if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                Activity.Current?.SetTag("chat.retry_after_ms", retryAfter.TotalMilliseconds);
            }

            return false;
        }

        var statistics = _limiter.GetStatistics(gamertag);
        Activity.Current?.SetTag("chat.tokens_left", statistics?.CurrentAvailablePermits);
        Activity.Current?.SetTag("chat.lobby", lobbyId); // clean precision-about
        return true;
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
