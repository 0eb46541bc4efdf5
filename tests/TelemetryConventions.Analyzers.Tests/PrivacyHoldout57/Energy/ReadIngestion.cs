using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Energy;

/// <summary>A half-hourly read as the head-end system publishes it; the topic is keyed by meter serial.</summary>
public sealed record MeterRead(string MeterSerial, string Mpan, string FeederId, DateTimeOffset PeriodStart, decimal ImportKwh, decimal ExportKwh, string Quality);

public sealed record ValidatedRead(MeterRead Read, MeterdataReadQuality Quality, string? Reason);

public interface IReadStore
{
    Task AppendAsync(int partition, IReadOnlyList<ValidatedRead> reads, CancellationToken cancellationToken);
}

/// <summary>Thrown by the store when a read's MPAN is not registered to the supplier.</summary>
public sealed class UnregisteredSupplyException(string mpan, DateTimeOffset periodStart)
    : Exception($"MPAN {mpan} is not registered to us for the period starting {periodStart:O}");

/// <summary>
/// Takes half-hourly reads off the reads topic. The consumer loop hands each message to the channel
/// of its partition; one worker per partition validates the reads and stores them in windows of up
/// to 500 reads or five seconds, whichever comes first.
/// </summary>
public sealed class ReadIngestion(IConsumer<string, MeterRead> consumer, IReadStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<ReadIngestion> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Meterdata.Ingestion");
    private const int Partitions = 12;

    private readonly Counter<long> _rejected = meter.CreateCounter<long>("meterdata.reads.rejected");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channels = Enumerable.Range(0, Partitions)
            .Select(_ => Channel.CreateBounded<ConsumeResult<string, MeterRead>>(new BoundedChannelOptions(2_000) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        var workers = channels.Select((channel, partition) => Task.Run(() => RunPartitionAsync(partition, channel.Reader, stoppingToken), stoppingToken)).ToArray();

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = consumer.Consume(stoppingToken);
                if (result is null)
                {
                    continue;
                }
                if (!channels[result.Partition].Writer.TryWrite(result))
                {
                    logger.LogWarning("Partition {Partition} is behind at offset {Offset}; waiting", result.Partition, result.Offset); // clean direct
                    Activity.Current?.SetTag("meterdata.backpressure.key", result.Message.Key); // leak TC1001 cross-member
                    await channels[result.Partition].Writer.WriteAsync(result, stoppingToken);
                }
            }
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Writer.TryComplete();
            }
            await Task.WhenAll(workers);
        }
    }

    private async Task RunPartitionAsync(int partition, ChannelReader<ConsumeResult<string, MeterRead>> reader, CancellationToken cancellationToken)
    {
        await foreach (var window in reader.ReadAllAsync(cancellationToken).WindowAsync(500, TimeSpan.FromSeconds(5), cancellationToken))
        {
            using var span = Source.StartMeterdataWindow(partition) // clean generated-api
                .SetMeterdataBatchSize(window.Count);
            var validated = new List<ValidatedRead>(window.Count);
            foreach (var result in window)
            {
                var read = result.Message.Value;
                var checkedRead = Validate(read);
                meter.CreateMeterdataReadsCounter().Add(1, checkedRead.Quality, read.FeederId); // clean generated-api
                if (checkedRead.Quality == MeterdataReadQuality.Suspect)
                {
                    _rejected.Add(1, new KeyValuePair<string, object?>("reason", checkedRead.Reason), new KeyValuePair<string, object?>("meter.model", read.MeterSerial[..3])); // clean precision-about
                    using var validate = Source.StartMeterdataValidate(pseudonymizer.PseudonymizeMeterdataMeterSerial(read.MeterSerial)); // clean precision-pseudonym
                    validate.SetMeterdataReadQuality(MeterdataReadQuality.Suspect).SetMeterdataNote($"{checkedRead.Reason} at {read.PeriodStart:HH:mm}"); // clean generated-api
                    validate.SetMeterdataAccountId(pseudonymizer.PseudonymizeMeterdataAccountId(read.Mpan)); // clean precision-pseudonym
                    IngestionLog.SuspectRead(logger, read.Mpan, checkedRead.Reason!); // leak TC1001 direct
                }
                validated.Add(checkedRead);
            }

            try
            {
                await store.AppendAsync(partition, validated, cancellationToken);
                consumer.Commit(window[^1]);
                IngestionLog.WindowStored(logger, partition, validated.Count, window[^1].Offset); // clean direct
                meter.CreateMeterdataWindowLagHistogram().Record((DateTimeOffset.UtcNow - window.Max(r => r.Message.Value.PeriodStart)).TotalSeconds, partition); // clean generated-api
            }
            catch (UnregisteredSupplyException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                span.SetMeterdataNote($"window {window[0].Offset}-{window[^1].Offset} not stored"); // clean generated-api
                logger.LogError("Window of partition {Partition} not stored: {Error}", partition, ex.GetType().Name); // clean exceptions
            }
        }
    }

    private static ValidatedRead Validate(MeterRead read) => read switch
    {
        { ImportKwh: < 0 } => new(read, MeterdataReadQuality.Suspect, "negative-import"),
        { ImportKwh: > 50 } => new(read, MeterdataReadQuality.Suspect, "import-above-fuse-rating"),
        { Quality: "E" } => new(read, MeterdataReadQuality.Estimated, null),
        _ => new(read, MeterdataReadQuality.Actual, null),
    };
}

public static class ReadStreams
{
    /// <summary>
    /// Groups the stream into windows of at most <paramref name="size"/> items, closing a window early
    /// when <paramref name="maxWait"/> passes after its first item.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<T>> WindowAsync<T>(this IAsyncEnumerable<T> source, int size, TimeSpan maxWait, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var window = new List<T>(size);
        var opened = 0L;
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            if (window.Count == 0)
            {
                opened = Stopwatch.GetTimestamp();
            }
            window.Add(item);
            if (window.Count == size || Stopwatch.GetElapsedTime(opened) >= maxWait)
            {
                yield return window;
                window = new List<T>(size);
            }
        }
        if (window.Count > 0)
        {
            yield return window;
        }
    }
}

internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Suspect read for MPAN {Mpan}: {Reason}")]
    public static partial void SuspectRead(ILogger logger, string mpan, string reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Debug, Message = "Partition {Partition}: stored {Reads} reads up to offset {Offset}")]
    public static partial void WindowStored(ILogger logger, int partition, int reads, long offset);
}
