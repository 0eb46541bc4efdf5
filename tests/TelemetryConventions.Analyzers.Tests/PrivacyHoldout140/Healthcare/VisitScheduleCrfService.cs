namespace PrivacyHoldout140.Healthcare;

/// <summary>A participant's number in a study, as the CTMS formats it on worksheets (<c>ONC-204-0113</c>).</summary>
public readonly record struct StudyNumber(string Study, int Sequence)
{
    public override string ToString() => $"{Study}-{Sequence:0000}";
}

/// <summary>A value keyed into the eCRF from the visit worksheet.</summary>
public sealed record CrfKeyed(string StudyCode, StudyNumber Participant, string VisitCode, string FormId, string FieldCode, string Value, string? Comment, string EnteredBy);

/// <summary>
/// Books protocol visits inside their windows and takes eCRF values from the research nurses' worksheets,
/// raising data queries the monitor will see at the next source data verification.
/// </summary>
public sealed class VisitScheduleCrfService(ICtmsClient ctms, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<VisitScheduleCrfService> logger)
{
    private static readonly Meter Meter = new("Research.Crf");
    private static readonly Counter<long> Values = Meter.CreateCounter<long>("trialsite.crf.values", "{value}");

    /// <summary>The participant whose visit was booked last (the nurses' dashboard shows it).</summary>
    public string? LastBookedParticipant { get; private set; }

    public async Task BookAsync(string studyCode, string studyNumber, VisitWindow window, DateOnly baseline, CancellationToken cancellationToken)
    {
        using var span = source.StartTrialsiteOperation(studyCode);
        span.SetTrialsiteVisitCode(window.VisitCode);
        var schedule = await ctms.GetScheduleAsync(studyNumber, cancellationToken);
        if (schedule.Count == 0)
        {
            var ex = new ParticipantNotFoundException(studyNumber);
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return;
        }

        var day = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - baseline.DayNumber;
        try
        {
            if (day < window.DayFrom || day > window.DayTo)
            {
                throw new VisitWindowException(window.VisitCode, window.DayFrom, window.DayTo);
            }
        }
        catch (VisitWindowException ex)
        {
            logger.LogWarning(ex, "Out-of-window visit on day {Day}", day); // clean exceptions
            span.Activity?.SetTag("trialsite.visit.protocol_deviation", true); // clean precision-about
        }

        LastBookedParticipant = studyNumber;
        logger.LogInformation("Window {@Window}, schedule has {Visits} visits", window, schedule.Count); // clean logging-objects
        logger.LogDebug("Schedule {Schedule}", schedule); // leak TC1001 logging-objects
        span.Activity?.SetTag("trialsite.visit.study_day", day); // clean precision-about
    }

    public async Task KeyAsync(CrfKeyed keyed, CancellationToken cancellationToken)
    {
        using var span = source.StartTrialsiteOperation(keyed.StudyCode);
        span.SetTrialsiteParticipantId(pseudonymizer.PseudonymizeTrialsiteParticipantId(keyed.Participant.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("trialsite.crf.form", keyed.FormId); // clean precision-names
        span.Activity?.SetTag("trialsite.crf.participant", keyed.Participant); // leak TC1001 direct
        span.Activity?.SetTag("trialsite.crf.study_prefix", keyed.Participant.Study); // clean precision-about
        Values.Add(1, new("form", keyed.FormId), new("field", keyed.FieldCode)); // clean precision-names

        var entry = new CrfEntry(keyed.FormId, keyed.Participant.ToString(), keyed.FieldCode, keyed.Value, keyed.EnteredBy);
        try
        {
            var query = await ctms.SaveCrfAsync(entry, cancellationToken);
            if (query is not null)
            {
                logger.LogInformation("Query raised {Query}", query); // clean logging-objects
                logger.LogWarning("Query on {Entry}", entry); // leak TC1001 logging-objects
            }
        }
        catch (CrfLockedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning("Locked form edited by {EnteredBy}", keyed.EnteredBy); // leak TC1001 direct
        }

        if (keyed.Comment is { } comment)
        {
            Note(span.Activity, $"Comment on {keyed.FieldCode}: {comment}"); // leak TC1001 strings
            Note(span.Activity, $"Comment on {keyed.FieldCode} ({comment.Length} chars)"); // clean strings
        }
    }

    public void DashboardRefreshed()
    {
        logger.LogInformation("Dashboard shows {Participant}", LastBookedParticipant); // leak TC1001 cross-member
    }

    private static void Note(Activity? activity, string text) =>
        activity?.AddEvent(new ActivityEvent("crf.note", tags: new ActivityTagsCollection { ["text"] = text }));
}
