namespace PrivacyHoldout65.Media;

public sealed record ViewingProfile(Guid ProfileId, string Name, bool IsKids, string Maturity);

public sealed class PlaybackStart
{
    public required string SessionId { get; init; }

    [PersonalData]
    public required Guid SubscriberId { get; init; }

    public required string TitleId { get; init; }

    public required string Plan { get; init; }

    public required string DeviceClass { get; init; }

    [PersonalData]
    public required string DeviceId { get; init; }

    [LogPropertyIgnore]
    public ViewingProfile? Profile { get; init; }

    public int BitrateKbps { get; init; }
}

public sealed class PlaybackStop
{
    public required string SessionId { get; init; }

    public required Guid SubscriberId { get; init; }

    public required string TitleId { get; init; }

    public TimeSpan Watched { get; init; }

    public int Rebuffers { get; init; }
}

/// <summary>
/// The playback team's logger: every line it writes runs inside a scope with the subscriber's pseudonym
/// and the session, so dashboards can follow one session without the subscriber's id.
/// </summary>
public sealed class PlaybackLogger<T>(ILogger<T> inner, Pseudonymizer pseudonymizer)
{
    public IDisposable? Session(Guid subscriberId, string sessionId) =>
        inner.BeginScope(new Dictionary<string, object> { ["subscriber.ref"] = pseudonymizer.ComputeStreamSubscriberId(subscriberId.ToString()), ["session.id"] = sessionId }); // clean precision-pseudonym

    public IDisposable? Profile(ViewingProfile profile) =>
        inner.BeginScope(new Dictionary<string, object> { ["profile.id"] = profile.ProfileId, ["profile.kids"] = profile.IsKids }); // leak TC1001 direct

    public void Info(string message, params object?[] args) => inner.LogInformation(message, args);

    public void Warn(Exception? exception, string message, params object?[] args) => inner.LogWarning(exception, message, args);
}

/// <summary>The playback service's log messages (event ids 7100–7149).</summary>
internal static partial class PlaybackLog
{
    [LoggerMessage(EventId = 7101, EventName = "PlaybackStarted", Level = LogLevel.Information, Message = "Playback started")]
    public static partial void PlaybackStarted(this ILogger logger, [LogProperties] PlaybackStart start);

    [LoggerMessage(EventId = 7102, EventName = "PlaybackStopped", Level = LogLevel.Information, Message = "Playback {SessionId} stopped after {Watched}")]
    public static partial void PlaybackStopped(this ILogger logger, string sessionId, TimeSpan watched, [LogProperties(SkipNullProperties = true)] PlaybackStop stop);

    [LoggerMessage(EventId = 7103, EventName = "ProfileSwitched", Level = LogLevel.Information, Message = "Switched to profile {ProfileName} ({Maturity})")]
    public static partial void ProfileSwitched(this ILogger logger, string profileName, string maturity);

    [LoggerMessage(EventId = 7104, EventName = "ConcurrentStreams", Level = LogLevel.Warning, Message = "Too many streams for plan {Plan}: {Devices}")]
    public static partial void ConcurrentStreams(this ILogger logger, string plan, IReadOnlyDictionary<string, string> devices);

    [LoggerMessage(EventId = 7105, EventName = "LicenceDenied", Level = LogLevel.Warning, Message = "Licence denied for title {TitleId}")]
    public static partial void LicenceDenied(this ILogger logger, Exception exception, string titleId);

    [LoggerMessage(EventId = 7106, EventName = "KidsProfileBlocked", Level = LogLevel.Information, Message = "Title {TitleId} blocked on a kids profile")]
    public static partial void KidsProfileBlocked(this ILogger logger, string titleId, [SensitiveData] string profileName);
}

public sealed class LicenceDeniedException(string titleId, string reason) : Exception($"Licence server refused {titleId}: {reason}");

public sealed class StreamLimitException(Guid subscriberId, int active) : Exception($"Subscriber {subscriberId} already has {active} active streams");

