namespace PrivacyHoldout194.Media;

/// <summary>
/// A broadcaster's motoring show takes dashcam clips of near misses and harsh braking from viewers,
/// some of them sent on by their insurer's black-box app. The repository files and clears them.
/// </summary>
public sealed class DashcamClipRepository(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DashcamClipRepository> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.DashcamDesk");
    private static readonly Meter Meter = new("Broadcaster.DashcamDesk");
    private static readonly Counter<long> Clips = Meter.CreateCounter<long>("clipclaim.clips");

    private readonly Dictionary<string, DashcamClip> _clips = new();
    private string? _lastContributorEmail;

    public sealed record DashcamClip(string ClipId, string ContributorId, string ContributorName, string ContributorEmail, string Road, string OtherVehiclePlate, string Caption, double DurationSeconds, bool FromBlackBoxApp);

    public sealed record ClipClearance(string ClipId, string Programme, bool PlatesBlurred, bool FacesBlurred);

    public void Save(DashcamClip clip)
    {
        _clips[clip.ClipId] = clip;
        _lastContributorEmail = clip.ContributorEmail;
        using var activity = Source.StartActivity("dashcam.save");
        activity?.SetTag("clip.id", clip.ClipId); // clean precision-names
        activity?.SetTag("clip.road", clip.Road); // clean precision-about
        activity?.SetTag("clip.duration_s", clip.DurationSeconds); // clean precision-about
        activity?.SetTag("clip.from_black_box_app", clip.FromBlackBoxApp); // clean precision-names
        activity?.SetTag("clip.other_vehicle_plate", clip.OtherVehiclePlate); // leak TC1001 direct
        activity?.SetTag("clip.caption", clip.Caption); // leak TC1001 direct
        activity?.SetTag("clip.caption_words", clip.Caption.Split(' ').Length); // clean precision-about
        activity?.SetTag("clip.contributor", pseudonymizer.ComputeClipclaimClientId(clip.ContributorId)); // clean precision-pseudonym
        Clips.Add(1, new KeyValuePair<string, object?>("road", clip.Road)); // clean precision-about
        Clips.Add(1, new KeyValuePair<string, object?>("contributor", pseudonymizer.ComputeClipclaimClientId(clip.ContributorId))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Clip filed {Clip}", clip); // leak TC1001 logging-objects
        logger.LogInformation("Clip filed {Clip}", clip with { ContributorName = "", ContributorEmail = "", OtherVehiclePlate = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Clip filed {@Clip}", new { clip.ClipId, clip.Road, clip.DurationSeconds }); // clean logging-objects
    }

    public void Clear(ClipClearance clearance)
    {
        using var activity = Source.StartActivity("dashcam.clear");
        logger.LogInformation("Clip cleared {Clearance}", clearance); // clean logging-objects
        activity?.SetTag("clip.programme", clearance.Programme); // clean precision-about
        if (!_clips.TryGetValue(clearance.ClipId, out var clip))
        {
            var ex = new KeyNotFoundException($"Clip {clearance.ClipId} is not on file");
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return;
        }

        activity?.SetTag("clip.contributor_name", clip.ContributorName); // leak TC1001 direct
        activity?.SetTag("clip.contributor_email_domain", clip.ContributorEmail.Split('@').Last()); // clean precision-about
        activity?.SetTag("clip.plate_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(clip.OtherVehiclePlate)))[..12]); // leak TC1002 hashes
        activity?.SetTag("clip.plate_keyed", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(clip.OtherVehiclePlate)))); // clean hashes
        activity?.SetTag("clip.credit", string.Format("Clip: {0}, {1}", clip.ContributorName, clip.Road)); // leak TC1001 strings
        activity?.SetTag("clip.credit_template", string.Format("clip-credit-{0}", clearance.Programme)); // clean strings

        using var span = Source.StartClipclaimOperation(clearance.Programme); // clean generated-api
        span.SetClipclaimClientId(pseudonymizer.PseudonymizeClipclaimClientId(clip.ContributorId)); // clean generated-api
        span.SetClipclaimMode(clip.FromBlackBoxApp ? "app" : "web"); // clean generated-api
        span.SetClipclaimNote($"cleared, plates blurred {clearance.PlatesBlurred}"); // clean generated-api
        span.SetClipclaimNote(clip.Caption); // leak TC1001 generated-api
        activity?.SetTag(ClipclaimAttributes.Contact, pseudonymizer.ComputeClipclaimClientId(clip.ContributorEmail)); // leak TC1001 generated-api
        logger.LogClipclaimOperationFailedEvent(clearance.Programme, "unblurred", clipclaimNote: $"faces blurred {clearance.FacesBlurred}"); // clean generated-api
    }

    public void ThankLastContributor()
    {
        Activity.Current?.SetTag("clip.thanked", _lastContributorEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag("clip.count", _clips.Count); // clean precision-about
        logger.LogInformation("Thanked contributors of {Clips}", string.Join(",", _clips.Keys)); // clean precision-names
    }
}
