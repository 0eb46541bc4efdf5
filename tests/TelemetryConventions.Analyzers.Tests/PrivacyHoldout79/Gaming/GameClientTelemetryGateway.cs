namespace PrivacyHoldout79.Gaming;

/// <summary>A performance sample the game client sends every minute of a match.</summary>
public sealed record ClientPerfSample(Guid PlayerId, string Gamertag, string MatchId, string Build, string Platform, string GpuModel, double AvgFps, double P99FrameMs, int PingMs, string Region);

public sealed record PerfBatch(string BatchId, List<ClientPerfSample> Samples);

/// <summary>
/// The gRPC gateway the game client streams its performance samples to. Samples are re-emitted as
/// metrics and a share of players is traced in detail.
/// </summary>
public sealed partial class GameClientTelemetryGateway(
    ILogger<GameClientTelemetryGateway> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    KeyedBuckets buckets,
    Meter meter)
{
    private readonly Histogram<double> _fps = meter.CreateHistogram<double>("arena.client.fps");
    private readonly Histogram<int> _ping = meter.CreateHistogram<int>("arena.client.ping", "ms");
    private readonly Counter<long> _lowFps = meter.CreateCounter<long>("arena.client.low_fps");

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Perf sample match {MatchId} build {Build} on {Platform}/{Gpu}: {Fps} fps, {Ping} ms")]
    private static partial void LogSample(ILogger logger, string matchId, string build, string platform, string gpu, double fps, int ping);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Player {Gamertag} below 20 fps in match {MatchId}")]
    private static partial void LogLowFps(ILogger logger, string gamertag, string matchId);

    public Task<int> Upload(PerfBatch batch, ServerCallContext context)
    {
        using var span = source.StartQuestpulseIngest(batch.BatchId);
        span.SetQuestpulseBatchSize(batch.Samples.Count);
        span.Activity?.SetTag("rpc.method", context.Method); // clean precision-names
        span.Activity?.SetTag("client.peer", context.Peer); // leak TC1001 direct

        foreach (var sample in batch.Samples)
        {
            LogSample(logger, sample.MatchId, sample.Build, sample.Platform, sample.GpuModel, sample.AvgFps, sample.PingMs); // clean precision-about
            _fps.Record(sample.AvgFps, new KeyValuePair<string, object?>("build", sample.Build), new("platform", sample.Platform), new("gpu", sample.GpuModel)); // clean precision-about
            _ping.Record(sample.PingMs, new KeyValuePair<string, object?>("region", sample.Region)); // clean precision-about

            if (sample.AvgFps < 20)
            {
                LogLowFps(logger, sample.Gamertag, sample.MatchId); // leak TC1001 direct
                _lowFps.Add(1, new KeyValuePair<string, object?>("player", sample.PlayerId)); // leak TC1003 direct
                _lowFps.Add(1, new KeyValuePair<string, object?>("shard", buckets.Bucket(sample.PlayerId.ToString(), 32))); // clean precision-about
            }

            if (buckets.Sampled(sample.PlayerId.ToString(), 2))
            {
                span.SetQuestpulseUserId(pseudonymizer.PseudonymizeQuestpulseUserId(sample.PlayerId.ToString())); // clean precision-pseudonym
                span.Activity?.SetTag("perf.detail", true); // clean precision-about
            }

            if (Math.Abs(sample.PlayerId.GetHashCode()) % 100 == 0)
            {
                span.Activity?.SetTag("perf.legacy_cohort", sample.PlayerId.GetHashCode() % 10); // leak TC1002 hashes
            }
        }

        var worst = batch.Samples.OrderBy(s => s.AvgFps).FirstOrDefault();
        span.SetQuestpulseNote(worst is null ? "empty" : $"worst {worst.AvgFps:F0} fps on {worst.GpuModel}, build {worst.Build}"); // clean precision-about
        span.SetQuestpulseNote(worst is null ? "empty" : $"worst sample {worst}"); // leak TC1001 logging-objects
        return Task.FromResult(batch.Samples.Count);
    }
}
