namespace PrivacyHoldout190.Retail;

public sealed record ClipUpload(string CustomerId, string DoorbellSerial, string ClipId, byte[] Clip, bool PersonDetected, string? RecognisedFaceName, string Region);

public sealed record ClipStored(string ClipId, string Region, int Bytes, bool PersonDetected);

/// <summary>The retailer's doorbell cloud: stores clips, matches faces the customer labelled and notifies.</summary>
public sealed partial class DoorbellClipService(
    IClipStorage storage,
    IDeviceRegistry devices,
    IHouseholdStore households,
    INotificationSender notifications,
    ILogger<DoorbellClipService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    SmartHomeOptions options,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Retail.DoorbellCloud");
    private readonly Counter<long> _clips = meter.CreateCounter<long>("doorbell.clips");

    public async Task<ClipStored> UploadAsync(ClipUpload upload, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("doorbell.clip.upload");
        activity?.SetTag("doorbell.clip_id", upload.ClipId); // clean precision-names
        activity?.SetTag("doorbell.clip.bytes", upload.Clip.Length); // clean precision-about
        activity?.SetTag("doorbell.person_detected", upload.PersonDetected); // clean precision-about
        activity?.SetTag("doorbell.face.name", upload.RecognisedFaceName); // leak TC1001 direct
        activity?.SetTag("doorbell.face.recognised", upload.RecognisedFaceName is not null); // clean precision-about
        activity?.SetTag("doorbell.serial", upload.DoorbellSerial); // leak TC1001 direct
        activity?.SetTag("doorbell.customer", pseudonymizer.ComputeDoorcamClientId(upload.CustomerId)); // clean precision-pseudonym
        activity?.SetTag("doorbell.customer_id", upload.CustomerId); // leak TC1001 direct
        _clips.Add(1, new KeyValuePair<string, object?>("region", upload.Region), new KeyValuePair<string, object?>("person", upload.PersonDetected)); // clean precision-about
        _clips.Add(1, new KeyValuePair<string, object?>("doorbell", upload.DoorbellSerial)); // leak TC1003 direct

        var uri = await storage.StoreAsync(upload.CustomerId, upload.ClipId, upload.Clip, cancellationToken);
        activity?.SetTag("doorbell.clip.uri", uri.ToString()); // leak TC1001 strings
        activity?.SetTag("doorbell.clip.host", uri.Host); // clean precision-about
        logger.LogInformation("Stored clip at {Path}", $"clips/{upload.CustomerId}/{upload.ClipId}.mp4"); // leak TC1001 strings
        logger.LogInformation("Stored clip at {Path}", $"clips/{upload.Region}/{upload.ClipId}.mp4"); // clean strings

        var evt = new DoorbellEvent(Guid.NewGuid().ToString("N"), upload.DoorbellSerial, DateTimeOffset.UtcNow, upload.ClipId, upload.PersonDetected, upload.RecognisedFaceName);
        logger.LogInformation("Doorbell event {Event}", evt); // leak TC1001 logging-objects
        logger.LogInformation("Doorbell event {Event}", evt with { DeviceSerial = "", RecognisedFaceName = null }); // clean logging-objects
        logger.LogInformation("Doorbell event {EventId} for clip {ClipId}", evt.EventId, evt.ClipId); // clean precision-names
        LogFaceMatch(logger, upload.RecognisedFaceName ?? "", upload.CustomerId); // clean logging-objects
        LogFaceMatchPlain(logger, upload.RecognisedFaceName ?? ""); // leak TC1001 logging-objects

        using var span = Source.StartDoorcamOperation(upload.Region)
            .SetDoorcamClientId(pseudonymizer.PseudonymizeDoorcamClientId(upload.CustomerId)) // clean generated-api
            .SetDoorcamDeviceKind("doorbell") // clean generated-api
            .SetDoorcamReadings(1); // clean generated-api
        span.SetDoorcamNote(upload.RecognisedFaceName is null ? "unknown visitor" : "known visitor"); // clean generated-api
        span.SetDoorcamNote("visitor " + upload.RecognisedFaceName); // leak TC1001 generated-api
        span.SetDoorcamOutcome(upload.DoorbellSerial); // leak TC1001 generated-api
        meter.CreateDoorcamOperationsCounter().Add(1, upload.Region, "stored"); // clean generated-api

        var household = await households.FindAsync(upload.CustomerId, cancellationToken);
        if (household is not null)
        {
            await notifications.SendAsync(household.Phone, "Someone is at your door", cancellationToken);
            activity?.AddEvent(new ActivityEvent("doorbell.notified", tags: new ActivityTagsCollection { ["channel"] = "sms" })); // clean precision-about
            activity?.AddEvent(new ActivityEvent("doorbell.notified", tags: new ActivityTagsCollection { ["to"] = household.Phone })); // leak TC1001 direct
        }

        return new ClipStored(upload.ClipId, upload.Region, upload.Clip.Length, upload.PersonDetected);
    }

    public async Task<DeviceStatus?> StatusAsync(string doorbellSerial, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("doorbell.status");
        activity?.SetTag("doorbell.serial.shard", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(doorbellSerial)))[..2]); // clean hashes
        activity?.SetTag("doorbell.serial.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(doorbellSerial)))[..16]); // leak TC1002 hashes
        try
        {
            var device = await devices.FindBySerialAsync(doorbellSerial, cancellationToken) ?? throw new DeviceClaimConflictException(doorbellSerial);
            var status = await devices.StatusAsync(device.DeviceId, cancellationToken);
            logger.LogInformation("Status {@Status}", status); // clean logging-objects
            activity?.SetTag("doorbell.battery_percent", status.BatteryPercent); // clean precision-about
            activity?.SetTag("doorbell.firmware", status.FirmwareVersion); // clean precision-names
            return status;
        }
        catch (DeviceClaimConflictException ex)
        {
            logger.LogWarning("Status failed: {Message}", ex.Message); // leak TC1001 exceptions
            logger.LogDoorcamOperationFailedEvent(options.Region, "unclaimed"); // clean generated-api
            return null;
        }
        catch (DeviceUnreachableException ex)
        {
            logger.LogWarning(ex, "Doorbell offline"); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return null;
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Face {FaceName} matched for {CustomerId}")]
    private static partial void LogFaceMatch(ILogger logger, [PrivateData] string faceName, [PrivateData] string customerId);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Face {FaceName} matched")]
    private static partial void LogFaceMatchPlain(ILogger logger, string faceName);
}
