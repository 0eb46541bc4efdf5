namespace PrivacyHoldout135.Education;

/// <summary>An accident entered in the first aid book at break time.</summary>
public sealed record PlaygroundAccident(string School, string StudentNumber, string PupilName, string ParentEmail, string ParentMobile, string Injury, bool HeadBump, string FirstAiderStaffNumber, DateTimeOffset At);

public interface IParentMessenger
{
    Task SendAccidentLetterAsync(string email, string pupilName, string injury, CancellationToken ct);
}

/// <summary>Records first aid, sends the "bumped head" letter home and counts accidents by playground area.</summary>
public sealed class PlaygroundAccidentHandler(
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PlaygroundAccidentHandler> logger)
{
    private static readonly ActivitySource Source = new("Trust.FirstAid");
    private static readonly Meter Meter = new("Trust.FirstAid");
    private static readonly Counter<long> Accidents = Meter.CreateCounter<long>("firstaid.accidents", "{accident}");
    private readonly Dictionary<string, int> _visitsByPupil = new();

    public async Task HandleAsync(PlaygroundAccident accident, string area, CancellationToken ct)
    {
        var entry = new FirstAidEntry($"FA-{accident.At:yyyyMMddHHmm}", accident.PupilName, accident.Injury, "cold compress", accident.FirstAiderStaffNumber, false);
        using var activity = Source.StartActivity("first-aid record");
        activity?.SetTag("firstaid.entry.id", entry.EntryId); // clean precision-names
        activity?.SetTag("firstaid.area", area); // clean precision-names
        activity?.SetTag("firstaid.head_bump", accident.HeadBump); // clean precision-about
        activity?.SetTag("firstaid.injury", accident.Injury); // clean precision-names
        activity?.SetTag("firstaid.first_aider", accident.FirstAiderStaffNumber); // leak TC1001 direct
        logger.LogInformation("First aid given: {Entry}", entry); // leak TC1001 logging-objects

        _visitsByPupil[accident.StudentNumber] = _visitsByPupil.GetValueOrDefault(accident.StudentNumber) + 1;
        activity?.SetTag("firstaid.repeat_visit", _visitsByPupil[accident.StudentNumber] > 1); // clean precision-about

        var cohort = KeyedShard.Of(secrets.ShardKey, accident.StudentNumber, 8);
        Accidents.Add(1, new("area", area), new("cohort", cohort)); // clean hashes
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accident.StudentNumber)))[..12];
        activity?.SetTag("firstaid.pupil.fp", fingerprint); // leak TC1002 hashes

        if (accident.HeadBump)
        {
            try
            {
                await messenger.SendAccidentLetterAsync(accident.ParentEmail, accident.PupilName, accident.Injury, ct);
                activity?.AddEvent(new ActivityEvent("letter.sent", tags: new ActivityTagsCollection { ["letter.template"] = "head-bump-v2" })); // clean precision-names
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Head bump letter to {ParentEmail} failed; ring {ParentMobile}", accident.ParentEmail, accident.ParentMobile); // leak TC1001 direct
                activity?.SetTag("firstaid.parent.mobile.prefix", accident.ParentMobile[..3]); // clean precision-about
            }
        }
    }

    /// <summary>Weekly: the pupils seen most often are flagged to the pastoral lead.</summary>
    public void ReportFrequentVisitors()
    {
        var frequent = _visitsByPupil.Where(p => p.Value >= 3).Select(p => p.Key).ToList();
        logger.LogInformation("{Count} pupils visited first aid three times or more", frequent.Count); // clean precision-about
        logger.LogInformation("Frequent first aid visitors: {Pupils}", frequent); // leak TC1001 cross-member
        Activity.Current?.SetTag("firstaid.frequent.hash", HashCode.Combine(frequent.FirstOrDefault())); // leak TC1002 hashes
    }
}
