using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyCorpus.Shared;
using PrivacyHoldout59.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout59.Energy;

/// <summary>The portal publishes customer reads; its headers are what the consumers see.</summary>
public sealed class PortalReadPublisher
{
    public Message<string, string> Build(MeterRead read) => new()
    {
        Key = read.ReadId,
        Value = JsonSerializer.Serialize(read),
        Headers =
        {
            ["source"] = "portal",
            ["schema-version"] = "3",
            ["correlation-id"] = Guid.NewGuid().ToString("N"),
            ["account-number"] = read.AccountNumber,
        },
    };
}

public sealed class ReadIngestConsumer(
    IConsumer<string, string> consumer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IOptionsMonitor<UsageTelemetryOptions> options,
    ILogger<ReadIngestConsumer> logger) : BackgroundService
{
    private static readonly HashSet<string> TracedHeaders = new(StringComparer.OrdinalIgnoreCase) { "source", "schema-version", "correlation-id" };

    private readonly Counter<long> _reads = meter.CreateCounter<long>("usage.reads.validated");
    private readonly Counter<long> _anomalies = meter.CreateCounter<long>("usage.reads.anomalies");
    private readonly Histogram<double> _kwh = meter.CreateHistogram<double>("usage.read.kwh", "kWh");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var read = JsonSerializer.Deserialize<MeterRead>(result.Message.Value)!;
            Ingest(result, read);
            consumer.Commit(result);
            await Task.Yield();
        }
    }

    private void Ingest(ConsumeResult<string, string> result, MeterRead read)
    {
        var o = options.CurrentValue;
        var kind = UsageReadKindValues.TryParse(read.Kind, out var parsed) ? parsed : UsageReadKindValue.Custom(read.Kind);
        using var span = source.StartUsageReadIngest(pseudonymizer.PseudonymizeUsageAccountId(read.AccountNumber), kind); // clean precision-pseudonym
        span.SetUsageRegion(read.Region).SetUsageTariff(read.Tariff).SetUsageMeterModel(read.MeterSerial[..3]); // clean precision-about

        foreach (var (name, value) in result.Message.Headers.Where(h => TracedHeaders.Contains(h.Key))) span.Activity?.SetTag("messaging.header." + name, value); // clean precision-about
        foreach (var (name, value) in result.Message.Headers) span.Activity?.SetTag("messaging.header." + name, value); // leak TC1001 cross-member
        span.Activity?.SetTag("messaging.header.count", result.Message.Headers.Count); // clean precision-about
        span.Activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about

        foreach (var (name, value) in ReadDimensions.Span.For(read)) span.Activity?.SetTag(o.AttributePrefix + name, value); // leak TC1001 cross-member
        foreach (var (name, value) in ReadDimensions.Quality.For(read)) span.Activity?.SetTag(o.AttributePrefix + "quality." + name, value); // clean precision-about

        var tags = new TagList { { "usage.read.kind", kind.ToString() } };
        if (o.TagRegion)
        {
            tags.Add("usage.region", read.Region);
        }
        if (o.TagTariff)
        {
            tags.Add("usage.tariff", read.Tariff);
        }
        if (o.TagMeterModel)
        {
            tags.Add("usage.meter.model", read.MeterSerial[..3]);
        }
        _reads.Add(1, tags); // clean precision-about
        _kwh.Record((double)read.Kwh, ReadDimensions.Quality.For(read).ToArray()); // clean precision-about
        meter.CreateUsageReadsCounter().Add(1, kind, read.Region, read.Tariff, read.MeterSerial[..3]); // clean precision-about

        if (read.Kwh > 150m)
        {
            var anomaly = new TagList { { "usage.region", read.Region }, { "usage.register", read.Register } };
            if (o.TagAccountOnAnomalies)
            {
                anomaly.Add("usage.account", read.AccountNumber);
            }
            _anomalies.Add(1, anomaly); // leak TC1003 direct
            _anomalies.Add(1, new KeyValuePair<string, object?>("usage.region", read.Region), new KeyValuePair<string, object?>("usage.cohort", HashCode.Combine(read.Mpan) & 31)); // leak TC1002 hashes
            span.SetUsageNote($"anomaly on register {read.Register}: {read.Kwh} kWh"); // clean generated-api
            span.SetUsageNote($"anomaly for MPAN {read.Mpan}"); // leak TC1001 generated-api
            logger.LogWarning("Anomalous read {ReadId} on {Register}: {Kwh} kWh", read.ReadId, read.Register, read.Kwh); // clean precision-about
            logger.LogWarning("Anomalous read dimensions {Dimensions}", ReadDimensions.Span.For(read).ToDictionary()); // leak TC1001 logging-objects
            logger.LogDebug("Dimension names {Names}", ReadDimensions.Span.Names.ToList()); // clean precision-names
        }

        var dedupeKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(read.MeterSerial + read.ReadAt.ToString("O"))));
        span.Activity?.SetTag("usage.read.dedupe_key", dedupeKey); // leak TC1002 hashes
        span.Activity?.SetTag("usage.read.id", read.ReadId); // clean precision-about
    }
}
