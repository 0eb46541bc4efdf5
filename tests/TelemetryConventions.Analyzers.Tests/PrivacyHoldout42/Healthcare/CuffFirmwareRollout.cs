using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout42.Support.IotHub;
using PrivacyHoldout42.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout42.Healthcare;

public sealed record CuffDevice(string Serial, string Model, string Firmware, bool OnMains);

public sealed record FirmwareRelease(string Version, string Model, int RolloutPercent, Uri ImageUri, string ImageSha256);

public interface ICuffFleet
{
    IAsyncEnumerable<CuffDevice> EligibleAsync(string model, CancellationToken cancellationToken);
}

/// <summary>The cuff answered the apply method with an error code.</summary>
public sealed class FirmwareApplyException(string serial, string version, int code)
    : Exception($"Cuff {serial} refused firmware {version} (code {code})")
{
    public int Code { get; } = code;
}

public sealed class CuffFirmwareRollout(
    ICuffFleet fleet,
    IServiceClient hub,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<CuffFirmwareRollout> logger)
{
    public async Task RollOutAsync(FirmwareRelease release, CancellationToken cancellationToken)
    {
        using var wave = source.StartActivity("rpm.firmware.wave");
        var members = new List<CuffDevice>();
        await foreach (var cuff in fleet.EligibleAsync(release.Model, cancellationToken))
        {
            if (CohortOf(cuff.Serial) < release.RolloutPercent && cuff.OnMains)
            {
                members.Add(cuff);
            }
        }

        wave?.SetTag("rpm.firmware.version", release.Version); // clean precision-about
        logger.LogInformation("Release {Version} wave: {Count} cuffs", release.Version, members.Count); // clean precision-about
        logger.LogDebug("Release {Version} wave members: {Serials}", release.Version, string.Join(",", members.Select(c => c.Serial))); // leak TC1001 strings

        foreach (var cuff in members)
        {
            await ApplyAsync(cuff, release, cancellationToken);
        }
    }

    // A cuff keeps its cohort from release to release: the first byte of SHA-1 of its serial.
    public static int CohortOf(string serial) => SHA1.HashData(Encoding.UTF8.GetBytes(serial))[0] * 100 / 256;

    private async Task ApplyAsync(CuffDevice cuff, FirmwareRelease release, CancellationToken cancellationToken)
    {
        using var span = source.StartIotCommand(cuff.Model);
        span.SetIotDeviceRef(pseudonymizer.PseudonymizeIotDeviceRef(cuff.Serial)); // clean precision-pseudonym
        span.SetIotDeviceFirmware(release.Version); // clean generated-api
        span.SetIotCommandName("firmware.apply");
        Activity.Current?.SetTag("rpm.firmware.cohort", CohortOf(cuff.Serial)); // leak TC1002 hashes
        try
        {
            var method = new CloudToDeviceMethod("firmware.apply", TimeSpan.FromMinutes(2))
                .SetPayloadJson(JsonSerializer.Serialize(new { url = release.ImageUri, sha256 = release.ImageSha256, version = release.Version }));
            var result = await hub.InvokeDeviceMethodAsync(cuff.Serial, method, cancellationToken);
            if (result.Status == 409)
            {
                span.AddIotCommandRejectedEvent($"cuff {cuff.Serial} is mid-measurement, retry later"); // leak TC1001 generated-api
                return;
            }

            EnsureApplied(cuff, release, result);
            span.SetIotNote($"applied in {release.Version} wave, previous {cuff.Firmware}"); // clean generated-api
        }
        catch (FirmwareApplyException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
        }
        catch (DeviceTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
        catch (DeviceNotFoundException ex)
        {
            logger.LogWarning(ex, "Cuff is not registered with the hub; skipped"); // leak TC1001 exceptions
        }
    }

    private static void EnsureApplied(CuffDevice cuff, FirmwareRelease release, CloudToDeviceMethodResult result)
    {
        if (result.Status != 200)
        {
            throw new FirmwareApplyException(cuff.Serial, release.Version, result.Status);
        }
    }
}
