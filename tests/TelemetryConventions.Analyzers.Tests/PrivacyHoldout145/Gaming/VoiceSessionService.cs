namespace PrivacyHoldout145.Gaming;

/// <summary>
/// Puts players into party and match voice channels and books the minutes they talk, which the carrier partner
/// bills to the studio per region. Channels, regions and minutes are things and values; players are people.
/// </summary>
public sealed class VoiceSessionService(
    IVoiceBackend backend,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<VoiceSessionService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Studio.Voice.Sessions");

    private readonly Counter<long> _minutes = meter.CreateCounter<long>("voice.minutes", "min");
    private readonly Counter<long> _joins = meter.CreateCounter<long>("voice.joins", "{join}");

    private readonly Dictionary<Guid, int> _minutesToday = new();
    private string? _longestTalker;

    public async Task<VoiceChannel?> JoinAsync(string channelId, Guid playerId, string gamertag, string region, CancellationToken ct)
    {
        using var span = Source.StartVoicechatOperation(region, "voice.join");
        span.SetVoicechatPlayerId(pseudonymizer.PseudonymizeVoicechatPlayerId(playerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("voice.channel.id", channelId); // clean precision-names
        Activity.Current?.AddBaggage("voice.player", playerId.ToString()); // leak TC1001 direct
        Activity.Current?.SetTag("voice.roster.entry", string.Format(CultureInfo.InvariantCulture, "{0}#{1}", gamertag, channelId)); // leak TC1001 strings
        try
        {
            var channel = await backend.JoinAsync(channelId, playerId, ct);
            span.SetVoicechatChannelKind(channel.Kind); // clean precision-about
            logger.LogInformation("Joined {Channel}", channel); // clean logging-objects
            logger.LogInformation("{Gamertag} joined {ChannelId}", gamertag, channelId); // leak TC1001 direct
            _joins.Add(1, new KeyValuePair<string, object?>("region", region), new KeyValuePair<string, object?>("kind", channel.Kind)); // clean precision-about
            return channel;
        }
        catch (VoiceBanException ban)
        {
            span.RecordException(ban); // clean exceptions
            Activity.Current?.SetTag("voice.ban.until", ban.Until.ToString("u", CultureInfo.InvariantCulture)); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ban.Message); // leak TC1001 exceptions
            logger.LogVoicechatOperationFailedEvent(region, "banned", pseudonymizer.PseudonymizeVoicechatPlayerId(playerId.ToString()), ban.Message); // leak TC1001 exceptions
            return null;
        }
        catch (ChannelFullException full)
        {
            logger.LogWarning(full, "Channel full for {Region}", region); // clean exceptions
            span.SetVoicechatNote(full.Message); // clean exceptions
            return null;
        }
    }

    public void End(VoiceSession session)
    {
        using var span = Source.StartVoicechatOperation(session.Region, "voice.end");
        _minutes.Add(session.Minutes, new KeyValuePair<string, object?>("region", session.Region)); // clean precision-about
        _minutes.Add(session.Minutes, new KeyValuePair<string, object?>("region", session.Region), new KeyValuePair<string, object?>("player", session.PlayerId)); // leak TC1003 direct
        meter.CreateVoicechatSessionDurationHistogram().Record(session.Minutes * 60.0, session.Region); // clean generated-api
        meter.CreateVoicechatSessionsCounter().Add(1, session.Region, "ended"); // clean generated-api
        logger.LogInformation("Voice session ended {Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Voice session {SessionId} on {ChannelId} ended after {Minutes} minutes", session.SessionId, session.ChannelId, session.Minutes); // clean precision-names

        _minutesToday[session.PlayerId] = _minutesToday.GetValueOrDefault(session.PlayerId) + session.Minutes;
        if (session.Minutes > 180)
        {
            _longestTalker = session.Gamertag;
        }

        var bucket = HMACSHA256.HashData(secrets.ShardKey, session.PlayerId.ToByteArray())[0] % 10;
        span.SetVoicechatOutcome(bucket < 1 ? "sampled" : "ended"); // clean hashes
        Activity.Current?.SetTag("voice.player.bucket", session.PlayerId.GetHashCode() % 10); // leak TC1002 hashes
    }

    public void ReportDay()
    {
        logger.LogInformation("Minutes per player today: {Minutes}", _minutesToday); // leak TC1001 cross-member
        logger.LogInformation("Players who talked today: {Players}, minutes {Total}", _minutesToday.Count, _minutesToday.Values.Sum()); // clean cross-member
        Activity.Current?.SetTag("voice.longest_talker", _longestTalker); // leak TC1001 cross-member
    }
}
