namespace PrivacyHoldout132.Media;

public sealed record AccessPreferenceUpdate(Guid SubscriberId, Guid ProfileId, string ProfileName, bool CaptionsOn, string CaptionSize, bool AudioDescription, string AudioDescriptionLanguage, bool SignInterpretedOnly);

public sealed record AccessTrackAvailability(string TitleId, string Territory, bool HasCaptions, bool HasAudioDescription, bool HasSignInterpretation);

/// <summary>Viewing profiles' access preferences (captions, caption size, audio description, BSL-interpreted versions) and whether a title has the tracks in a territory.</summary>
public static class AccessPreferencesEndpoints
{
    private static readonly ActivitySource Source = new("Streaming.AccessServices");
    private static readonly Meter Meter = new("Streaming.AccessServices");
    private static readonly Counter<long> PreferenceChanges = Meter.CreateCounter<long>("access.preferences.changed");
    private static readonly Counter<long> ChangesPerProfile = Meter.CreateCounter<long>("access.preferences.changes_per_profile");
    private static readonly Counter<long> MissingTracks = Meter.CreateCounter<long>("access.tracks.missing");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/profiles/{profileId}/access", UpdateAsync);
        routes.MapGet("/titles/{titleId}/access", Availability);
    }

    private static Task<ActionResult> UpdateAsync(AccessPreferenceUpdate update, Pseudonymizer pseudonymizer, HttpContextInfo http, ILogger<AccessPreferenceUpdate> logger)
    {
        using var span = Source.StartViewaccessAssist("gb");
        span.SetViewaccessPersonId(pseudonymizer.PseudonymizeViewaccessPersonId(update.SubscriberId.ToString())); // clean precision-pseudonym
        span.SetViewaccessChannel(update.AudioDescription ? "audio-description" : update.CaptionsOn ? "captions" : "none"); // clean precision-about
        span.Activity?.SetTag("access.caption_size", update.CaptionSize); // clean precision-about
        span.Activity?.SetTag("access.ad_language", update.AudioDescriptionLanguage); // clean precision-about
        span.Activity?.SetTag("access.profile_id", update.ProfileId.ToString()); // leak TC1001 direct
        span.Activity?.SetTag("access.profile_name", update.ProfileName); // leak TC1001 direct
        span.Activity?.SetTag("http.request_id", http.TraceIdentifier); // clean precision-names
        span.Activity?.SetTag("http.route", "/profiles/{profileId}/access"); // clean precision-names
        span.Activity?.SetTag("url.path", $"/profiles/{update.ProfileId}/access"); // leak TC1001 strings
        span.Activity?.SetTag("access.profile_bucket", Convert.ToHexString(SHA1.HashData(update.ProfileId.ToByteArray()))[..4]); // leak TC1002 hashes

        logger.LogInformation("Access preferences for profile {ProfileName}: captions {Captions}, AD {AudioDescription}", update.ProfileName, update.CaptionsOn, update.AudioDescription); // leak TC1001 direct
        logger.LogInformation("Access preferences updated {Update}", update with { ProfileName = "" }); // leak TC1001 logging-objects
        PreferenceChanges.Add(1, new KeyValuePair<string, object?>("captions", update.CaptionsOn), new("audio_description", update.AudioDescription)); // clean precision-about
        ChangesPerProfile.Add(1, new KeyValuePair<string, object?>("profile", update.ProfileId)); // leak TC1003 direct
        return Task.FromResult<ActionResult>(new OkResult(null));
    }

    private static ActionResult Availability(string titleId, string territory, IReadOnlyList<AccessTrackAvailability> tracks, ILogger<AccessTrackAvailability> logger)
    {
        using var span = Source.StartViewaccessAssist(territory);
        var track = tracks.FirstOrDefault(t => t.TitleId == titleId && t.Territory == territory);
        span.SetViewaccessBookingId(titleId); // clean precision-names
        if (track is null)
        {
            MissingTracks.Add(1, new KeyValuePair<string, object?>("title", titleId), new("territory", territory)); // clean precision-names
            return new NotFoundResult(titleId);
        }
        logger.LogDebug("Access tracks {Track}", track); // clean logging-objects
        span.Activity?.SetTag("access.has_ad", track.HasAudioDescription); // clean precision-about
        return new OkResult(track);
    }
}
