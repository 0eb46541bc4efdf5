namespace PrivacyHoldout38.Media;

public sealed class PlaybackService(ActivitySource source, ILogger<PlaybackService> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _starts = meter.CreateCounter<long>("playback.starts", "{start}");

    public string Start(PlaybackContext context, ViewingProfile profile, string titleId, string entitlementToken)
    {
        using var activity = source.StartActivity("playback.start");
        var (subscriberId, profileId, _, deviceClass) = context;

        KeyValuePair<string, object?>[] common = [new("title.id", titleId), new("playback.device_class", deviceClass)];
        activity?.AddEvent(new ActivityEvent("playback.started", tags: [.. common, new("profile.kind", profile.Kind)])); // clean precision-names
        activity?.AddEvent(new ActivityEvent("playback.started", tags: [.. common, new("profile.label", profile.Label)])); // leak TC1001 cross-member

        ReadOnlySpan<KeyValuePair<string, object?>> startTags = [.. common, new("playback.tv", context.IsTelevision)];
        _starts.Add(1, startTags); // clean precision-about
        ReadOnlySpan<KeyValuePair<string, object?>> profileTags = [.. common, new("profile.id", profileId)];
        _starts.Add(1, profileTags); // leak TC1003 direct

        activity?.SetTag("subscriber.id", subscriberId); // leak TC1001 direct
        activity?.SetTag(PartyAttributes.Ref, pseudonymizer.ComputePartyRef(subscriberId.ToString("N"))); // clean precision-pseudonym

        var manifest = $"https://cdn.example.net/{titleId}/master.m3u8?token={Uri.EscapeDataString(entitlementToken)}";
        logger.LogDebug("Manifest {Manifest}", manifest); // leak TC1001 strings
        logger.LogDebug("Manifest served from {Host} for {TitleId}", new Uri(manifest).Host, titleId); // clean precision-about
        return manifest;
    }

    public void Stop(PlaybackContext context, TimeSpan watched, string titleId)
    {
        var serial = context.DeviceSerial;
        logger.LogInformation("Stopped {TitleId} after {Minutes:F0} min on {DeviceClass}", titleId, watched.TotalMinutes, context.DeviceClass); // clean precision-about
        logger.LogInformation("Stopped on device {Device}", serial); // leak TC1001 direct
    }
}
