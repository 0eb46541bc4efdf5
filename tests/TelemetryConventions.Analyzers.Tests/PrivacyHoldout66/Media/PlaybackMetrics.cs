namespace PrivacyHoldout66.Media;

public sealed record PlaybackSession(string SessionId, Guid SubscriberId, string ProfileId, string ProfileName, string DeviceId, string DeviceClass, string TitleId, string Cdn, string Plan, string Country);

/// <summary>
/// Playback quality-of-experience instruments, created from <see cref="IMeterFactory"/> in the
/// singleton the playback API registers. Active sessions are held here and observed on collection.
/// </summary>
public sealed class PlaybackMetrics
{
    private readonly ConcurrentDictionary<string, PlaybackSession> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _bitrateBySession = new(StringComparer.Ordinal);
    private readonly UpDownCounter<int> _streams;
    private readonly Histogram<double> _rebufferRatio;
    private readonly Gauge<int> _bitrate;
    private readonly Counter<long> _errors;
    private readonly PlaybackStartsCounter _starts;
    private readonly PlaybackStartupTimeHistogram _startup;

    public PlaybackMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create("Streaming.Playback", "3.1.0", [new KeyValuePair<string, object?>("service.tier", "edge")]);
        _streams = Meter.CreateUpDownCounter<int>("playback.streams.active", "{stream}");
        _rebufferRatio = Meter.CreateHistogram<double>("playback.rebuffer.ratio", "1");
        _bitrate = Meter.CreateGauge<int>("playback.bitrate", "kbit/s");
        _errors = Meter.CreateCounter<long>("playback.errors", "{error}");
        _starts = Meter.CreatePlaybackStartsCounter();
        _startup = Meter.CreatePlaybackStartupTimeHistogram();
        Meter.CreateObservableGauge("playback.sessions.by_cdn", () => _active.Values.GroupBy(s => s.Cdn).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("cdn", g.Key)))); // clean direct
        Meter.CreateObservableGauge("playback.sessions.by_device", () => _active.Values.Select(s => new Measurement<int>(_bitrateBySession.GetValueOrDefault(s.SessionId), new KeyValuePair<string, object?>("device", s.DeviceId)))); // leak TC1003 cross-member
        Meter.CreateObservableGauge("playback.sessions.by_plan", ObservePlans);
    }

    public Meter Meter { get; }

    public void Started(PlaybackSession session, TimeSpan timeToFirstFrame)
    {
        _active[session.SessionId] = session;
        _streams.Add(1, new KeyValuePair<string, object?>("plan", session.Plan), new KeyValuePair<string, object?>("country", session.Country));
        _starts.Add(1, session.Cdn, session.DeviceClass, playbackOutcome: "started"); // clean generated-api
        _startup.Record(timeToFirstFrame.TotalSeconds, session.Cdn, session.DeviceClass); // clean generated-api
    }

    public void Concurrency(PlaybackSession session, int streamsForAccount) =>
        _streams.Add(0, new KeyValuePair<string, object?>("plan", session.Plan), new KeyValuePair<string, object?>("subscriber", session.SubscriberId), new KeyValuePair<string, object?>("concurrent", streamsForAccount)); // leak TC1003 direct

    public void Bitrate(string sessionId, string cdn, int kbps)
    {
        _bitrateBySession[sessionId] = kbps;
        _bitrate.Record(kbps, new KeyValuePair<string, object?>("cdn", cdn), new KeyValuePair<string, object?>("session", sessionId)); // clean direct
    }

    public void Rebuffered(PlaybackSession session, double ratio) =>
        _rebufferRatio.Record(ratio, new KeyValuePair<string, object?>("cdn", session.Cdn), new KeyValuePair<string, object?>("profile", session.ProfileName)); // leak TC1003 direct

    public void Failed(PlaybackSession session, string drmCode) =>
        _starts.Add(1, session.Cdn, session.DeviceClass, playbackOutcome: $"failed:{drmCode}"); // clean generated-api

    public void FailedFor(PlaybackSession session, Exception error)
    {
        _errors.Add(1, new KeyValuePair<string, object?>("cdn", session.Cdn), new KeyValuePair<string, object?>("error.type", error.GetType().FullName)); // clean exceptions
        _starts.Add(1, session.Cdn, session.DeviceClass, playbackOutcome: error.Message);
    }

    public void Ended(string sessionId)
    {
        if (_active.TryRemove(sessionId, out var session))
        {
            _streams.Add(-1, new KeyValuePair<string, object?>("plan", session.Plan), new KeyValuePair<string, object?>("country", session.Country));
            _bitrateBySession.TryRemove(sessionId, out _);
        }
    }

    private IEnumerable<Measurement<int>> ObservePlans()
    {
        foreach (var group in _active.Values.GroupBy(s => (s.Plan, s.DeviceClass)))
        {
            yield return new Measurement<int>(group.Count(), new KeyValuePair<string, object?>("plan", group.Key.Plan), new KeyValuePair<string, object?>("device.class", group.Key.DeviceClass)); // clean direct
        }
    }
}
