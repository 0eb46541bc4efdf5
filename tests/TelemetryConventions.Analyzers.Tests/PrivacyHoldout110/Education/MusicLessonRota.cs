namespace PrivacyHoldout110.Education;

public sealed record Pupil(string StudentNumber, string PreferredName, string Form, string? GuardianMobile);

public sealed record LessonSlot(string LessonId, string Instrument, string Room, string TeacherCode, DayOfWeek Day, TimeOnly Start, int Week);

/// <summary>
/// Peripatetic music lessons rotate through the timetable so pupils miss a different subject each week;
/// the rota job allocates the week's slots and texts reminders.
/// </summary>
public sealed partial class MusicLessonRota(
    IRecurringJobManager recurring,
    Pseudonymizer pseudonymizer,
    ILogger<MusicLessonRota> logger)
{
    private static readonly ActivitySource Source = new("School.MusicRota");
    private static readonly Meter Meter = new("School.MusicRota");
    private static readonly Histogram<double> Fill = Meter.CreateHistogram<double>("music_rota.fill_ratio");

    public void Register(string instrument) =>
        recurring.AddOrUpdate<MusicLessonRota>($"music-rota-{instrument}", job => job.RunAsync(instrument, CancellationToken.None), "0 6 * * 1");

    public Task RunAsync(string instrument, CancellationToken cancellationToken) => Task.CompletedTask;

    public AllocationResult Allocate(string instrument, int week, IReadOnlyList<Pupil> pupils, IReadOnlyList<LessonSlot> slots)
    {
        using var span = Source.StartLessonbookBooking($"music-{instrument}-w{week}"); // clean precision-names
        var allocated = pupils.Zip(slots).ToList();
        var unallocated = pupils.Skip(slots.Count).ToList();
        var result = new AllocationResult(pupils.Count, allocated.Count, allocated.Select(a => a.Second.LessonId).ToList(), unallocated.Select(p => p.StudentNumber).ToList());
        logger.LogInformation("Rota for {Instrument} week {Week}: {Result}", instrument, week, result); // clean logging-objects
        Fill.Record((double)result.Allocated / Math.Max(1, result.Requested), new KeyValuePair<string, object?>("instrument", instrument)); // clean precision-about
        span.SetLessonbookNote($"{unallocated.Count} pupils without a slot in week {week}"); // clean generated-api
        if (unallocated.Count > 0)
        {
            logger.LogWarning("No slot this week for {Pupils}", string.Join(", ", unallocated.Select(p => p.PreferredName))); // leak TC1001 strings
            span.SetLessonbookNote("unallocated: " + string.Join(",", result.Unallocated)); // leak TC1001 generated-api
        }

        foreach (var (pupil, slot) in allocated)
        {
            LessonAllocated(logger, slot.LessonId, pupil.StudentNumber, slot.Room); // clean logging-objects
            LessonAllocatedForSupport(logger, slot.LessonId, pupil.StudentNumber); // leak TC1001 logging-objects
            if (pupil.GuardianMobile is null)
            {
                Activity.Current?.AddEvent(new ActivityEvent("reminder.skipped", tags: new ActivityTagsCollection { ["lesson"] = slot.LessonId, ["reason"] = "no_mobile" })); // clean precision-names
            }
        }
        return result;
    }

    public void TeacherAbsent(string teacherCode, DateOnly day, IReadOnlyList<LessonSlot> cancelled)
    {
        using var span = Source.StartLessonbookBooking("music-absence").SetLessonbookTeacherId(pseudonymizer.PseudonymizeLessonbookTeacherId(teacherCode)).SetLessonbookOutcome("cancelled"); // clean precision-pseudonym
        logger.LogInformation("Cancelled {Count} lessons on {Day} in rooms {Rooms}", cancelled.Count, day, string.Join(",", cancelled.Select(c => c.Room).Distinct())); // clean precision-about
        logger.LogInformation("Teacher {TeacherCode} absent on {Day}", teacherCode, day); // leak TC1001 direct
        logger.LogDebug("Cancelled lessons {Lessons}", cancelled.ToList()); // leak TC1001 logging-objects
        var uid = $"lesson-{cancelled.FirstOrDefault()?.LessonId}-{day:yyyyMMdd}@school.example.org";
        Activity.Current?.SetTag("ical.cancel.uid", uid); // clean strings
        Activity.Current?.SetTag("ical.rrule", "FREQ=WEEKLY;INTERVAL=1;BYDAY=" + day.DayOfWeek.ToString()[..2].ToUpperInvariant()); // clean strings
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lesson {LessonId} allocated to {StudentNumber} in {Room}")]
    private static partial void LessonAllocated(ILogger logger, string lessonId, [PrivateData] string studentNumber, string room);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Support copy: lesson {LessonId} for {StudentNumber}")]
    private static partial void LessonAllocatedForSupport(ILogger logger, string lessonId, string studentNumber);
}
