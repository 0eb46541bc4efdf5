using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Energy;

public sealed record FirmwareTarget(string MeterSerial, string FeederId, string CurrentVersion, string AccountEmail);

public sealed record RolloutResult(string MeterSerial, bool Succeeded, string? Error);

public sealed class FirmwareRejectedException(string meterSerial, string version)
    : Exception($"Meter {meterSerial} rejected firmware {version}");

/// <summary>gRPC service that pushes firmware to smart meters in waves.</summary>
public sealed class FirmwareRolloutService(Pseudonymizer pseudonymizer, ILogger<FirmwareRolloutService> logger)
{
    private static readonly ActivitySource Source = new("Utility.Firmware");
    private static readonly Meter Meter = new("Utility.Firmware");
    private static readonly UtilityMeterReadsCounter Reads = Meter.CreateUtilityMeterReadsCounter();
    private static readonly Counter<long> Pushes = Meter.CreateCounter<long>("utility.firmware.pushes");

    public Task<RolloutResult> Push(FirmwareTarget target, string version, ServerCallContext context)
    {
        using var span = Source.StartUtilityMeterRead(pseudonymizer.Pseudonymize(UtilityAttributes.MeterId, target.MeterSerial), spanName: "firmware " + target.MeterSerial); // leak TC1001 generated-api
        span.SetUtilityReadSource(UtilityReadSourceValue.Custom("firmware-" + version)); // clean generated-api
        span.SetUtilityReadSource(UtilityReadSourceValue.Custom(target.MeterSerial)); // leak TC1001 generated-api
        span.AddUtilityMeterReadRejectedEvent($"owner {target.AccountEmail} opted out"); // leak TC1001 generated-api
        Reads.Add(1, utilityFeeder: target.FeederId, utilityReadSource: UtilityReadSource.Smart); // clean generated-api
        Reads.Add(1, utilityFeeder: target.MeterSerial, utilityReadSource: UtilityReadSource.Smart); // leak TC1003 generated-api

        var result = new RolloutResult(target.MeterSerial, true, null);
        try
        {
            if (version.EndsWith("-rc", StringComparison.Ordinal))
            {
                throw new FirmwareRejectedException(target.MeterSerial, version);
            }
        }
        catch (FirmwareRejectedException ex)
        {
            result = result with { Succeeded = false, Error = ex.Message };
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
        }

        logger.LogInformation("Rollout result {Result}", result); // leak TC1001 logging-objects
        logger.LogInformation("Rollout succeeded: {Succeeded}", result.Succeeded); // clean precision-about
        Pushes.Add(1, new KeyValuePair<string, object?>("utility.firmware.version", version), new KeyValuePair<string, object?>("utility.firmware.ok", result.Succeeded)); // clean direct
        Activity.Current?.SetTag("utility.firmware.error", result.Error); // leak TC1001 cross-member
        return Task.FromResult(result);
    }
}
