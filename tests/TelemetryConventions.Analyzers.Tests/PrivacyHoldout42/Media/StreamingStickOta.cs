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

namespace PrivacyHoldout42.Media;

/// <summary>A streaming stick asks for updates with <c>GET /ota/check?esn=…&amp;fw=…&amp;model=…</c>.</summary>
public sealed record OtaCheck(string Esn, string Firmware, string Model, string Path, string QueryString);

public sealed record OtaImage(string Version, Uri CdnUri, long Bytes, int RolloutPercent);

public interface IOtaCatalog
{
    OtaImage? Newest(string model, string firmware);
}

public sealed class StreamingStickOta(
    IOtaCatalog catalog,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<StreamingStickOta> logger)
{
    private OtaCheck? _lastCheck;

    public OtaImage? Check(OtaCheck check)
    {
        _lastCheck = check;
        var activity = Activity.Current;
        activity?.SetTag("ota.request", check.QueryString); // leak TC1001 strings
        activity?.SetTag("ota.path", check.Path); // clean strings
        activity?.SetTag("ota.device_token", Convert.ToBase64String(Encoding.UTF8.GetBytes(check.Esn))); // leak TC1001 hashes
        Activity.Current.EnrichIotCommand(check.Model).SetIotDeviceFirmware(check.Firmware).SetIotDeviceRef(pseudonymizer.PseudonymizeIotDeviceRef(check.Esn)); // clean precision-pseudonym

        var image = catalog.Newest(check.Model, check.Firmware);
        if (image is null)
        {
            return null;
        }

        // The percentage of sticks that get an image, stable per stick: an HMAC of the ESN with the shard key.
        var percentile = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(check.Esn))) % 100;
        activity?.SetTag("ota.percentile", percentile); // clean hashes
        // Kept for comparison with the old CDN's rule, which took the first byte of MD5 of the ESN.
        activity?.SetTag("ota.legacy.percentile", MD5.HashData(Encoding.UTF8.GetBytes(check.Esn))[0] % 100); // leak TC1002 hashes
        if (percentile >= image.RolloutPercent)
        {
            return null;
        }

        activity?.SetTag("ota.image.uri", image.CdnUri.ToString()); // clean strings
        logger.LogInformation("Offering {Version} ({Bytes} bytes) to a {Model}", image.Version, image.Bytes, check.Model); // clean precision-about
        return image;
    }

    public void DownloadFailed(int httpStatus) =>
        logger.LogWarning("Stick {Esn} failed to download its image with status {Status}", _lastCheck?.Esn, httpStatus); // leak TC1001 cross-member
}
