namespace PrivacyHoldout197.Transport;

public sealed record CheckInRequest(string BookingReference, string DocumentType, string DocumentNumber, string NameOnDocument, double PhotoMatchScore);

public sealed record ExaminerAllocation(string BookingReference, string ExaminerStaffNumber, string CentreCode);

/// <summary>The test centre's check-in desk and examiner allocation, as a minimal API.</summary>
public static class TestCentreEndpoints
{
    private static readonly ActivitySource Source = new("RoadReady.TestCentre");
    private static readonly Meter CentreMeter = new("RoadReady.TestCentre");
    private static readonly Counter<long> CheckIns = CentreMeter.CreateCounter<long>("testcentre.checkins");

    public static EndpointRoutes MapTestCentre(this EndpointRoutes routes)
    {
        routes.MapPost("/centres/{centre}/check-in", CheckInAsync);
        routes.MapPost("/centres/{centre}/examiners", AllocateExaminer);
        return routes;
    }

    internal static async Task<ActionResult> CheckInAsync(string centre, CheckInRequest request, TestBookingStore store,
        LicenceRegister register, Pseudonymizer pseudonymizer, Meter meter, ILogger<CheckInRequest> logger, CancellationToken ct)
    {
        using var span = Source.StartTestdayOperation(centre);
        Activity.Current?.SetTag("testcentre.booking_reference", request.BookingReference); // clean precision-names
        Activity.Current?.SetTag("testcentre.document_type", request.DocumentType); // clean precision-names
        Activity.Current?.SetTag("testcentre.photo_match_score", request.PhotoMatchScore); // clean precision-about

        var booking = store.Find(request.BookingReference);
        if (booking is null)
        {
            logger.LogWarning("Check-in for unknown booking {BookingReference} at {Centre}", request.BookingReference, centre); // clean precision-names
            return new NotFoundResult(request.BookingReference);
        }

        var candidate = await register.FindCandidateAsync(booking.LicenceNumber, ct);
        var pseudonym = pseudonymizer.PseudonymizeTestdayCandidateId(booking.LicenceNumber);
        span.SetTestdayCandidateId(pseudonym); // clean generated-api
        span.SetTestdayCategory(booking.Category); // clean generated-api
        span.SetTestdayAttempts(booking.Attempt); // clean generated-api

        if (candidate is null || !string.Equals(candidate.FullName, request.NameOnDocument, StringComparison.OrdinalIgnoreCase))
        {
            var mismatch = new IdentityMismatchException(request.NameOnDocument, request.DocumentNumber);
            Activity.Current?.AddException(mismatch); // leak TC1001 exceptions
            span.RecordException(mismatch); // clean exceptions
            span.SetTestdayNote($"ID {request.DocumentNumber} rejected for booking {request.BookingReference}"); // leak TC1001 generated-api
            logger.LogTestdayOperationFailedEvent(centre, "id-rejected", pseudonym, "photo ID did not match the booking"); // clean generated-api
            meter.CreateTestdayOperationsCounter().Add(1, centre, "id-rejected"); // clean generated-api
            Activity.Current?.AddEvent(new ActivityEvent("checkin.rejected", tags: new ActivityTagsCollection { ["document.number"] = request.DocumentNumber })); // leak TC1001 direct
            logger.LogInformation("Rejected ID for {Candidate}", candidate?.FullName); // leak TC1001 direct
            return new BadRequestResult("photo ID does not match");
        }

        var checkIn = new CentreCheckIn(request.BookingReference, request.DocumentType, request.DocumentNumber, request.NameOnDocument, request.PhotoMatchScore);
        logger.LogInformation("Candidate checked in {@CheckIn}", checkIn); // leak TC1001 logging-objects
        logger.LogInformation("Checked in {CheckIn}", checkIn with { DocumentNumber = "****" }); // leak TC1001 logging-objects
        logger.LogInformation("Checked in booking {Booking} with {DocumentType}, last four {Last4}", checkIn.BookingReference, checkIn.DocumentType, checkIn.DocumentNumber[^4..]); // clean precision-about
        logger.LogInformation("Candidate aged {Age} checked in", DateTime.Today.Year - candidate.DateOfBirth.Year); // clean precision-about
        Activity.Current?.SetTag("testcentre.candidate.dob", candidate.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        Activity.Current?.SetTag("testcentre.candidate.postcode_district", candidate.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("testcentre.candidate.email_domain", candidate.Email[(candidate.Email.IndexOf('@') + 1)..]); // clean precision-about
        CheckIns.Add(1, new KeyValuePair<string, object?>("centre", centre)); // clean precision-names
        CheckIns.Add(1, new KeyValuePair<string, object?>("candidate", pseudonym.Value)); // leak TC1003 precision-pseudonym
        meter.CreateTestdayOperationDurationHistogram().Record(1.5, centre); // clean generated-api
        return new OkResult(new BookingSummary(booking.BookingReference, booking.CentreCode, booking.Slot, booking.Category, "checked-in"));
    }

    internal static ActionResult AllocateExaminer(string centre, ExaminerAllocation allocation, Pseudonymizer pseudonymizer, ILogger<ExaminerAllocation> logger)
    {
        using var activity = Source.StartActivity("examiner.allocate");
        activity?.SetTag("testcentre.examiner.staff_number", allocation.ExaminerStaffNumber); // leak TC1001 direct
        activity?.SetTag("testcentre.examiner", pseudonymizer.Pseudonymize(Spaces.Examiner, allocation.ExaminerStaffNumber)); // clean precision-pseudonym
        activity?.SetTag("testcentre.examiner_count", 1); // clean precision-names
        activity?.SetTag("testcentre.booking", allocation.BookingReference); // clean precision-names
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Centre"] = centre, ["Examiner"] = allocation.ExaminerStaffNumber }); // leak TC1001 logging-objects
        logger.LogInformation("Examiner allocated to {Booking}", allocation.BookingReference); // clean precision-names
        return new OkResult(null);
    }
}
