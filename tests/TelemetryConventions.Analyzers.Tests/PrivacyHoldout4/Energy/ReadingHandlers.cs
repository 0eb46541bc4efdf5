using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Energy;

public sealed record ReadingBatchReceived(string BatchId, string MeterSerial, double[] Intervals, string Zone, string? InstallerPhone);

/// <summary>Keys the reading pipeline uses to partition and deduplicate batches.</summary>
public static class ReadingKeys
{
    public static bool TryParseSerial(string raw, out string serial, out string manufacturer)
    {
        var parts = raw.Split(':', 2);
        (manufacturer, serial) = parts.Length == 2 ? (parts[0], parts[1]) : ("unknown", raw);
        return serial.Length > 0;
    }

    public static string DedupKey(string serial, string batchId) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(serial + "|" + batchId)));
}

public sealed class ReadingBatchHandler(ILogger<ReadingBatchHandler> logger, Pseudonymizer pseudonymizer, Meter meter, TelemetrySecrets secrets)
    : IHandleMessages<ReadingBatchReceived>
{
    private static readonly ActivitySource Source = new("Grid.Readings");
    private readonly Counter<long> _batches = meter.CreateCounter<long>("grid.reading.batches");

    public Task Handle(ReadingBatchReceived message, IMessageHandlerContext context)
    {
        if (!ReadingKeys.TryParseSerial(message.MeterSerial, out var serial, out var manufacturer))
        {
            logger.LogWarning("Batch {BatchId} has no meter serial", message.BatchId); // clean precision-names
            return Task.CompletedTask;
        }

        using var span = Source.StartGridReading(pseudonymizer.PseudonymizeGridMeterId(serial)); // clean generated-api
        span.SetGridBatchId(message.BatchId).SetGridZone(message.Zone).SetGridReadingCount(message.Intervals.Length);

        span.Activity?.SetTag("grid.meter.manufacturer", manufacturer); // clean precision-about
        span.Activity?.SetTag("grid.dedup.key", ReadingKeys.DedupKey(serial, message.BatchId)); // leak TC1002 hashes
        span.Activity?.SetTag("grid.meter.hash", serial.GetHashCode()); // leak TC1002 hashes
        span.Activity?.SetTag("grid.shard", KeyedShard(serial)); // clean hashes

        var sentAt = context.MessageHeaders.TryGetValue("NServiceBus.TimeSent", out var sent) ? sent : "unknown";
        logger.LogDebug("Batch {BatchId} sent at {SentAt} by {Originator}", message.BatchId, sentAt, context.MessageHeaders.GetValueOrDefault("NServiceBus.OriginatingEndpoint")); // clean precision-names

        if (message.InstallerPhone is { } phone)
        {
            logger.LogInformation("Installer on site, callback {Phone}", phone); // leak TC1001 direct
            logger.LogInformation("Installer on site, callback number ends {Last}", phone[^3..]); // clean precision-about
        }

        _batches.Add(1, new("grid.zone", message.Zone), new("grid.meter.manufacturer", manufacturer)); // clean precision-names
        _batches.Add(1, new("grid.zone", message.Zone), new("grid.meter.serial", serial)); // leak TC1003 direct
        return Task.CompletedTask;
    }

    private string KeyedShard(string serial)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(serial));
        return (BitConverter.ToUInt16(mac) % 64).ToString(CultureInfo.InvariantCulture);
    }
}

public sealed record ReadingRejected(string MeterSerial, string Reason);

public sealed class ReadingRejectedHandler(ILogger<ReadingRejectedHandler> logger) : IHandleMessages<ReadingRejected>
{
    public Task Handle(ReadingRejected message, IMessageHandlerContext context)
    {
        var serialHash = BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(message.MeterSerial))).Replace("-", "");
        logger.LogWarning("Reading rejected ({Reason}) for meter {MeterHash}", message.Reason, serialHash); // leak TC1002 hashes
        logger.LogWarning("Reading rejected for meter {MeterHash}", HashCode.Combine(message.MeterSerial, "grid")); // leak TC1002 hashes

        var tags = new ActivityTagsCollection { ["grid.rejection.reason"] = message.Reason, ["grid.message.id"] = context.MessageId };
        Activity.Current?.AddEvent(new ActivityEvent("grid.reading.rejected", tags: tags)); // clean precision-names
        return context.Send(new ReadingRejectedNotice(message.MeterSerial));
    }
}

public sealed record ReadingRejectedNotice(string MeterSerial);
