namespace PrivacyHoldout139.Media;

public sealed record TimetableRequest(Guid ProfileId, string Nickname, string ExamBoard, IReadOnlyList<string> Specifications, string? CandidateNumber, bool ResultsDayReminder, string? ReminderMobile);

public sealed record TimetableSlot(string Specification, string Paper, DateOnly Date, string Session);

/// <summary>
/// The revision app's exam timetable: a pupil picks their exam board and subjects, gets a personal timetable and,
/// if they ask, a results day reminder text.
/// </summary>
public sealed class RevisionAppExamTimetableService(Pseudonymizer pseudonymizer, ILogger<RevisionAppExamTimetableService> logger)
{
    private static readonly ActivitySource Source = new("Bitesize.ExamTimetable");
    private static readonly Meter Meter = new("Bitesize.ExamTimetable");
    private static readonly Counter<long> Timetables = Meter.CreateCounter<long>("exam_timetable.built");

    public IReadOnlyList<TimetableSlot> Build(TimetableRequest request, IReadOnlyList<TimetableSlot> published)
    {
        using var span = Source.StartYoungreporterOperation("exam-timetable")
            .SetYoungreporterPupilId(pseudonymizer.PseudonymizeYoungreporterPupilId(request.ProfileId.ToString())) // clean generated-api
            .SetYoungreporterPupilCount(1); // clean precision-about
        var mine = published.Where(p => request.Specifications.Contains(p.Specification)).OrderBy(p => p.Date).ToList();
        span.Activity?.SetTag("timetable.board", request.ExamBoard); // clean precision-names
        span.Activity?.SetTag("timetable.subjects", request.Specifications.ToArray()); // clean precision-about
        span.Activity?.SetTag("timetable.papers", mine.Count); // clean precision-about
        span.Activity?.SetTag("timetable.nickname", request.Nickname); // leak TC1001 direct
        Timetables.Add(1, new KeyValuePair<string, object?>("board", request.ExamBoard), new KeyValuePair<string, object?>("reminder", request.ResultsDayReminder)); // clean precision-about
        logger.LogInformation("Timetable built for {Profile}: {Slots}", request.ProfileId, mine.Count); // leak TC1001 direct
        logger.LogDebug("Slots {Slots}", mine); // clean logging-objects

        if (request.CandidateNumber is { } candidateNumber)
        {
            span.Activity?.SetTag("timetable.candidate_number.given", true); // clean precision-about
            Activity.Current?.AddBaggage("exam.candidate", candidateNumber); // leak TC1001 direct
        }
        if (request.ResultsDayReminder && request.ReminderMobile is { } mobile)
        {
            span.Activity?.SetTag("timetable.reminder.prefix", mobile[..3]); // clean precision-about
            span.SetYoungreporterNote("results day reminder to " + mobile); // leak TC1001 generated-api
        }
        logger.LogInformation("Request {@Request}", request); // leak TC1001 logging-objects
        return mine;
    }
}
