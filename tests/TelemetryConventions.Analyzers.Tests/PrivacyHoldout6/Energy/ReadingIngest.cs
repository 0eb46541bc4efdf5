using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace PrivacyHoldout6.Energy;

public readonly record struct MeterReading(string MeterSerial, string FeederId, double KilowattHours, DateTimeOffset TakenAt);

public sealed class ReadingValidationException(string meterSerial, string message) : Exception(message)
{
    public string MeterSerial { get; } = meterSerial;
}

/// <summary>Validates and stores interval readings streamed from the head-end system.</summary>
public sealed class ReadingIngest(ILogger<ReadingIngest> logger, IMeterFactory meterFactory)
{
    private static readonly ActivitySource Source = new("Grid.Readings");

    private readonly Counter<long> _rejected = meterFactory.Create("Grid.Readings").CreateCounter<long>("readings.rejected");

    public async IAsyncEnumerable<MeterReading> ValidAsync(IAsyncEnumerable<MeterReading> readings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var reading in readings.WithCancellation(cancellationToken))
        {
            using var activity = Source.StartActivity("readings.validate");
            activity?.SetCustomProperty("meter.serial", reading.MeterSerial);
            activity?.SetTag("readings.feeder", reading.FeederId); // clean precision-names
            try
            {
                Check(reading);
            }
            catch (ReadingValidationException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                _rejected.Add(1, new TagList { { "readings.feeder", reading.FeederId }, { "readings.reason", ex.GetType().Name } }); // clean exceptions
                _rejected.Add(1, new KeyValuePair<string, object?>("readings.meter", ex.MeterSerial)); // leak TC1003 cross-member
                continue;
            }

            Baggage.SetBaggage("readings.meter", reading.MeterSerial); // leak TC1001 direct
            yield return reading;
        }
    }

    public async Task StoreAsync(IReadOnlyList<MeterReading> batch, Func<MeterReading, Task> write)
    {
        var writes = Task.WhenAll(batch.Select(reading => WriteOneAsync(reading, write)));
        try
        {
            await writes;
        }
        catch (Exception) when (writes.Exception is { } failures)
        {
            foreach (var inner in failures.Flatten().InnerExceptions)
            {
                logger.LogError("Reading batch failed: {Error}", inner.Message); // leak TC1001 exceptions
            }

            logger.LogError("Reading batch of {Count} failed with {ErrorCount} errors", batch.Count, failures.InnerExceptions.Count); // clean exceptions
        }
    }

    private static async Task WriteOneAsync(MeterReading reading, Func<MeterReading, Task> write)
    {
        try
        {
            await write(reading);
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException($"Storing the reading of meter {reading.MeterSerial} timed out", ex);
        }
    }

    private static void Check(MeterReading reading)
    {
        if (reading.KilowattHours < 0)
        {
            throw new ReadingValidationException(reading.MeterSerial, $"Negative reading from meter {reading.MeterSerial}");
        }
    }
}
