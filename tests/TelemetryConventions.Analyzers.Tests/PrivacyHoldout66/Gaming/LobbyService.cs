namespace PrivacyHoldout66.Gaming;

public sealed class TicketRejectedException(string gamertag, string queue, string reason)
    : Exception($"{gamertag} cannot join {queue}: {reason}")
{
    public string Queue { get; } = queue;
}

/// <summary>Enqueues tickets, forms lobbies and records the matchmaking KPIs.</summary>
public sealed class LobbyService(
    MatchmakingMetrics metrics,
    IGameMetrics gameMetrics,
    ConcurrentDictionary<string, ConcurrentQueue<Ticket>> queues,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    ILogger<LobbyService> logger)
{
    private readonly AllowList _regions = new(["eu-west", "eu-central", "us-east", "us-west", "ap-south"]);

    public void Enqueue(Ticket ticket)
    {
        var started = ValueStopwatch.StartNew();
        if (ticket.Mmr < 0)
        {
            var ex = new TicketRejectedException(ticket.Gamertag, ticket.Queue, "placement matches not finished");
            gameMetrics.Count("lobby.rejected", ("queue", ex.Queue), ("reason", ex.GetType().Name)); // clean exceptions
            gameMetrics.Count("lobby.rejected.detail", ("queue", ex.Queue), ("detail", ex.Message)); // leak TC1003 exceptions
            logger.LogInformation(ex, "Ticket rejected"); // leak TC1001 exceptions
            return;
        }

        queues.GetOrAdd(ticket.Queue, _ => new ConcurrentQueue<Ticket>()).Enqueue(ticket);
        gameMetrics.Count("lobby.enqueued", ("queue", ticket.Queue), ("region", _regions.Limit(ticket.Region))); // clean direct
        gameMetrics.Count("lobby.enqueued.by_party", ("queue", ticket.Queue), ("party", ticket.PartyId ?? "solo")); // clean direct
        gameMetrics.Count("lobby.enqueued.by_account", ("queue", ticket.Queue), ("player", ticket.Player)); // leak TC1003 direct
        gameMetrics.Count("lobby.enqueued.by_cohort", ("queue", ticket.Queue), ("cohort", KeyedShard.Of(secrets.ShardKey, ticket.Player.ToString(), 10))); // clean hashes
        gameMetrics.Count("lobby.enqueued.by_bucket", ("queue", ticket.Queue), ("bucket", (ticket.Gamertag.GetHashCode() & 0x7fffffff) % 16)); // leak TC1003 hashes
        gameMetrics.Time("lobby.enqueue", started.GetElapsedTime(), ("queue", ticket.Queue), ("mmr.band", Buckets.Of(ticket.Mmr, 1000, 1500, 2000, 2500))); // clean precision-about
        logger.LogDebug("Enqueued {Player} in {Queue}", pseudonymizer.ComputeLobbyPlayerId(ticket.Player.ToString()), ticket.Queue); // clean precision-pseudonym
        logger.LogDebug("Enqueued {Gamertag} ({Mmr}) in {Queue}", ticket.Gamertag, ticket.Mmr, ticket.Queue); // leak TC1001 direct
    }

    public void FormLobby(string queue, string region, string map, IReadOnlyList<Ticket> tickets)
    {
        using var span = source.StartLobbyMatch(queue)
            .SetLobbyRegion(region)
            .SetLobbyMatchId(Guid.NewGuid().ToString("N")); // clean direct
        span.Activity?.SetTag("lobby.size", tickets.Count).SetTag("lobby.parties", tickets.Select(t => t.PartyId).Distinct().Count()); // clean precision-about
        span.Activity?.SetTag("lobby.roster", string.Join(",", tickets.Select(t => t.Gamertag))); // leak TC1001 strings
        span.Activity?.SetTag("lobby.leader", pseudonymizer.ComputeLobbyPlayerId(tickets[0].Player.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag(LobbyAttributes.PlayerGamertag, tickets[0].Gamertag); // leak TC1001 generated-api
        metrics.Matched(queue, region, map, tickets);
        var playerCount = tickets.Count;
        gameMetrics.Count("lobby.formed", ("queue", queue), ("player.count", playerCount)); // clean precision-names
        logger.LogDebug("Lobby formed in {Queue}: {Tickets}", queue, string.Join("; ", tickets)); // leak TC1001 logging-objects

        foreach (var ticket in tickets)
        {
            var waited = DateTimeOffset.UtcNow - ticket.EnqueuedAt;
            metrics.Waited(ticket, waited); // clean generated-api
            if (waited > TimeSpan.FromMinutes(5))
            {
                metrics.WaitedOnWatch(ticket, waited, pseudonymizer.PseudonymizeLobbyPlayerId(ticket.Player.ToString())); // leak TC1003 precision-pseudonym
                span.Activity?.AddEvent(new ActivityEvent("lobby.long_wait", tags: new ActivityTagsCollection { ["waited.s"] = waited.TotalSeconds, ["player"] = ticket.Player.Value })); // leak TC1001 direct
            }
        }
        span.SetLobbyOutcome("matched"); // clean generated-api
    }

    public void Dodge(Ticket ticket, string matchId)
    {
        logger.LogLobbyDodgedEvent(ticket.Queue, pseudonymizer.PseudonymizeLobbyPlayerId(ticket.Player.ToString()), lobbyOutcome: "dodged"); // clean generated-api
        logger.LogLobbyDodgedEvent(ticket.Queue, lobbyOutcome: $"dodged:{ticket.Gamertag}"); // leak TC1001 generated-api
        gameMetrics.Count("lobby.dodged", ("queue", ticket.Queue), ("match", matchId));
        metrics.TimedOut(ticket); // leak TC1003 cross-member
    }
}
