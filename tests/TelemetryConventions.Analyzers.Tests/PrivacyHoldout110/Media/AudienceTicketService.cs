namespace PrivacyHoldout110.Media;

public sealed record TicketApplication(Guid SubscriberId, string FullName, string Email, string Mobile, int Seats, string RecordingId, bool AccessibleSeat);

public sealed record BallotDraw(string RecordingId, int Applications, int SeatsOffered, double AllocationRatio, IReadOnlyList<Guid> Winners);

/// <summary>
/// Studio audience tickets: applications go into a ballot, the draw over-allocates (a quarter of ticket
/// holders never come), winners get a seat hold and an email with the recording's calendar entry.
/// </summary>
public sealed class AudienceTicketService(
    IBookingEngine engine,
    IMailSender mail,
    MessagingOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<AudienceTicketService> logger)
{
    private const double OverAllocation = 1.25;
    private static readonly ActivitySource Source = new("Studios.Audience");
    private static readonly Meter Meter = new("Studios.Audience");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("audience.applications");

    public void Apply(TicketApplication application)
    {
        using var span = Source.StartStudiobookBooking(application.RecordingId);
        var member = pseudonymizer.PseudonymizeStudiobookMemberId(application.SubscriberId.ToString());
        span.SetStudiobookMemberId(member); // clean precision-pseudonym
        span.Activity?.SetTag("audience.seats", application.Seats); // clean precision-about
        span.Activity?.SetTag("audience.accessible", application.AccessibleSeat); // clean precision-about
        Applications.Add(1, new KeyValuePair<string, object?>("recording", application.RecordingId)); // clean precision-names
        Applications.Add(0, new KeyValuePair<string, object?>("member", member.Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Ticket application {Application}", application); // leak TC1001 logging-objects
        span.Activity?.SetTag(StudiobookAttributes.MemberContact, application.Mobile); // leak TC1001 generated-api
    }

    public async Task<BallotDraw> DrawAsync(string recordingId, string studio, int seats, IReadOnlyList<TicketApplication> applications, CancellationToken cancellationToken)
    {
        using var span = Source.StartStudiobookBooking(recordingId).SetStudiobookStudio(studio); // clean precision-names
        var offered = (int)Math.Floor(seats * OverAllocation);
        var winners = applications.OrderBy(_ => Random.Shared.Next()).Take(offered).ToList();
        var draw = new BallotDraw(recordingId, applications.Count, offered, OverAllocation, winners.Select(w => w.SubscriberId).ToList());
        logger.LogInformation("Ballot drawn {Draw}", draw); // clean logging-objects
        logger.LogDebug("Winners {Winners}", draw.Winners); // leak TC1001 logging-objects
        span.SetStudiobookNote($"{offered} offered for {seats} seats from {applications.Count} applications"); // clean generated-api

        foreach (var winner in winners)
        {
            try
            {
                var hold = await engine.HoldAsync($"{recordingId}:{studio}", winner.Seats, TimeSpan.FromHours(48), cancellationToken);
                span.SetStudiobookHoldId(hold.HoldId); // clean precision-names
                var entry = new CalendarEvent { Uid = $"{hold.HoldId}@audience.example.org", Summary = $"Recording {recordingId} at {studio}", Location = studio };
                entry.Attendees.Add(new Attendee($"mailto:{winner.Email}") { CommonName = winner.FullName });
                entry.Organizer = new Organizer("mailto:audience@example.org") { CommonName = "Audience Services" };
                span.Activity?.AddEvent(new ActivityEvent("ticket.invite", tags: new ActivityTagsCollection { ["ical.uid"] = entry.Uid, ["ical.summary"] = entry.Summary })); // clean strings
                span.Activity?.SetTag("ical.organizer", entry.Organizer.ToString()); // clean precision-names
                span.Activity?.SetTag("ical.attendee", entry.Attendees[0].Value.ToString()); // leak TC1001 strings
                var message = new MailMessage(options.FromAddress, winner.Email, $"Your tickets for {recordingId}", new CalendarSerializer().SerializeToString(new Calendar { Method = "REQUEST", Events = { entry } }));
                await mail.SendAsync(message, cancellationToken);
                logger.LogDebug("Ticket email sent to {To}", message.To); // leak TC1001 logging-objects
                logger.LogDebug("Ticket email subject {Subject}", message.Subject); // clean strings
            }
            catch (SlotUnavailableException ex)
            {
                span.RecordException(ex, includeMessage: true).SetStudiobookOutcome("studio_full"); // clean exceptions
            }
            catch (SmtpFailedRecipientException ex)
            {
                logger.LogWarning(ex, "Ticket email refused"); // leak TC1001 exceptions
                logger.LogStudiobookBookingFailedEvent(recordingId, "email_refused", pseudonymizer.PseudonymizeStudiobookMemberId(winner.SubscriberId.ToString()), ex.StatusCode.ToString()); // clean generated-api
            }
        }
        return draw;
    }
}
