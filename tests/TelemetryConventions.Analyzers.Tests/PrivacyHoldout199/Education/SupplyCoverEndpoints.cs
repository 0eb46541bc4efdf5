namespace PrivacyHoldout199.Education;

/// <summary>A supply teaching agency's minimal API: schools book cover, teachers are matched and vetted.</summary>
public static partial class SupplyCoverEndpoints
{
    private static readonly ActivitySource Source = new("TalentBridge.SupplyCover");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/supply/bookings", BookCover);
        routes.MapGet("/supply/teachers/{trn}", FindTeacher);
        routes.MapPost("/supply/right-to-work", CheckRightToWork);
    }

    private static string BookCover(SupplyBooking booking, ILogger<SupplyBooking> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        using var span = Source.StartSupplycoverOperation(booking.SchoolUrn) // clean precision-names
            .SetSupplycoverRole("ks2") // clean generated-api
            .SetSupplycoverHours(booking.Days * 6); // clean generated-api
        span.SetSupplycoverClientId(pseudonymizer.PseudonymizeSupplycoverClientId(booking.TeacherReferenceNumber)); // clean precision-pseudonym
        span.SetSupplycoverStage(booking.TeacherName); // leak TC1001 generated-api
        span.SetSupplycoverClientId(Pseudonym.FromComputed(booking.TeacherReferenceNumber)); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("supply.booking.id", booking.BookingId); // clean precision-names
        activity?.SetTag("supply.school.urn", booking.SchoolUrn); // clean precision-names
        activity?.SetTag("supply.teacher.trn", booking.TeacherReferenceNumber); // leak TC1001 direct
        activity?.SetTag("supply.teacher.trn_supplied", !string.IsNullOrEmpty(booking.TeacherReferenceNumber)); // clean precision-about
        activity?.SetTag("supply.booking.days", booking.Days); // clean precision-about
        activity?.SetTag("supply.teacher", $"{booking.TeacherName} ({booking.TeacherReferenceNumber})"); // leak TC1001 strings

        var summary = new StringBuilder().Append("school=").Append(booking.SchoolUrn).Append(";days=").Append(booking.Days).ToString();
        activity?.SetTag("supply.booking.summary", summary); // clean strings
        var who = new StringBuilder("teacher=").Append(booking.TeacherName).ToString();
        logger.LogInformation("Booking detail {Detail}", who); // leak TC1001 strings

        logger.LogInformation("Cover booked {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Cover booked {@Booking}", new { booking.BookingId, booking.SchoolUrn, booking.Days }); // clean logging-objects
        logger.LogInformation("Cover booked {@Booking}", new { booking.BookingId, Teacher = booking.TeacherName }); // leak TC1001 logging-objects
        LogCoverBooked(logger, booking.SchoolUrn, booking.TeacherReferenceNumber); // leak TC1001 logging-objects
        LogTeacherBooked(logger, booking.BookingId, booking.TeacherName); // clean logging-objects

        meter.CreateSupplycoverOperationsCounter().Add(1, booking.SchoolUrn, supplycoverOutcome: "booked"); // clean generated-api
        var bookings = meter.CreateCounter<int>("supply.bookings");
        bookings.Add(1, new KeyValuePair<string, object?>("teacher", pseudonymizer.PseudonymizeSupplycoverClientId(booking.TeacherReferenceNumber))); // leak TC1003 precision-pseudonym
        bookings.Add(1, new KeyValuePair<string, object?>("school", booking.SchoolUrn)); // clean precision-names
        return booking.BookingId;
    }

    private static string FindTeacher(string trn, CandidateStore store, ILogger<SupplyBooking> logger)
    {
        var activity = Activity.Current;
        var teacher = store.Find(trn);
        if (teacher is null)
        {
            var error = new CandidateNotFoundException(trn);
            logger.LogWarning(error, "Teacher lookup failed"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "teacher not registered"); // clean exceptions
            throw error;
        }

        activity?.SetTag("supply.teacher.name", teacher.FullName); // leak TC1001 direct
        activity?.SetTag("supply.teacher.mobile", teacher.Mobile); // leak TC1001 direct
        activity?.SetTag("supply.teacher.name_length", teacher.FullName.Length); // clean precision-about
        activity?.SetTag("supply.teacher.has_mobile", teacher.Mobile.Length > 0); // clean precision-about
        var initials = string.Join("", teacher.FullName.Split(' ').Select(p => p[0]));
        logger.LogInformation("Teacher found: {Name}", string.Join(" ", teacher.FullName, teacher.Postcode)); // leak TC1001 strings
        logger.LogInformation("Teacher found in {Count} applications", store.CountApplications(trn)); // clean precision-about
        activity?.SetTag("supply.teacher.dob", teacher.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        activity?.SetTag("supply.teacher.initials_count", initials.Length); // clean precision-about
        return teacher.CandidateId;
    }

    private static async Task<string> CheckRightToWork(RightToWorkCheck check, HomeOfficeClient homeOffice, ILogger<SupplyBooking> logger)
    {
        var activity = Activity.Current;
        activity?.SetTag("supply.rtw.reference", check.CheckReference); // clean precision-names
        activity?.SetTag("supply.rtw.share_code", check.ShareCode); // leak TC1001 direct
        activity?.SetTag("supply.rtw.route", check.ShareCode[..1]); // clean precision-about
        activity?.SetTag("supply.rtw.nationality", check.Nationality); // clean precision-about
        var followUpKey = string.Format("{0}|{1:yyyyMMdd}", check.ShareCode, check.DateOfBirth);
        logger.LogInformation("Follow-up key {Key}", followUpKey); // leak TC1001 strings
        try
        {
            var outcome = await homeOffice.CheckAsync(check);
            activity?.SetTag("supply.rtw.outcome", outcome.Outcome); // clean precision-about
            activity?.SetTag("supply.rtw.expiry_month", outcome.ExpiryMonth); // clean precision-about
            logger.LogInformation("Right to work {@Outcome}", outcome); // clean logging-objects
            return outcome.Outcome;
        }
        catch (HomeOfficeUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            activity?.SetTag("supply.rtw.status_code", ex.StatusCode); // clean exceptions
            return "retry";
        }
        catch (ShareCodeRejectedException ex)
        {
            logger.LogWarning("Share code rejected: {Reason}", ex.Message); // leak TC1001 exceptions
            activity?.AddEvent(new ActivityEvent("rtw.rejected", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
            return "rejected";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cover booked at {SchoolUrn} for teacher {Trn}")]
    private static partial void LogCoverBooked(ILogger logger, string schoolUrn, string trn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} assigned to {TeacherName}")]
    private static partial void LogTeacherBooked(ILogger logger, string bookingId, [PrivateData] string teacherName);
}
