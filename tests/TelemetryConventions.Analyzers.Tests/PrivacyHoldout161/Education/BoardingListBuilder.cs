namespace PrivacyHoldout161.Education;

/// <summary>Builds the coach boarding list the trip leader reads out, and texts guardians on arrival.</summary>
public sealed class BoardingListBuilder(IPassengerMessenger messenger, ILogger<BoardingListBuilder> logger)
{
    private static readonly ActivitySource Source = new("Trust.Trips.Boarding");

    public static string Describe(TripPupil pupil) => $"{pupil.Name} ({pupil.StudentNumber}, {pupil.YearGroup})";

    public static string Summary(GroupBooking group, int aboard) => $"{group.School} {group.Service}: {aboard}/{group.Pupils} aboard";

    public async Task RollCallAsync(GroupBooking group, IReadOnlyList<TripPupil> pupils, ISet<string> scannedStudentNumbers, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("trip.rollcall");
        var missing = pupils.Where(p => !scannedStudentNumbers.Contains(p.StudentNumber)).ToList();
        activity?.SetTag("rollcall.summary", Summary(group, pupils.Count - missing.Count)); // clean strings
        activity?.SetTag("rollcall.missing.count", missing.Count); // clean precision-about
        foreach (var pupil in missing)
        {
            logger.LogWarning("Not aboard: {Pupil}", Describe(pupil)); // leak TC1001 strings
            activity?.AddEvent(new ActivityEvent("rollcall.missing", tags: new ActivityTagsCollection { ["year_group"] = pupil.YearGroup })); // clean precision-about
            activity?.AddEvent(new ActivityEvent("rollcall.missing.pupil", tags: new ActivityTagsCollection { ["student"] = pupil.StudentNumber })); // leak TC1001 direct
        }

        foreach (var pupil in pupils.Where(p => scannedStudentNumbers.Contains(p.StudentNumber)))
        {
            await messenger.SendAsync(pupil.GuardianEmail, "tpl-arrived", new Dictionary<string, string> { ["service"] = group.Service }, cancellationToken);
            logger.LogDebug("Arrival text sent to guardian at {Domain}", pupil.GuardianEmail[(pupil.GuardianEmail.IndexOf('@') + 1)..]); // clean precision-about
            activity?.SetTag(SchooltripAttributes.Contact, pupil.GuardianEmail); // leak TC1001 generated-api
        }

        var label = string.Concat(group.School, "/", group.Travel.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        activity?.SetTag("rollcall.label", label); // clean strings
        using (logger.BeginScope(new Dictionary<string, object> { ["FirstOnList"] = pupils.Count > 0 ? pupils[0].Name : "" })) // leak TC1001 direct
        {
            logger.LogInformation("Roll call done");
        }
    }
}
