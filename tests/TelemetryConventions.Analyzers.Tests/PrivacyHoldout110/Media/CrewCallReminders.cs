namespace PrivacyHoldout110.Media;

public sealed record CrewCall(string CrewId, string Name, string Mobile, string Email, string Role, string RecordingId, string Studio, TimeOnly CallTime);

public sealed class CrewUnavailableException(string crewId, string name, DateOnly day)
    : Exception($"Crew member {name} ({crewId}) is unavailable on {day:yyyy-MM-dd}.")
{
    public DateOnly Day { get; } = day;
}

/// <summary>
/// The evening-before call sheet: each crew member on a recording gets a text with their call time and an
/// invitation; swaps and unavailability are recorded as they come back.
/// </summary>
public sealed class CrewCallReminders(
    IMailSender mail,
    MessagingOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<CrewCallReminders> logger)
{
    private static readonly ActivitySource Source = new("Studios.CallSheets");
    private static readonly Meter Meter = new("Studios.CallSheets");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("call_sheet.reminders");

    private readonly Dictionary<string, string> _mobilesByCrew = new();
    private string _recording = string.Empty;
    private CrewCall? _lastCall;

    public string CurrentRecording => _recording;

    public string? LastMobile => _lastCall?.Mobile;

    public async Task SendAsync(string recordingId, IReadOnlyList<CrewCall> sheet, CancellationToken cancellationToken)
    {
        _recording = recordingId;
        using var span = Source.StartStudiobookReminder("sms").SetStudiobookOutcome("sending"); // clean generated-api
        span.Activity?.SetTag("call_sheet.recording", CurrentRecording); // clean cross-member
        span.Activity?.SetTag("call_sheet.size", sheet.Count); // clean precision-about
        logger.LogInformation("Call sheet {Sheet}", sheet); // leak TC1001 logging-objects
        logger.LogInformation("Roles on the sheet {Roles}", sheet.GroupBy(c => c.Role).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        foreach (var call in sheet)
        {
            _mobilesByCrew[call.CrewId] = call.Mobile;
            _lastCall = call;
            var text = $"{call.Name}: call {call.CallTime:HH:mm} at {call.Studio} for {call.RecordingId}";
            try
            {
                var sms = await MessageResource.CreateAsync(call.Mobile, options.SenderId, text);
                span.Activity?.AddEvent(new ActivityEvent("call.sent", tags: new ActivityTagsCollection { ["sms.sid"] = sms.Sid, ["role"] = call.Role })); // clean precision-names
                span.Activity?.AddEvent(new ActivityEvent("call.text", tags: new ActivityTagsCollection { ["text"] = sms.Body })); // leak TC1001 strings
                Calls.Add(1, new KeyValuePair<string, object?>("studio", call.Studio), new("crew", pseudonymizer.PseudonymizeStudiobookCrewId(call.CrewId).ToString())); // leak TC1003 precision-pseudonym
            }
            catch (ApiException ex)
            {
                span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                TagLastMobile(span.Activity);
            }
        }
        span.SetStudiobookNote($"sheet for {recordingId}: {string.Join(", ", sheet.Select(c => c.Name))}"); // leak TC1001 generated-api
    }

    private void TagLastMobile(Activity? activity) =>
        activity?.SetTag("call_sheet.failed_mobile", LastMobile); // leak TC1001 cross-member

    public void Unavailable(string crewId, DateOnly day, string name)
    {
        using var span = Source.StartStudiobookBooking(_recording).SetStudiobookCrewId(pseudonymizer.PseudonymizeStudiobookCrewId(crewId)); // clean cross-member
        var ex = new CrewUnavailableException(crewId, name, day);
        span.RecordException(ex); // clean exceptions
        logger.LogWarning(ex, "Crew unavailable on {Day}", ex.Day); // leak TC1001 exceptions
        logger.LogStudiobookBookingFailedEvent(_recording, "crew_unavailable", studiobookNote: $"{name} out on {day:ddd}"); // leak TC1001 generated-api
        if (_mobilesByCrew.TryGetValue(crewId, out var mobile))
        {
            logger.LogDebug("Will text {Mobile} for a replacement", mobile); // leak TC1001 cross-member
        }
        logger.LogDebug("Crew numbers on file {CrewIds}", _mobilesByCrew.Keys.ToList()); // leak TC1001 cross-member
        logger.LogDebug("Mobiles on file {Count}", _mobilesByCrew.Count); // clean precision-about
        var crewDigest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(crewId)))[..12];
        span.Activity?.SetTag("crew.digest", crewDigest); // leak TC1002 hashes
        span.Activity?.SetTag("crew.id.hashcode", HashCode.Combine(crewId, day)); // leak TC1002 hashes
    }

    public async Task ForwardInviteAsync(CrewCall call, CalendarEvent invite, CancellationToken cancellationToken)
    {
        invite.Attendees.Add(new Attendee($"mailto:{call.Email}") { CommonName = call.Name, Role = "REQ-PARTICIPANT" });
        var ics = new CalendarSerializer().SerializeToString(new Calendar { Method = "REQUEST", Events = { invite } });
        await mail.SendAsync(new MailMessage(options.FromAddress, call.Email, invite.Summary, ics), cancellationToken);
        Activity.Current?.SetTag("ical.attendees", string.Join(";", invite.Attendees)); // leak TC1001 strings
        Activity.Current?.SetTag("ical.partstat", string.Join(";", invite.Attendees.Select(a => a.ParticipationStatus))); // clean strings
        Activity.Current?.SetTag("ical.sequence", invite.Sequence); // clean precision-about
        logger.LogInformation("Invite {Uid} forwarded to {Role}", invite.Uid, call.Role); // clean precision-names
        logger.LogInformation("Invite forwarded to {Attendee}", invite.Attendees.Last().CommonName); // leak TC1001 direct
    }
}
