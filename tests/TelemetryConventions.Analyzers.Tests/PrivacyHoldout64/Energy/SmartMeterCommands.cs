using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout64.Energy;

public sealed record MeterCommand(string MeterSerial, string Mpan, string CommandType, string RequestId);

public sealed record CommandAck(string RequestId, string ResponseCode, TimeSpan Latency);

public interface IDccAdapter
{
    /// <summary>Sends a service request through the DCC. Throws <see cref="DeviceBusyException"/> when the meter is busy.</summary>
    Task<CommandAck> SendAsync(MeterCommand command, CancellationToken cancellationToken);
}

/// <summary>The adapter's busy-device response; its message names the meter.</summary>
public sealed class DeviceBusyException(string meterSerial) : Exception($"Device {meterSerial} is busy, retry later");

/// <summary>Sends commands (reads, tariff updates, prepayment top-ups) to smart meters, errors as values.</summary>
public sealed class SmartMeterCommands(
    IDccAdapter dcc,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<SmartMeterCommands> logger)
{
    private readonly Histogram<double> _latency = meter.CreateHistogram<double>("supply.dcc.latency", "ms");

    private static readonly Func<string, string> ModelPrefix = static serial => serial[..3];

    public Task<Result<CommandAck, Error>> SendAsync(MeterCommand command, CancellationToken cancellationToken)
    {
        void Trace(string stage) => logger.LogDebug("Command {RequestId} {Stage}", command.RequestId, stage); // clean direct
        void TraceMeter(string stage) => logger.LogDebug("Meter {Serial} {Stage}", command.MeterSerial, stage); // leak TC1001 direct

        Trace("sending");
        TraceMeter("sending");
        if (Activity.Current is { } activity)
        {
            activity.DisplayName = $"dcc {command.CommandType}"; // clean strings
            activity.DisplayName = $"dcc {command.CommandType} {command.MeterSerial}"; // leak TC1001 strings
        }
        logger.LogDebug("Command {Type} to a {Model} meter", command.CommandType, ModelPrefix(command.MeterSerial)); // clean precision-about

        return Result.TryAsync(() => dcc.SendAsync(command, cancellationToken))
            .Ensure(static ack => ack.ResponseCode is "0x0000", ack => new Error("dcc_response", $"DCC answered {ack.ResponseCode} to {ack.RequestId}"))
            .Tap(ack => _latency.Record(ack.Latency.TotalMilliseconds, new KeyValuePair<string, object?>("command", command.CommandType))) // clean precision-about
            .Tap(ack => _latency.Record(ack.Latency.TotalMilliseconds, new KeyValuePair<string, object?>("meter", command.MeterSerial))) // leak TC1003 direct
            .Tap(_ => Trace("acknowledged"))
            .OnFailure(error => logger.LogWarning("Command {RequestId} failed: {Error}", command.RequestId, error)) // leak TC1001 exceptions
            .OnFailure(error => Activity.Current?.AddEvent(new ActivityEvent("dcc.failed", tags: new ActivityTagsCollection { ["code"] = error.Code }))); // clean exceptions
    }

    /// <summary>Spreads retries over eight lanes so that a busy meter does not hold up the others.</summary>
    public int RetryLane(MeterCommand command)
    {
        var legacyLane = HashCode.Combine(command.MeterSerial) & 7;
        Activity.Current?.SetTag("supply.retry.legacy_lane", legacyLane); // leak TC1002 hashes

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var lane = hmac.ComputeHash(Encoding.UTF8.GetBytes(command.MeterSerial))[0] & 7;
        _latency.Record(0, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        return lane;
    }

    /// <summary>Retries the busy ones and reports what is left.</summary>
    public async Task RetryAsync(IReadOnlyList<MeterCommand> busy, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(busy.Select(command => SendAsync(command, cancellationToken)));
        var stillBusy = busy.Zip(results).Where(pair => pair.Second.IsFailure).Select(pair => pair.First.MeterSerial).ToList();
        logger.LogInformation("Still busy: {Meters}", stillBusy); // leak TC1001 cross-member
        logger.LogInformation("Still busy by model: {Models}", stillBusy.Select(ModelPrefix).Distinct()); // clean precision-about
    }
}
