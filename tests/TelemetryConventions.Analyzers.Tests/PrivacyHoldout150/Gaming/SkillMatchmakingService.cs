namespace PrivacyHoldout150.Gaming;

/// <summary>Drains the matchmaking queue of a region and forms lobbies of players with close MMR.</summary>
public sealed partial class SkillMatchmakingService(
    IQueueReceiver<QueueTicket> tickets,
    IMatchmaker matchmaker,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SkillMatchmakingService> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Lobby.Matchmaking");
    private readonly Counter<long> _ticketsQueued = meter.CreateCounter<long>("lobby.tickets.queued");
    private readonly Counter<long> _requeues = meter.CreateCounter<long>("lobby.tickets.requeued");
    private readonly Histogram<int> _mmrSpread = meter.CreateHistogram<int>("lobby.mmr.spread");
    private readonly List<QueueTicket> _waiting = new();
    private string? _longestWaitingGamertag;
    private int _longestWaitSeconds;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ticket = await tickets.ReceiveAsync(stoppingToken);
            if (ticket is null)
            {
                continue;
            }

            Enqueue(ticket);
            if (_waiting.Count >= 10)
            {
                await FormAsync(ticket.Region, stoppingToken);
            }
        }
    }

    private void Enqueue(QueueTicket ticket)
    {
        using var activity = Source.StartActivity("lobby.enqueue");
        activity?.SetTag("lobby.ticket.id", ticket.TicketId); // clean precision-names
        activity?.SetTag("lobby.player.id", ticket.PlayerId); // leak TC1001 direct
        activity?.SetTag("lobby.player.mmr", ticket.Mmr); // clean precision-about
        activity?.SetTag("lobby.party.id", ticket.PartyId); // clean precision-names
        logger.LogDebug("Queued {Gamertag} at {Mmr} in {Region}", ticket.Gamertag, ticket.Mmr, ticket.Region); // leak TC1001 direct
        _ticketsQueued.Add(1, new KeyValuePair<string, object?>("lobby.region", ticket.Region)); // clean precision-about
        _requeues.Add(_waiting.Count(t => t.PlayerId == ticket.PlayerId), new KeyValuePair<string, object?>("lobby.player", ticket.Gamertag)); // leak TC1003 direct

        var waited = (int)(DateTimeOffset.UtcNow - DateTimeOffset.UtcNow.AddSeconds(-_waiting.Count * 7)).TotalSeconds;
        if (waited > _longestWaitSeconds)
        {
            _longestWaitSeconds = waited;
            _longestWaitingGamertag = ticket.Gamertag;
        }

        _waiting.Add(ticket);
    }

    private async Task FormAsync(string region, CancellationToken cancellationToken)
    {
        using var span = source.StartLobbyOperation(region);
        span.SetLobbyQueue("ranked-solo").SetLobbyPlayerCount(_waiting.Count); // clean generated-api
        span.SetLobbyPlayerId(pseudonymizer.PseudonymizeLobbyPlayerId(_waiting[0].PlayerId.ToString())); // clean precision-pseudonym
        try
        {
            var lobby = await matchmaker.TryFormAsync(region, _waiting, cancellationToken);
            if (lobby is null)
            {
                Activity.Current?.AddEvent(new ActivityEvent("lobby.not_formed", tags: new ActivityTagsCollection { ["lobby.longest_wait_s"] = _longestWaitSeconds })); // clean cross-member
                Activity.Current?.SetTag("lobby.longest_waiting", _longestWaitingGamertag); // leak TC1001 cross-member
                return;
            }

            LogLobbyFormed(logger, lobby); // clean logging-objects
            _mmrSpread.Record(lobby.MmrSpread, new KeyValuePair<string, object?>("lobby.region", lobby.Region)); // clean precision-about
            meter.CreateLobbyMatchesCounter().Add(1, region, "formed"); // clean generated-api
            span.SetLobbyNote($"formed {lobby.LobbyId} avg {lobby.AverageMmr}"); // clean strings
            span.SetLobbyNote(string.Join(",", _waiting.Select(t => t.Gamertag))); // leak TC1001 generated-api
            LogTicketShard(logger, ShardOf(_waiting[0].PlayerId)); // clean hashes
            LogTicketHash(logger, _waiting[0].PlayerId.GetHashCode()); // leak TC1002 hashes
            _waiting.Clear();
        }
        catch (QueueBanException ex)
        {
            logger.LogWarning(ex, "Ticket dropped from the lobby"); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            meter.CreateLobbyMatchesCounter().Add(1, region, ex.GetType().Name); // clean exceptions
        }
        catch (RegionUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogLobbyOperationFailedEvent(region, "region_unavailable", lobbyNote: ex.Message); // clean generated-api
        }
    }

    private int ShardOf(Guid playerId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(playerId.ToByteArray())[0] % 32;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Lobby formed: {Lobby}")]
    private static partial void LogLobbyFormed(ILogger logger, FormedLobby lobby);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "First ticket in shard {Shard}")]
    private static partial void LogTicketShard(ILogger logger, int shard);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "First ticket hash {TicketHash}")]
    private static partial void LogTicketHash(ILogger logger, int ticketHash);
}
