namespace PrivacyHoldout78.Media;

public sealed record SubtitleStyle(string Language, string Size, string Colour, bool AudioDescription, bool ForcedNarrativeOnly);

/// <summary>Saves a profile's subtitle and audio-description choices and syncs them to its devices.</summary>
public sealed class SubtitlePreferenceStore(IPreferenceStore store, Meter meter, ILogger<SubtitlePreferenceStore> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Subtitles");
    private readonly Counter<long> _styles = meter.CreateCounter<long>("streamcopy.subtitle.styles", "{change}");
    private readonly ConcurrentDictionary<string, SubtitleStyle> _byDevice = new();

    public async Task SaveAsync(ViewingProfile profile, string deviceId, SubtitleStyle style, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("subtitles.save");
        activity?.SetTag("subtitles.language", style.Language); // clean precision-about
        activity?.SetTag("subtitles.audio_description", style.AudioDescription); // clean precision-about
        activity?.SetTag("subtitles.device", deviceId); // leak TC1001 direct
        activity?.SetTag(StreamcopyAttributes.ProfileId, profile.ProfileId.ToString()); // leak TC1001 generated-api
        _styles.Add(1, new KeyValuePair<string, object?>("size", style.Size), new KeyValuePair<string, object?>("colour", style.Colour), new KeyValuePair<string, object?>("language", style.Language)); // clean precision-about

        var prefs = await store.GetAsync(profile.ProfileId.ToString(), cancellationToken) ?? new UserPreferences(profile.ProfileId.ToString(), profile.Culture, "Europe/London", "dark");
        logger.LogInformation("Subtitle style saved {Style}", style); // clean logging-objects
        logger.LogInformation("Subtitle style saved for {Preferences}", prefs); // leak TC1001 logging-objects

        _byDevice[deviceId] = style;
        var deviceDigest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deviceId)))[..16];
        activity?.SetTag("subtitles.device_digest", deviceDigest); // leak TC1002 hashes
        activity?.SetTag("subtitles.devices_synced", _byDevice.Count); // clean precision-about
    }

    public void DumpSyncState() =>
        logger.LogDebug("Devices with subtitle styles: {Devices}", string.Join(", ", _byDevice.Keys)); // leak TC1001 cross-member
}
