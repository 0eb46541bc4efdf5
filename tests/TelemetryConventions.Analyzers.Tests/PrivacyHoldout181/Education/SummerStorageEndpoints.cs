namespace PrivacyHoldout181.Education;

/// <summary>Students book boxes into summer storage when they move out of halls; the boxes come back in September.</summary>
public static partial class SummerStorageEndpoints
{
    private static readonly ActivitySource Source = new("University.Halls.SummerStorage");
    private static readonly Meter Meter = new("University.Halls.SummerStorage");
    private static readonly Counter<long> Boxes = Meter.CreateCounter<long>("halls.storage.boxes");
    private static readonly HallsmoveOperationsCounter Operations = Meter.CreateHallsmoveOperationsCounter();

    public static EndpointRoutes MapSummerStorage(this EndpointRoutes routes) =>
        routes.MapPost("/halls/storage/bookings", BookAsync)
              .MapGet("/halls/storage/bookings/{bookingId}", GetAsync);

    private static async Task<ActionResult> BookAsync(SummerStorageBooking booking, ILogger<SummerStorageBooking> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
    {
        using var span = Source.StartHallsmoveOperation(booking.Hall);
        var student = pseudonymizer.PseudonymizeHallsmoveMoverId(booking.StudentNumber);
        span.SetHallsmoveMoverId(student); // clean generated-api
        span.SetHallsmoveItemCount(booking.Boxes); // clean generated-api
        span.SetHallsmoveMoveType("storage"); // clean generated-api
        span.SetHallsmoveNote($"{booking.Boxes} boxes from {booking.Hall}"); // clean generated-api
        span.SetHallsmoveNote($"Booked by {booking.StudentName} <{booking.StudentEmail}>"); // leak TC1001 generated-api
        span.Activity?.SetTag(HallsmoveAttributes.Contact, booking.StudentEmail); // leak TC1001 generated-api
        span.Activity?.SetTag(HallsmoveAttributes.Contact, "[not given]"); // clean generated-api

        var activity = span.Activity;
        activity?.SetTag("halls.storage.booking_id", booking.BookingId); // clean precision-names
        activity?.SetTag("halls.storage.hall", booking.Hall); // clean precision-names
        activity?.SetTag("halls.student.number", booking.StudentNumber); // leak TC1001 direct
        activity?.SetTag("halls.student.email_domain", booking.StudentEmail.Split('@')[^1]); // clean precision-about
        activity?.SetTag("halls.student.email", booking.StudentEmail); // leak TC1001 direct
        activity?.SetTag("halls.student_count", 1); // clean precision-names

        LogBooked(logger, booking.BookingId, booking.StudentName, booking.Boxes); // clean logging-objects
        logger.LogInformation("Storage booked for {Student} ({Boxes} boxes)", booking.StudentName, booking.Boxes); // leak TC1001 direct
        logger.LogInformation("Storage booking {@Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Storage booking {Booking}", new { booking.BookingId, booking.Hall, booking.Boxes }); // clean logging-objects

        var label = $"{booking.Hall}/{booking.StudentNumber}/{booking.Boxes}";
        activity?.SetTag("halls.storage.label", label); // leak TC1001 strings
        var labelForCrates = $"{booking.Hall}/{booking.BookingId}";
        activity?.SetTag("halls.storage.crate_label", labelForCrates); // clean strings

        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(booking.StudentNumber))[0] % 8;
        Boxes.Add(booking.Boxes, new KeyValuePair<string, object?>("cohort", cohort)); // clean hashes
        Boxes.Add(booking.Boxes, new KeyValuePair<string, object?>("hall", booking.Hall)); // clean precision-names
        Boxes.Add(booking.Boxes, new KeyValuePair<string, object?>("student", booking.StudentNumber)); // leak TC1003 direct
        Operations.Add(1, booking.Hall, "booked"); // clean generated-api
        Operations.Add(1, booking.Hall, pseudonymizer.ComputeHallsmoveMoverId(booking.StudentNumber)); // leak TC1003 generated-api

        await Task.Yield();
        return new OkResult(booking.BookingId);
    }

    private static Task<ActionResult> GetAsync(string bookingId, string studentNumber, ILogger<SummerStorageBooking> logger)
    {
        Activity.Current?.SetTag("halls.storage.booking_id", bookingId); // clean precision-names
        logger.LogInformation("Storage booking {BookingId} read", bookingId); // clean precision-names
        var ex = new CustomerNotFoundException(studentNumber);
        Activity.Current?.AddException(ex); // leak TC1001 exceptions
        logger.LogWarning(ex, "Booking {BookingId} has no student", bookingId); // leak TC1001 exceptions
        logger.LogHallsmoveOperationFailedEvent("halls-office", "not_found", hallsmoveNote: "No student for booking " + bookingId); // clean generated-api
        logger.LogHallsmoveOperationFailedEvent("halls-office", "not_found", hallsmoveNote: "No student " + studentNumber); // leak TC1001 generated-api
        return Task.FromResult<ActionResult>(new NotFoundResult(null));
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Booking {BookingId}: {StudentName} stores {Boxes} boxes")]
    private static partial void LogBooked(ILogger logger, string bookingId, [PrivateData] string studentName, int boxes);
}
