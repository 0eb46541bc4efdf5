namespace PrivacyHoldout110.Transport;

public sealed record AssistanceBooking(string AssistanceId, Guid PassengerId, string PassengerName, string Mobile, string Email, string TravelCard, string Station, string ServiceId, string AssistanceType, DateTimeOffset Departs, string? StaffNumber);

/// <summary>
/// Passenger assistance ("Passenger Assist"): bookings made two hours ahead, a reminder the evening
/// before, the station's staff allocated to meet the train, and the calendar entry for the passenger.
/// </summary>
public sealed partial class AssistanceBookingReminders(
    IMailSender mail,
    MessagingOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AssistanceBookingReminders> logger)
{
    private static readonly ActivitySource Source = new("Rail.Assistance");
    private static readonly Meter Meter = new("Rail.Assistance");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>("assistance.reminders");

    private AssistanceBooking? _current;

    public async Task RemindAsync(AssistanceBooking booking, CancellationToken cancellationToken)
    {
        _current = booking;
        using var span = Source.StartSeatbookReminder("sms").SetSeatbookPassengerId(pseudonymizer.PseudonymizeSeatbookPassengerId(booking.PassengerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("assistance.id", booking.AssistanceId).SetTag("assistance.type", booking.AssistanceType); // clean precision-names
        span.Activity?.SetTag("assistance.station", booking.Station); // clean precision-names
        span.Activity?.SetTag("passenger.card.last4", booking.TravelCard[^4..]); // clean precision-about
        Activity.Current?.SetBaggage("passenger.card", booking.TravelCard); // leak TC1001 direct
        Reminders.Add(1, new KeyValuePair<string, object?>("station", booking.Station), new("type", booking.AssistanceType)); // clean precision-about
        var text = $"{booking.PassengerName}, staff will meet you at {booking.Station} for the {booking.Departs:HH:mm}. Reply STOP to opt out.";
        try
        {
            var message = await MessageResource.CreateAsync(booking.Mobile, options.SenderId, text);
            span.SetSeatbookOutcome("sent"); // clean generated-api
            span.Activity?.SetTag("sms.sid", message.Sid); // clean precision-names
            logger.LogInformation("Assistance reminder {Text}", text); // leak TC1001 strings
        }
        catch (ApiException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, $"sms failed with code {ex.Code}"); // clean exceptions
            logger.LogError(ex, "Assistance reminder failed"); // leak TC1001 exceptions
            LogCurrent();
        }

        var entry = new CalendarEvent
        {
            Uid = $"assist-{booking.AssistanceId}@rail.example.org",
            Summary = $"Assistance at {booking.Station} ({booking.ServiceId})",
            DtStart = new CalDateTime(booking.Departs.UtcDateTime.AddMinutes(-20), "Europe/London"),
        };
        entry.Alarms.Add(new Alarm { Description = "Assistance booked", Trigger = TimeSpan.FromHours(-2) });
        var ics = new CalendarSerializer().SerializeToString(new Calendar { Events = { entry } });
        span.Activity?.SetTag("ical.summary", entry.Summary); // clean strings
        span.Activity?.SetTag("ical.dtstart", entry.DtStart.ToString()); // clean precision-about
        span.Activity?.SetTag("ical.size", ics.Length); // clean precision-about
        await mail.SendAsync(new MailMessage(options.FromAddress, booking.Email, entry.Summary, ics), cancellationToken);
        span.SetSeatbookNote($"calendar entry sent to {booking.Email}"); // leak TC1001 generated-api
        span.Activity?.SetTag(SeatbookAttributes.PassengerContact, booking.Email.Split('@')[^1]); // clean precision-about
    }

    public void AllocateStaff(AssistanceBooking booking, string staffNumber, string staffName)
    {
        using var span = Source.StartSeatbookBooking(booking.ServiceId).SetSeatbookStation(booking.Station); // clean generated-api
        span.SetSeatbookStaffId(pseudonymizer.PseudonymizeSeatbookStaffId(staffNumber)); // clean precision-pseudonym
        StaffAllocated(logger, booking.AssistanceId, staffNumber); // leak TC1001 logging-objects
        StaffAllocatedRedacted(logger, booking.AssistanceId, staffName); // clean logging-objects
        var cardDigest = BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(booking.TravelCard))).Replace("-", "")[..12];
        logger.LogDebug("Card digest {Digest}", cardDigest); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(booking.TravelCard))[0] % 16;
        span.Activity?.SetTag("assistance.shard", shard); // clean hashes
    }

    private void LogCurrent() =>
        logger.LogDebug("Failed reminder was for {Passenger}", _current?.PassengerName); // leak TC1001 cross-member

    [LoggerMessage(Level = LogLevel.Information, Message = "Assistance {AssistanceId} will be met by {StaffNumber}")]
    private static partial void StaffAllocated(ILogger logger, string assistanceId, string staffNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assistance {AssistanceId} will be met by {StaffName}")]
    private static partial void StaffAllocatedRedacted(ILogger logger, string assistanceId, [PrivateData] string staffName);
}
