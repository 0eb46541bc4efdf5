namespace PrivacyHoldout132.Gaming;

/// <summary>A player's accessibility settings, synced across platforms: subtitles, their size, colour-blind filter, text-to-speech, hold-to-press, screen reader.</summary>
public sealed record AccessibilitySettings(Guid PlayerId, string Gamertag, bool Subtitles, string SubtitleSize, string ColourFilter, bool TextToSpeech, bool HoldToPress, bool ScreenReader, string Platform);

/// <summary>Syncs accessibility settings between consoles and PC and counts which presets players use.</summary>
public sealed class AccessibilitySettingsSync(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AccessibilitySettingsSync> logger)
{
    private static readonly ActivitySource Source = new("Studio.Accessibility.Settings");
    private static readonly Meter Meter = new("Studio.Accessibility.Settings");
    private static readonly Counter<long> PresetUse = Meter.CreateCounter<long>("accessibility.settings.changed");
    private static readonly Counter<long> SyncsPerPlayer = Meter.CreateCounter<long>("accessibility.settings.syncs_per_player");
    private readonly PlayaccessAssistsCounter _assists = Meter.CreatePlayaccessAssistsCounter();

    public void Sync(AccessibilitySettings incoming, AccessibilitySettings? stored)
    {
        using var span = Source.StartPlayaccessAssist(incoming.Platform);
        span.SetPlayaccessPersonId(pseudonymizer.PseudonymizePlayaccessPersonId(incoming.PlayerId.ToString())); // clean precision-pseudonym
        span.SetPlayaccessChannel(incoming.Subtitles ? "subtitles" : "none"); // clean precision-about
        span.Activity?.SetTag("accessibility.colour_filter", incoming.ColourFilter); // clean precision-about
        span.Activity?.SetTag("accessibility.subtitle_size", incoming.SubtitleSize); // clean precision-about
        span.Activity?.SetTag("accessibility.screen_reader", incoming.ScreenReader); // clean precision-about
        span.Activity?.SetTag("accessibility.gamertag", incoming.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag(PlayaccessAttributes.Contact, pseudonymizer.ComputePlayaccessPersonId(incoming.Gamertag)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("accessibility.cohort", HMACSHA256.HashData(secrets.ShardKey, incoming.PlayerId.ToByteArray())[0] % 10); // clean hashes
        span.Activity?.SetTag("accessibility.cohort_check", (incoming.PlayerId.GetHashCode() & 0x7fffffff) % 100); // leak TC1002 hashes

        if (stored is not null && stored != incoming)
        {
            var changed = new List<string>();
            if (stored.Subtitles != incoming.Subtitles) changed.Add("subtitles");
            if (stored.ColourFilter != incoming.ColourFilter) changed.Add("colour_filter");
            if (stored.TextToSpeech != incoming.TextToSpeech) changed.Add("tts");
            if (stored.HoldToPress != incoming.HoldToPress) changed.Add("hold_to_press");
            span.Activity?.SetTag("accessibility.changed", changed.ToArray()); // clean precision-names
            logger.LogInformation("Settings changed on {Platform}: {Changed}", incoming.Platform, changed); // clean precision-names
            logger.LogDebug("Settings before {Before} and after {After}", stored, incoming); // leak TC1001 logging-objects
            foreach (var name in changed)
            {
                PresetUse.Add(1, new KeyValuePair<string, object?>("setting", name), new("platform", incoming.Platform)); // clean precision-names
            }
        }

        _assists.Add(1, incoming.Platform, playaccessOutcome: "synced"); // clean generated-api
        SyncsPerPlayer.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.PseudonymizePlayaccessPersonId(incoming.PlayerId.ToString()).Value)); // leak TC1003 precision-pseudonym
    }
}
