using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout6.Support;

namespace PrivacyHoldout6.Energy;

public interface IMeterGateway
{
    Task<IReadOnlyList<string>> SilentMeterSerialsAsync(CancellationToken cancellationToken);

    string GatewayFirmwareVersion { get; }
}

/// <summary>Reports the head-end gateway degraded when too many smart meters stop reporting.</summary>
public sealed class MeterGatewayHealthCheck(IMeterGateway gateway) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var silent = await gateway.SilentMeterSerialsAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["silentMeters"] = silent.Count,
            ["firstSilentSerial"] = silent.FirstOrDefault() ?? string.Empty,
            ["firmware"] = gateway.GatewayFirmwareVersion,
        };
        return silent.Count > 50
            ? HealthCheckResult.Degraded($"{silent.Count} meters silent", data: data)
            : HealthCheckResult.Healthy("meters reporting", data);
    }
}

/// <summary>Publishes health reports to the logs so the operations dashboard can chart them.</summary>
public sealed class LoggingHealthPublisher(ILogger<LoggingHealthPublisher> logger) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            var level = entry.Status == HealthStatus.Healthy ? LogLevel.Debug : LogLevel.Warning;
            logger.Log(level, "Health check {Check} is {Status}: {Description}", name, entry.Status, entry.Description); // clean strings
            logger.Log(level, "Health check {Check} reported {DataCount} values", name, entry.Data.Count); // clean precision-about
            foreach (var item in entry.Data)
            {
                logger.Log(level, "Health check {Check} {Key}={Value}", name, item.Key, item.Value); // leak TC1001 cross-member
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Turns the meter serial that the ingest code keeps on the activity (as a custom property, never a
/// tag) into something the back end may see when the span ends.
/// </summary>
public sealed class MeterSerialProcessor(HashingKeys keys) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (data.GetCustomProperty("meter.serial") is not string serial)
        {
            return;
        }

        using var hmac = new HMACSHA256(keys.ShardKey);
        var shard = BitConverter.ToUInt16(hmac.ComputeHash(Encoding.UTF8.GetBytes(serial)), 0) % 64;
        data.SetTag("meter.shard", shard); // clean hashes
        data.SetTag("meter.serial.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(serial)))[..12]); // leak TC1002 hashes
        data.SetTag("meter.serial.length", serial.Length); // clean precision-about
        data.SetTag("meter.serial.bucket", (serial.GetHashCode() & 0x7fffffff) % 16); // leak TC1002 hashes
    }
}
