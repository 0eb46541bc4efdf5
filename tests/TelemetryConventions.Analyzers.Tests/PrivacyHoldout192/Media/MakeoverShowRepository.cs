namespace PrivacyHoldout192.Media;

/// <summary>
/// A broadcaster's retrofit makeover show: homeowners apply with their story, researchers shortlist them, installers'
/// visits are filmed and photos of the homes are kept for the edit.
/// </summary>
public sealed partial class MakeoverShowRepository(
    IApplicantStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    RetrofitOptions options,
    ILogger<MakeoverShowRepository> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.Makeover");
    private static readonly Meter Meter = new("Broadcaster.Makeover");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("makeover.applications");
    private static readonly Counter<long> PhotosStored = Meter.CreateCounter<long>("makeover.photos");

    private HomeownerApplication? _shortlisted;

    public Task SaveApplicationAsync(HomeownerApplication application, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var homeowner = pseudonymizer.PseudonymizeHomeshowClientId(application.ApplicationId + ":" + application.Phone);
        using var span = Source.StartHomeshowOperation("retrofit-rescue", "makeover.apply");
        span.SetHomeshowClientId(homeowner); // clean generated-api
        span.SetHomeshowNote(application.Story); // leak TC1001 generated-api
        span.SetHomeshowNote($"{application.Bedrooms}-bed {application.Tenure}"); // clean generated-api
        span.SetHomeshowMinutes(application.Story.Length); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("makeover.application.id", application.ApplicationId); // clean precision-names
        activity?.SetTag("makeover.homeowner.name", application.HomeownerName); // leak TC1001 direct
        activity?.SetTag("makeover.homeowner.phone", application.Phone); // leak TC1001 direct
        activity?.SetTag("makeover.homeowner.postcode", application.Postcode); // leak TC1001 direct
        activity?.SetTag("makeover.homeowner.area", new string(application.Postcode.TakeWhile(char.IsLetter).ToArray())); // clean precision-about
        activity?.SetTag("makeover.story.words", application.Story.Split(' ').Length); // clean precision-about
        activity?.SetTag("makeover.tenure", application.Tenure); // clean precision-about
        activity?.SetTag("makeover.homeowner", homeowner); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("applied", tags: new ActivityTagsCollection { ["story"] = application.Story })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("applied", tags: new ActivityTagsCollection { ["bedrooms"] = application.Bedrooms })); // clean direct
        logger.LogInformation("Application {Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Application {Application}", application with { Phone = "", Postcode = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Application {Id} for a {Bedrooms}-bed home", application.ApplicationId, application.Bedrooms); // clean precision-names
        LogStory(logger, application.HomeownerName, application.Story); // clean logging-objects
        Applications.Add(1, new KeyValuePair<string, object?>("makeover.tenure", application.Tenure)); // clean precision-names
        Applications.Add(1, new KeyValuePair<string, object?>("makeover.homeowner", homeowner)); // leak TC1003 precision-pseudonym
        Meter.CreateHomeshowOperationsCounter().Add(1, "retrofit-rescue", application.Tenure); // clean generated-api
        Meter.CreateHomeshowOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, application.Postcode); // leak TC1003 generated-api
        _shortlisted = application;
        return Task.CompletedTask;
    }

    public async Task StorePhotosAsync(FilmingSlot slot, InstallerVisit visit, CancellationToken ct)
    {
        using var activity = Source.StartActivity("makeover.photos");
        activity?.SetTag("makeover.slot.id", slot.SlotId); // clean precision-names
        activity?.SetTag("makeover.episode", slot.Episode); // clean precision-names
        activity?.SetTag("makeover.crew", slot.Crew); // clean precision-names
        activity?.SetTag("makeover.visit.id", visit.VisitId); // clean precision-names
        activity?.SetTag("makeover.engineer.staff_number", visit.EngineerStaffNumber); // leak TC1001 direct
        activity?.SetTag("makeover.engineer", pseudonymizer.Pseudonymize("engineer", visit.EngineerStaffNumber)); // clean precision-pseudonym
        activity?.SetTag("makeover.no_access", visit.NoAccessNote); // leak TC1001 direct
        activity?.SetTag("makeover.no_access.present", visit.NoAccessNote.Length > 0); // clean precision-about
        activity?.SetTag("makeover.shortlisted.name", _shortlisted?.HomeownerName); // leak TC1001 cross-member
        activity?.SetTag("makeover.shortlisted.bedrooms", _shortlisted?.Bedrooms); // clean cross-member
        logger.LogInformation("Filming slot {@Slot}", slot); // clean logging-objects
        logger.LogInformation("Visit {@Visit}", visit); // leak TC1001 logging-objects

        var photos = await store.PhotosAsync(visit.JobId, ct);
        foreach (var photo in photos)
        {
            activity?.AddEvent(new ActivityEvent("photo", tags: new ActivityTagsCollection { ["photo.id"] = photo.PhotoId, ["room"] = photo.Room })); // clean precision-names
            activity?.AddEvent(new ActivityEvent("photo", tags: new ActivityTagsCollection { ["blob"] = photo.BlobPath })); // leak TC1001 direct
            activity?.SetTag("makeover.photo.position", $"{photo.Latitude},{photo.Longitude}"); // leak TC1001 strings
            activity?.SetTag("makeover.photo.area", $"{Math.Round(photo.Latitude, 1)},{Math.Round(photo.Longitude, 1)}"); // clean strings
            activity?.SetTag("makeover.photo.artist", photo.ExifArtist); // leak TC1001 direct
            logger.LogDebug("Photo {Photo}", photo); // leak TC1001 logging-objects
            logger.LogDebug("Photo {PhotoId} of {Room} into {Container}", photo.PhotoId, photo.Room, options.PhotoContainer); // clean precision-names
            var blobKey = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(photo.BlobPath));
            activity?.SetTag("makeover.photo.key", Convert.ToHexString(blobKey)[..12]); // clean hashes
            activity?.SetTag("makeover.photo.dedupe", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(photo.BlobPath)))); // leak TC1002 hashes
            PhotosStored.Add(1, new KeyValuePair<string, object?>("makeover.room", photo.Room)); // clean precision-names
        }

        activity?.SetTag("makeover.photos.count", photos.Count); // clean precision-about
    }

    public void Shortlist(string researcherNote)
    {
        var shortlisted = _shortlisted;
        using var activity = Source.StartActivity("makeover.shortlist");
        var summary = new StringBuilder();
        summary.AppendFormat("{0} ({1})", shortlisted?.HomeownerName, shortlisted?.Postcode);
        logger.LogInformation("Shortlisted {Summary}", summary.ToString()); // leak TC1001 strings
        logger.LogInformation("Shortlisted {Summary}", $"{shortlisted?.ApplicationId}: {shortlisted?.Bedrooms} bedrooms"); // clean strings
        activity?.SetTag("makeover.researcher.note", researcherNote); // leak TC1001 direct
        activity?.SetTag("makeover.researcher.note_length", researcherNote.Length); // clean precision-about
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "{Name} told us: {Story}")]
    private static partial void LogStory(ILogger logger, [PrivateData] string name, [PrivateData] string story);
}