public interface ILicenceServer
{
    Task<string> LicenceAsync(string titleId, string deviceClass, CancellationToken ct);
}

/// <summary>Starts and stops playback sessions and checks the subscriber's stream limit.</summary>
public sealed class PlaybackSessionService(
    ILogger<PlaybackSessionService> logger,
    PlaybackLogger<PlaybackSessionService> playbackLog,
    ILicenceServer licences,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly StreamSessionsCounter _sessions = meter.CreateStreamSessionsCounter();
    private readonly Histogram<double> _startup = meter.CreateHistogram<double>("stream.startup.duration", "s");

    /// <param name="activeDevices">The subscriber's devices that are streaming now: device id to viewing profile id.</param>
    public async Task StartAsync(PlaybackStart start, IReadOnlyDictionary<string, Guid> activeDevices, CancellationToken ct)
    {
        using var session = playbackLog.Session(start.SubscriberId, start.SessionId);
        using var profileScope = start.Profile is { } profile ? playbackLog.Profile(profile) : null; // leak TC1001 cross-member
        using var span = source.StartStreamProcess(start.TitleId)
            .SetStreamSubscriberId(pseudonymizer.PseudonymizeStreamSubscriberId(start.SubscriberId.ToString())); // clean precision-pseudonym

        logger.PlaybackStarted(start); // clean logging-objects
        playbackLog.Info("Starting {TitleId} on {DeviceClass} at {Bitrate} kbps", start.TitleId, start.DeviceClass, start.BitrateKbps); // clean direct
        playbackLog.Info("Starting on device {DeviceId}", start.DeviceId); // leak TC1001 cross-member

        if (start.Profile is { IsKids: true } kids)
        {
            logger.KidsProfileBlocked(start.TitleId, kids.Name); // clean direct
            logger.ProfileSwitched(kids.Name, kids.Maturity); // leak TC1001 direct
        }

        if (activeDevices.Count >= 4)
        {
            var limit = new StreamLimitException(start.SubscriberId, activeDevices.Count);
            logger.ConcurrentStreams(start.Plan, activeDevices.ToDictionary(d => d.Key, d => d.Value.ToString())); // leak TC1001 logging-objects
            logger.ConcurrentStreams(start.Plan, new Dictionary<string, string> { ["active"] = activeDevices.Count.ToString(), ["limit"] = "4" }); // clean precision-about
            playbackLog.Warn(limit, "Stream limit reached on plan {Plan}", start.Plan); // leak TC1001 exceptions
            span.SetStreamDecision(StreamDecision.Denied).SetStreamOutcome("denied:concurrent_streams"); // clean generated-api
            logger.LogStreamDeniedEvent(start.TitleId, "denied:concurrent_streams", streamNote: limit.Message); // leak TC1001 generated-api
            _sessions.Add(1, start.TitleId, StreamDecision.Denied, streamOutcome: "concurrent_streams"); // clean generated-api
            return;
        }

        try
        {
            var licence = await licences.LicenceAsync(start.TitleId, start.DeviceClass, ct);
            _startup.Record(1.2, new KeyValuePair<string, object?>("stream.device_class", start.DeviceClass), new KeyValuePair<string, object?>("stream.plan", start.Plan)); // clean precision-about
            _startup.Record(1.2, new KeyValuePair<string, object?>("stream.device", start.DeviceId)); // leak TC1003 direct
        }
        catch (LicenceDeniedException ex)
        {
            logger.LicenceDenied(ex, start.TitleId); // clean exceptions
            logger.LogStreamDeniedEvent(start.TitleId, "denied:licence", streamSubscriberId: pseudonymizer.PseudonymizeStreamSubscriberId(start.SubscriberId.ToString()), streamNote: ex.Message); // clean generated-api
        }
    }

    public void Stop(PlaybackStop stop)
    {
        logger.PlaybackStopped(stop.SessionId, stop.Watched, stop); // leak TC1001 logging-objects
        _sessions.Add(1, stop.TitleId, streamOutcome: $"stopped:{stop.Rebuffers}"); // clean precision-about
    }
}
