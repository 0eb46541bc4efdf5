namespace PrivacyHoldout100.Gaming;

/// <summary>The resume ticket a game client presents when it reconnects to the match socket.</summary>
public sealed record ResumeTicket(string SessionId, string MatchId, Guid PlayerId, long LastSequence);

/// <summary>Thrown when a resume ticket does not match a live session; quotes the session and the player.</summary>
public sealed class SessionResumeException(ResumeTicket ticket)
    : Exception($"Cannot resume session {ticket.SessionId} for player {ticket.PlayerId}: the match has moved on.")
{
    public ResumeTicket Ticket { get; } = ticket;
}

/// <summary>
/// The match state socket: game clients stream inputs and receive snapshots over a raw WebSocket; a client
/// that drops reconnects with its resume ticket and replays from its last sequence number. Players in the
/// AR mode also share their position with their party.
/// </summary>
public sealed partial class MatchStateSocket(ILogger<MatchStateSocket> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Game.MatchSocket");
    private static readonly Meter Meter = new("Game.MatchSocket");
    private static readonly Counter<long> Resumes = Meter.CreateCounter<long>("match.socket.resumes");
    private static readonly Histogram<double> Gap = Meter.CreateHistogram<double>("match.socket.resume.gap", "{message}");

    public async Task ResumeAsync(HttpContext context, ResumeTicket ticket, long serverSequence)
    {
        using var span = Source.StartLobbyliveConnection("/ws/match")
            .SetLobbyliveConnectionId(ticket.SessionId) // clean generated-api
            .SetLobbyliveReconnectAttempt(1) // clean generated-api
            .SetLobbylivePlayerId(pseudonymizer.PseudonymizeLobbylivePlayerId(ticket.PlayerId.ToString())); // clean precision-pseudonym
        try
        {
            if (serverSequence - ticket.LastSequence > 512)
            {
                throw new SessionResumeException(ticket);
            }
            Resumes.Add(1, new KeyValuePair<string, object?>("match", ticket.MatchId), new KeyValuePair<string, object?>("outcome", "resumed")); // clean precision-about
            Gap.Record(serverSequence - ticket.LastSequence, new KeyValuePair<string, object?>("player", ticket.PlayerId)); // leak TC1003 direct
            logger.LogInformation("Resumed {Ticket}", ticket); // leak TC1001 logging-objects
            logger.LogInformation("Resumed session {Session} of match {Match} from {Sequence}", ticket.SessionId, ticket.MatchId, ticket.LastSequence); // clean precision-names
        }
        catch (SessionResumeException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetLobbyliveOutcome("resume-rejected"); // clean generated-api
            logger.LogWarning("Resume rejected ({Error})", ex.GetType().Name); // clean exceptions
            Resumes.Add(1, new KeyValuePair<string, object?>("match", ticket.MatchId), new KeyValuePair<string, object?>("outcome", "rejected")); // clean precision-about
        }
    }

    public async Task ReceiveLoopAsync(WebSocket socket, Guid playerId, string matchId, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                Activity.Current?.SetTag("match.socket.close", result.CloseStatus?.ToString()); // clean precision-about
                Activity.Current?.SetTag("match.socket.close.description", result.CloseStatusDescription); // clean precision-about
                return;
            }
            if (!result.EndOfMessage)
            {
                logger.LogWarning("Fragmented input of {Bytes} bytes from {Player} in {Match}", result.Count, playerId, matchId); // leak TC1001 direct
                continue;
            }
            var input = JsonSerializer.Deserialize<JsonElement>(buffer.AsSpan(0, result.Count));
            if (input.TryGetProperty("location", out var location))
            {
                var lat = location.GetProperty("lat").GetDouble();
                var lon = location.GetProperty("lon").GetDouble();
                LogPosition(logger, playerId, Geohash.Encode(lat, lon, 8)); // leak TC1001 strings
                LogArea(logger, matchId, Geohash.Encode(lat, lon, 4)); // clean precision-about
                Activity.Current?.SetTag("match.ar.spawn_seed", BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(Geohash.Encode(lat, lon, 7))))); // leak TC1002 hashes
            }
            Activity.Current?.SetTag("match.input.type", input.TryGetProperty("type", out var type) ? type.GetString() : "unknown"); // clean precision-about
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "AR position of {PlayerId}: {Geohash}")]
    private static partial void LogPosition(ILogger logger, Guid playerId, string geohash);

    [LoggerMessage(Level = LogLevel.Debug, Message = "AR activity in match {MatchId} around {Area}")]
    private static partial void LogArea(ILogger logger, string matchId, string area);
}
