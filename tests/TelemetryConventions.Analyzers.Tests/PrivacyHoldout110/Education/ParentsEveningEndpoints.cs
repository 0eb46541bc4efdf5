namespace PrivacyHoldout110.Education;

public sealed record EveningSlotRequest(string StudentNumber, string TeacherCode, string SlotId, string GuardianEmail, string TimeZone);

public sealed record TeacherAvailability(string TeacherCode, string TeacherName, string Room, IReadOnlyList<Slot> Slots);

public interface IEveningDirectory
{
    Task<TeacherAvailability> AvailabilityAsync(string eveningId, string teacherCode, CancellationToken cancellationToken);

    Task<string> FeedTokenAsync(string studentNumber, CancellationToken cancellationToken);
}

/// <summary>Minimal API for parents' evening: a guardian sees each teacher's free slots and books them.</summary>
public static class ParentsEveningEndpoints
{
    private static readonly ActivitySource Source = new("School.ParentsEvening");
    private static readonly Meter Meter = new("School.ParentsEvening");
    private static readonly Counter<long> Booked = Meter.CreateCounter<long>("parents_evening.slots.booked");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/evenings/{eveningId}/teachers/{teacherCode}/slots", AvailabilityAsync);
        routes.MapPost("/evenings/{eveningId}/bookings", BookAsync);
        routes.MapGet("/calendars/{studentNumber}.ics", FeedAsync);
    }

    private static async Task<ActionResult> AvailabilityAsync(string eveningId, string teacherCode, IEveningDirectory directory, Pseudonymizer pseudonymizer, ILogger<EveningSlotRequest> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartLessonbookBooking(eveningId);
        var availability = await directory.AvailabilityAsync(eveningId, teacherCode, cancellationToken);
        span.SetLessonbookRoom(availability.Room).SetLessonbookSlotsAvailable(availability.Slots.Count); // clean generated-api
        span.SetLessonbookTeacherId(pseudonymizer.PseudonymizeLessonbookTeacherId(teacherCode)); // clean precision-pseudonym
        logger.LogDebug("Availability {Availability}", availability); // leak TC1001 logging-objects
        logger.LogInformation("{Teacher} has {Free} of {Total} slots free", availability.TeacherName, availability.Slots.Count(s => s.Remaining > 0), availability.Slots.Count); // leak TC1001 direct
        Activity.Current?.SetTag("evening.first_free", availability.Slots.FirstOrDefault(s => s.Remaining > 0)?.Start.ToString("HH:mm", CultureInfo.InvariantCulture)); // clean precision-about
        return new OkResult(availability.Slots);
    }

    private static async Task<ActionResult> BookAsync(string eveningId, [FromBody] EveningSlotRequest request, IBookingEngine engine, Pseudonymizer pseudonymizer, ILogger<EveningSlotRequest> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartLessonbookBooking(eveningId).SetLessonbookSlotId(request.SlotId); // clean precision-names
        span.SetLessonbookStudentId(pseudonymizer.PseudonymizeLessonbookStudentId(request.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("guardian.timezone", request.TimeZone); // clean precision-about
        span.Activity?.SetTag("guardian.email_domain", request.GuardianEmail[(request.GuardianEmail.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetBaggage("student.number", request.StudentNumber); // leak TC1001 direct
        try
        {
            var hold = await engine.HoldAsync(request.SlotId, 1, TimeSpan.FromMinutes(3), cancellationToken);
            var booking = await engine.ConfirmAsync(hold.HoldId, request.StudentNumber, cancellationToken);
            span.SetLessonbookOutcome("booked"); // clean generated-api
            Booked.Add(1, new KeyValuePair<string, object?>("evening", eveningId), new("teacher", request.TeacherCode)); // leak TC1003 direct
            logger.LogInformation("Guardian {GuardianEmail} booked {SlotId}", request.GuardianEmail, booking.SlotId); // leak TC1001 direct
            return new OkResult(booking.BookingId);
        }
        catch (DoubleBookingException ex)
        {
            span.RecordException(ex, "overlapping booking"); // clean exceptions
            logger.LogLessonbookBookingFailedEvent(eveningId, "overlap", lessonbookNote: ex.Message); // leak TC1001 generated-api
            return new BadRequestResult("overlap");
        }
        catch (HoldExpiredException ex)
        {
            logger.LogWarning(ex, "Hold {HoldId} expired: {Message}", ex.HoldId, ex.Message); // clean exceptions
            return new BadRequestResult("expired");
        }
    }

    private static async Task<ActionResult> FeedAsync(string studentNumber, string token, IEveningDirectory directory, HttpContextInfo http, ILogger<EveningSlotRequest> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartLessonbookBooking("calendar-feed");
        span.Activity?.SetTag("http.route", "/calendars/{studentNumber}.ics"); // clean precision-names
        span.Activity?.SetTag("url.path", $"/calendars/{studentNumber}.ics"); // leak TC1001 strings
        var expected = await directory.FeedTokenAsync(studentNumber, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(token)))
        {
            logger.LogWarning("Feed token rejected ({Length} characters) for trace {Trace}", token.Length, http.TraceIdentifier); // clean precision-about
            logger.LogDebug("Rejected feed token {Token}", token); // leak TC1001 direct
            return new NotFoundResult(null);
        }
        return new OkResult(null);
    }
}
