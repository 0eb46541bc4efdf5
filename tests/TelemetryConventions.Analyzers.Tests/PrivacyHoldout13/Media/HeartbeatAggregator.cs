using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Media;

/// <summary>A playback heartbeat, every 30 seconds while a subscriber watches; keyed by subscriber id.</summary>
public sealed record Heartbeat(Guid SubscriberId, string TitleId, string DeviceId, string DeviceClass, double PositionSeconds, int BitrateKbps);

public interface ISchemaCache
{
    ValueTask<int> LatestVersionAsync(int schemaId, CancellationToken cancellationToken);
}

/// <summary>
/// Reads <c>playback.heartbeats</c> (Confluent-framed JSON, keyed by subscriber id), turns them
/// into watch time per title, and feeds the watch-history projection.
/// </summary>
public sealed class HeartbeatAggregator(ISchemaCache schemas, Pseudonymizer pseudonymizer, ILogger<HeartbeatAggregator> logger)
{
    private const string Topic = "playback.heartbeats";
    private const string Group = "watch-time";
    private static readonly int[] KnownSchemas = { 1041, 1042 };
    private static readonly ActivitySource Source = new("Stream.WatchTime");
    private static readonly Meter Meter = new("Stream.WatchTime");
    private static readonly Histogram<double> WatchSeconds = Meter.CreateHistogram<double>("watch.position", "s");

    public async Task HandleBatchAsync(IReadOnlyList<ConsumeResult<Guid, byte[]>> batch, CancellationToken ct)
    {
        using var span = Source.StartPipelineConsume(Topic, "playback.heartbeats aggregate");
        span.SetPipelineBatchSize(batch.Count);
        var activity = Activity.Current;
        activity?.SetTag("watch.subscribers_in_batch", batch.Select(r => r.Message.Key).Distinct().Count()); // clean precision-names

        var decoded = new List<Heartbeat>(batch.Count);
        foreach (var result in batch)
        {
            try
            {
                decoded.Add(await DecodeAsync(result, ct));
            }
            catch (SchemaRegistryException ex)
            {
                logger.LogError(ex, "Schema lookup failed for a heartbeat at {TopicPartitionOffset}", result.TopicPartitionOffset); // clean exceptions
            }
            catch (InvalidDataException ex)
            {
                logger.LogWarning(ex, "Skipping an undecodable heartbeat"); // leak TC1001 exceptions
                span.SetPipelineOutcome($"skipped heartbeat of {result.Message.Key}"); // leak TC1001 generated-api
            }
        }

        foreach (var heartbeat in decoded)
        {
            WatchSeconds.Record(heartbeat.PositionSeconds, new("title", heartbeat.TitleId), new("device.class", heartbeat.DeviceClass)); // clean precision-names
            WatchSeconds.Record(heartbeat.PositionSeconds, new("title", heartbeat.TitleId), new("subscriber", pseudonymizer.ComputePipelineSubjectId(heartbeat.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym
        }

        var slowest = decoded.OrderBy(h => h.BitrateKbps).FirstOrDefault();
        if (slowest is { BitrateKbps: < 800 })
        {
            activity?.SetTag("watch.low_bitrate.title", slowest.TitleId); // clean precision-about
            activity?.SetTag("watch.low_bitrate.device", slowest.DeviceId); // leak TC1001 direct
            activity?.SetTag("watch.low_bitrate.subscriber", slowest.SubscriberId); // leak TC1001 direct
        }

        Meter.CreatePipelineMessagesCounter().Add(decoded.Count, Topic, Group, "aggregated"); // clean generated-api
    }

    private async Task<Heartbeat> DecodeAsync(ConsumeResult<Guid, byte[]> result, CancellationToken ct)
    {
        if (!WireFormat.TryReadSchemaId(result.Message.Value, out var schemaId))
        {
            throw new InvalidDataException($"Heartbeat from subscriber {result.Message.Key} is not framed for the schema registry");
        }

        Activity.Current?.SetPipelineSchemaIdTag(schemaId); // clean precision-about
        if (!KnownSchemas.Contains(schemaId))
        {
            var latest = await schemas.LatestVersionAsync(schemaId, ct);
            logger.LogInformation("Unknown heartbeat schema {SchemaId} (registry version {Version})", schemaId, latest);
        }

        return JsonSerializer.Deserialize<Heartbeat>(result.Message.Value.AsSpan(5))
            ?? throw new InvalidDataException("Empty heartbeat payload");
    }
}

internal static class WatchTimeActivityExtensions
{
    /// <summary>Puts the payload's schema id on the consume span.</summary>
    public static Activity? SetPipelineSchemaIdTag(this Activity? activity, int schemaId) =>
        activity?.SetTag(PipelineAttributes.SchemaId, schemaId);
}
