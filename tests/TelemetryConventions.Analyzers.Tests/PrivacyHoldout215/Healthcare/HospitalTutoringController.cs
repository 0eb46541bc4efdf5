namespace PrivacyHoldout215.Healthcare;

/// <summary>The hospital school's booking controller: ward teachers and visiting tutors book lessons for children on the wards.</summary>
[ApiController]
[Route("api/hospital-school/lessons")]
public sealed partial class HospitalTutoringController(
    IMarketplaceStore store,
    INotifier notifier,
    Pseudonymizer pseudonymizer,
    MarketplaceOptions options,
    ILogger<HospitalTutoringController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Healthcare.HospitalSchool");

    private readonly Counter<long> _wardLessons = meter.CreateCounter<long>("hospital_school.ward_lessons");
    private string _lastNhsNumber = string.Empty;
    private string _lastWard = string.Empty;

    [HttpPost("book")]
    public async Task<ActionResult> BookAsync([FromBody] WardLessonRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartCarelearnOperation(request.Ward);
        span.SetCarelearnSubject(request.Subject); // clean generated-api
        span.SetCarelearnMinutes(request.Minutes); // clean generated-api
        span.SetCarelearnClientId(pseudonymizer.PseudonymizeCarelearnClientId(request.StudentId)); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("ward.code", request.Ward); // clean precision-names
        activity?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        activity?.SetTag("lesson.subject", request.Subject); // clean precision-about
        activity?.SetTag("student.name.length", request.PatientName.Length); // clean precision-about

        _lastNhsNumber = request.NhsNumber;
        _lastWard = request.Ward;

        var student = await store.FindStudentAsync(request.StudentId, cancellationToken);
        if (student is null)
        {
            var missing = new StudentNotFoundException(request.StudentId);
            activity?.AddException(missing); // leak TC1001 exceptions
            logger.LogWarning("Ward {Ward} asked for a lesson for an unknown student", request.Ward); // clean precision-names
            return NotFound();
        }

        logger.LogInformation("Booking {Subject} for {PatientName} on {Ward}", request.Subject, request.PatientName, request.Ward); // leak TC1001 direct
        logger.LogInformation("Student year group {YearGroup}, {Minutes} minutes", student.YearGroup, request.Minutes); // clean precision-about
        logger.LogDebug("Clinical context: {ClinicalNote}", request.ClinicalNote); // leak TC1001 direct
        logger.LogInformation("Student record {@Student}", student); // leak TC1001 logging-objects

        var booking = new LessonBooking(Guid.NewGuid().ToString("N"), request.StudentId, "unassigned", request.Subject, DateTimeOffset.UtcNow.AddHours(2), request.Minutes, "bedside");
        await store.SaveBookingAsync(booking, cancellationToken);
        activity?.SetTag("booking.id", booking.BookingId); // clean precision-names
        logger.LogInformation("Booked {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Slot {@Slot}", new BookingSlot(booking.BookingId, booking.Subject, booking.StartsAt, booking.Minutes, booking.Mode)); // clean logging-objects

        _wardLessons.Add(1, new KeyValuePair<string, object?>("ward", request.Ward), new KeyValuePair<string, object?>("subject", request.Subject)); // clean precision-names
        meter.CreateCarelearnOperationsCounter().Add(1, request.Ward, "booked"); // clean generated-api
        await notifier.SendAsync(student.FullName, "Lesson booked", $"{request.Subject} at {booking.StartsAt:t}", cancellationToken);
        return Ok(booking.BookingId);
    }

    [HttpGet("ward/{ward}/plan")]
    public ActionResult Plan(string ward, int keyStage)
    {
        var plan = new WardLessonPlan(Guid.NewGuid().ToString("N"), ward, "mixed", 5, $"KS{keyStage}");
        logger.LogInformation("Plan {@Plan}", plan); // clean logging-objects
        Activity.Current?.SetTag("plan.lessons", plan.Lessons); // clean precision-about
        Activity.Current?.SetTag("last.patient", _lastNhsNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("last.ward", _lastWard); // clean cross-member
        return Ok(plan);
    }

    [HttpPost("cancel")]
    public ActionResult Cancel([FromBody] WardLessonRequest request, string reason)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.NhsNumber)));
        Activity.Current?.SetTag("patient.key", key); // leak TC1002 hashes
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(options.Region + "-shard-key"));
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(request.NhsNumber))[0] % 16;
        Activity.Current?.SetTag("patient.shard", shard); // clean hashes
        var summary = $"Cancelled {request.Subject} for {request.PatientName}: {reason}";
        Activity.Current?.SetStatus(ActivityStatusCode.Error, summary); // leak TC1001 strings
        var wardSummary = string.Join(",", request.Ward, request.Subject, request.Minutes.ToString());
        Activity.Current?.AddEvent(new ActivityEvent("lesson.cancelled", tags: new ActivityTagsCollection { ["summary"] = wardSummary })); // clean strings
        LogCancelled(logger, request.NhsNumber, request.Ward); // clean logging-objects
        LogCancelledPlain(logger, request.PatientName, request.Ward); // leak TC1001 logging-objects
        return Ok();
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Lesson cancelled for {NhsNumber} on {Ward}")]
    private static partial void LogCancelled(ILogger logger, [PrivateData] string nhsNumber, string ward);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Lesson cancelled for {PatientName} on {Ward}")]
    private static partial void LogCancelledPlain(ILogger logger, string patientName, string ward);
}
