namespace PrivacyHoldout217.Media;

public sealed record SharedPhoto(string PhotoId, string HomeId, string ResidentId, string Caption, int Width, int Height);

/// <summary>A broadcaster's family video call and photo sharing service for care homes.</summary>
public sealed partial class FamilyCallRepository(CareRecords records, CallProvider provider, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<FamilyCallRepository> logger)
{
    private readonly Histogram<double> _callMinutes = meter.CreateHistogram<double>("familycall.minutes", "min");
    private readonly Dictionary<string, VideoCall> _open = new();
    private string? _currentFamilyEmail;

    public async Task<string> StartCallAsync(VideoCall call, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = source.StartActivity("familycall.start");
        _currentFamilyEmail = call.FamilyEmail;
        _open[call.CallId] = call;
        activity?.SetTag("call.id", call.CallId); // clean precision-names
        activity?.SetTag("call.device.id", call.DeviceId); // clean precision-names
        activity?.SetTag("call.family.email_domain", call.FamilyEmail[(call.FamilyEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("call.family.email", call.FamilyEmail); // leak TC1001 direct
        activity?.SetTag("call.open_count", _open.Count); // clean precision-about
        logger.LogInformation("Call {@Call}", call); // leak TC1001 logging-objects
        logger.LogInformation("Call {CallId} on device {DeviceId}", call.CallId, call.DeviceId); // clean precision-names
        var client = pseudonymizer.PseudonymizeFamilycallClientId(call.ResidentId);
        using var span = source.StartFamilycallOperation("HOME-12"); // clean generated-api
        span.SetFamilycallClientId(client); // clean generated-api
        span.SetFamilycallMode("video"); // clean generated-api
        span.SetFamilycallMinutes(call.Minutes); // clean generated-api
        try
        {
            var providerCallId = await provider.StartAsync(call.FamilyEmail, call.DeviceId, ct);
            activity?.SetTag("call.provider.id", providerCallId); // clean precision-names
        }
        catch (FamilyContactRejectedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            span.SetFamilycallNote(ex.Message); // leak TC1001 generated-api
            logger.LogError(ex, "Call could not start"); // leak TC1001 exceptions
            logger.LogFamilycallOperationFailedEvent("HOME-12", "failed", client, "provider rejected contact"); // clean generated-api
            meter.CreateFamilycallOperationsCounter().Add(1, "HOME-12", "failed"); // clean generated-api
        }

        meter.CreateFamilycallOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "HOME-12"); // clean generated-api
        return call.CallId;
    }

    public void EndCall(string callId)
    {
        if (!_open.Remove(callId, out var call))
        {
            return;
        }

        _callMinutes.Record(call.Minutes, new KeyValuePair<string, object?>("device", call.DeviceId)); // clean precision-names
        _callMinutes.Record(call.Minutes, new KeyValuePair<string, object?>("family", call.FamilyEmail)); // leak TC1003 direct
        Activity.Current?.SetTag("call.family", _currentFamilyEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag("call.minutes", call.Minutes); // clean precision-about
        logger.LogInformation("Call ended {Summary}", new { call.CallId, call.Minutes }); // clean logging-objects
        logger.LogInformation("Call ended {Summary}", new { call.CallId, call.ResidentId }); // leak TC1001 logging-objects
    }

    public void SharePhoto(SharedPhoto photo)
    {
        using var activity = source.StartActivity("photo.share");
        activity?.SetTag("photo.id", photo.PhotoId); // clean precision-names
        activity?.SetTag("photo.dimensions", $"{photo.Width}x{photo.Height}"); // clean strings
        activity?.SetTag("photo.caption", photo.Caption); // leak TC1001 direct
        activity?.SetTag("photo.caption_length", photo.Caption.Length); // clean precision-about
        var resident = records.FindResident(photo.ResidentId);
        var family = records.FamilyOf(photo.ResidentId);
        var recipients = string.Join(";", family.Select(f => f.Email));
        logger.LogInformation("Photo {PhotoId} sent to {Recipients}", photo.PhotoId, recipients); // leak TC1001 strings
        logger.LogInformation("Photo {PhotoId} sent to {RecipientCount} relatives", photo.PhotoId, family.Count); // clean precision-about
        var album = string.Concat("album-", photo.HomeId, "-", DateTime.UtcNow.ToString("yyyyMM"));
        activity?.SetTag("photo.album", album); // clean strings
        LogPhotoTagged(logger, resident.FullName, photo.PhotoId); // clean precision-names
        activity?.SetTag("photo.resident.pseudonym", pseudonymizer.PseudonymizeFamilycallClientId(photo.ResidentId)); // clean precision-pseudonym
        activity?.SetTag("photo.resident.checksum", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(resident.NhsNumber)))); // leak TC1002 hashes
        activity?.SetTag("photo.content.checksum", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(photo.PhotoId)))); // clean hashes
        activity?.SetTag("photo.storage_account_name", "carephotosuk"); // clean precision-names
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Photo {PhotoId} tagged with {ResidentName}")]
    private static partial void LogPhotoTagged(ILogger logger, [PrivateData] string residentName, string photoId);
}
