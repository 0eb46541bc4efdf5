namespace PrivacyHoldout125.Healthcare;

/// <summary>
/// Books consultant and band 7 interview panels: finds a time when the panel is free, books the room
/// and the Teams meeting, and tells the ATS.
/// </summary>
public sealed class InterviewPanelScheduler(
    ICalendarClient calendar,
    IAtsClient ats,
    Pseudonymizer pseudonymizer,
    ILogger<InterviewPanelScheduler> logger)
{
    private static readonly ActivitySource Source = new("Trust.Recruitment.Interviews");
    private static readonly Meter Meter = new("Trust.Recruitment.Interviews");
    private static readonly Histogram<double> SearchTime = Meter.CreateHistogram<double>("nhsjobs.interview.search.duration", "s");
    private static readonly Counter<long> PanelsBooked = Meter.CreateCounter<long>("nhsjobs.interview.panels");

    public async Task<InterviewEvent?> BookAsync(Application application, Job job, IReadOnlyList<Attendee> panel, Candidate candidate, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("nhsjobs.interview.book");
        activity?.SetTag("nhsjobs.application.id", application.Id); // clean precision-names
        activity?.SetTag("nhsjobs.panel.size", panel.Count); // clean precision-about
        activity?.SetTag("nhsjobs.panel.members", string.Join(";", panel.Select(p => p.Email))); // leak TC1001 strings
        activity?.SetTag("nhsjobs.panel.chair", panel[0].Name); // leak TC1001 direct
        activity?.SetTag("nhsjobs.panel.chair.id", pseudonymizer.ComputeNhsjobsInterviewerId(panel[0].Email)); // clean precision-pseudonym

        var started = Stopwatch.GetTimestamp();
        var window = new TimeSlot(DateTimeOffset.UtcNow.AddDays(3), DateTimeOffset.UtcNow.AddDays(17));
        IReadOnlyList<MeetingTimeSuggestion> suggestions;
        try
        {
            suggestions = await calendar.FindMeetingTimesAsync(new FindMeetingTimesRequest(panel, TimeSpan.FromMinutes(45), window, 5), cancellationToken);
        }
        catch (MailboxNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("nhsjobs.interview.error", ex.Code); // clean exceptions
            logger.LogWarning("Panel calendar lookup failed: {Code}", ex.Code); // clean exceptions
            return null;
        }
        catch (NoMeetingTimesException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogInformation(ex, "No slot for the panel of {Requisition}", job.RequisitionId); // clean exceptions
            return null;
        }
        SearchTime.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("nhsjobs.suggestions", suggestions.Count)); // clean precision-about

        var best = suggestions.OrderByDescending(s => s.Confidence).First();
        foreach (var busy in best.Unavailable)
        {
            logger.LogInformation("Panel member {Member} is unavailable; booking without them", busy.Email); // leak TC1001 direct
        }
        activity?.SetTag("nhsjobs.interview.unavailable", best.Unavailable.Count); // clean precision-about

        var draft = new InterviewEvent
        {
            Subject = $"Interview: {candidate.FirstName} {candidate.LastName} – {job.Title} ({job.RequisitionId})",
            Slot = best.Slot,
            RoomId = best.RoomId,
        };
        draft.Attendees.AddRange(panel);
        var booked = await calendar.CreateEventAsync(draft, cancellationToken);
        activity?.SetTag("nhsjobs.interview.event_id", booked.EventId); // clean precision-names
        activity?.SetTag("nhsjobs.interview.room", booked.RoomId); // clean precision-names
        activity?.SetTag("nhsjobs.interview.start", booked.Slot.Start.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
        logger.LogInformation("Booked {Subject} at {Start}", booked.Subject, booked.Slot.Start); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("interview.booked", tags: new ActivityTagsCollection { ["attendees"] = booked.Attendees.Count, ["room"] = booked.RoomId })); // clean precision-about
        PanelsBooked.Add(1, new KeyValuePair<string, object?>("nhsjobs.panel.chair", panel[0].Email)); // leak TC1003 direct
        PanelsBooked.Add(1, new KeyValuePair<string, object?>("nhsjobs.job.grade", job.Grade)); // clean precision-names
        return booked;
    }
}
