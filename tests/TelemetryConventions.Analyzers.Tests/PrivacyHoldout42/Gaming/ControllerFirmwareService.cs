using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout42.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout42.Gaming;

/// <summary>
/// What a console reports about a wireless controller paired to it. Console system software before
/// 3.0 filled <see cref="DeviceRef"/> with the controller's raw serial; later versions send the
/// generated helper's pseudonym.
/// </summary>
public sealed record ControllerReport(string Serial, string DeviceRef, string Model, string Firmware, int BatteryPercent, Guid PlayerId);

public sealed record ControllerUpdateOffer(string Version, Uri PackageUri, bool Mandatory);

public interface IControllerFirmwareCatalog
{
    ControllerUpdateOffer? Latest(string model, string currentFirmware);
}

public sealed class ControllerFirmwareService(
    IControllerFirmwareCatalog catalog,
    ActivitySource source,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<ControllerFirmwareService> logger)
{
    public ControllerUpdateOffer? Check(ControllerReport report)
    {
        using var span = source.StartIotCommand(report.Model);
        span.SetIotDeviceFirmware(report.Firmware); // clean generated-api
        span.SetIotDeviceRef(Pseudonym.FromComputed(report.DeviceRef)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("controller.battery", report.BatteryPercent); // clean precision-about

        var offer = catalog.Latest(report.Model, report.Firmware);
        if (offer is null)
        {
            return null;
        }

        // Staged rollout: non-mandatory updates go to one tenth of the controllers per day.
        var stage = (report.Serial.GetHashCode() & 0x7fffffff) % 10;
        Activity.Current?.SetTag("controller.rollout.stage", stage); // leak TC1002 hashes
        var lane = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(report.Serial))) % 10;
        Activity.Current?.SetTag("controller.rollout.lane", lane); // clean hashes

        if (!offer.Mandatory && stage > DateTime.UtcNow.Day % 10)
        {
            return null;
        }

        logger.LogInformation("Offering {Version} to a {Model} controller", offer.Version, report.Model); // clean precision-about
        logger.LogDebug("Offer for player {PlayerRef}: {Version}", pseudonymizer.Compute("player.id", report.PlayerId.ToString()), offer.Version); // clean precision-pseudonym
        return offer;
    }

    public void Applied(ControllerReport report, ControllerUpdateOffer offer, bool success)
    {
        using var span = source.StartIotCommand(report.Model);
        span.SetIotDeviceRef(pseudonymizer.PseudonymizeIotDeviceRef(report.Serial)); // clean precision-pseudonym
        span.SetIotCommandName("firmware.applied");
        if (!success)
        {
            span.AddIotCommandRejectedEvent($"controller of player {report.PlayerId} failed {offer.Version}"); // leak TC1001 generated-api
        }
    }
}
