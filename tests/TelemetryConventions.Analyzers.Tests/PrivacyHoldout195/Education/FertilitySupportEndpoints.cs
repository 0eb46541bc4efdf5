namespace PrivacyHoldout195.Education;

/// <summary>A university's minimal API for staff fertility leave and student fertility counselling.</summary>
public static class FertilitySupportEndpoints
{
    private static readonly ActivitySource Source = new("University.FertilitySupport");
    private static readonly Meter Meter = new("University.FertilitySupport");
    private static readonly Counter<long> LeaveRequests = Meter.CreateCounter<long>("campus.fertility_leave.requests");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/leave", SubmitLeave);
        routes.MapPost("/counselling", BookCounselling);
        routes.MapGet("/leave/totals/{department}", Totals);
    }

    private static string SubmitLeave(FertilityLeaveRequest request, ILeaveSystem leave, Pseudonymizer pseudonymizer, ILogger<LeaveMarker> logger)
    {
        var activity = Activity.Current;
        activity?.SetTag("campus.leave.request_id", request.RequestId); // clean precision-names
        activity?.SetTag("campus.leave.department", request.Department); // clean precision-about
        activity?.SetTag("campus.leave.days", request.DaysRequested); // clean precision-about
        activity?.SetTag("campus.leave.stage", request.TreatmentStage); // clean precision-about
        activity?.SetTag("campus.staff.number", request.StaffNumber); // leak TC1001 direct
        activity?.SetTag("campus.staff.email", request.Email); // leak TC1001 direct
        activity?.SetTag("campus.staff.email_domain", request.Email.Split('@')[1]); // clean precision-about
        activity?.SetTag("campus.staff_directory.name", "hr-core"); // clean precision-names

        var staff = pseudonymizer.PseudonymizeCampuscarePatientId(request.StaffNumber);
        using var span = Source.StartCampuscareOperation(request.Department);
        span.SetCampuscarePatientId(staff); // clean generated-api
        span.SetCampuscareStage(request.TreatmentStage); // clean generated-api
        span.SetCampuscareMinutes(request.DaysRequested * 450); // clean generated-api
        span.SetCampuscareNote(request.StaffName + " asked for " + request.DaysRequested + " days"); // leak TC1001 generated-api

        LeaveRequests.Add(1, new KeyValuePair<string, object?>("department", request.Department)); // clean precision-about
        LeaveRequests.Add(1, new KeyValuePair<string, object?>("staff", staff.Value)); // leak TC1003 precision-pseudonym
        LeaveRequests.Add(1, new KeyValuePair<string, object?>("staff.number", request.StaffNumber)); // leak TC1003 direct

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["StaffNumber"] = request.StaffNumber }); // leak TC1001 logging-objects
        using var safeScope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = request.RequestId, ["Staff"] = staff.Value }); // clean logging-objects
        logger.LogInformation("Leave request {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Leave request {@Request}", new { request.RequestId, request.Department, request.DaysRequested }); // clean logging-objects
        logger.LogInformation("Leave request {@Request}", new { request.RequestId, request.StaffName }); // leak TC1001 logging-objects
        logger.LogInformation("Leave request {Request}", request with { Email = "redacted" }); // leak TC1001 logging-objects
        LeaveLog.LeaveSubmitted(logger, request.RequestId, request.StaffName); // clean logging-objects
        LeaveLog.LeaveForwarded(logger, request.RequestId, request.Email); // leak TC1001 logging-objects

        try
        {
            var saved = leave.Submit(request);
            logger.LogInformation("Leave {RequestId} saved for {StaffHash}", saved.RequestId, Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(saved.StaffNumber)))); // leak TC1002 hashes
            return saved.RequestId;
        }
        catch (ClinicSystemUnavailableException ex)
        {
            span.SetCampuscareNote(ex.Message); // clean generated-api
            logger.LogCampuscareOperationFailedEvent(request.Department, "unavailable", staff, ex.Message); // clean generated-api
            meter().CreateCampuscareOperationsCounter().Add(1, request.Department, "unavailable"); // clean generated-api
            throw;
        }
        catch (PatientNotFoundException ex)
        {
            logger.LogCampuscareOperationFailedEvent(request.Department, "not-found", staff, ex.Message); // leak TC1001 generated-api
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            throw;
        }
    }

    private static Meter meter() => Meter;

    private static string BookCounselling(StudentCounsellingBooking booking, ICounsellingDiary diary, ILogger<LeaveMarker> logger)
    {
        var activity = Activity.Current;
        activity?.SetTag("campus.counselling.booking_id", booking.BookingId); // clean precision-names
        activity?.SetTag("campus.counselling.campus", booking.Campus); // clean precision-about
        activity?.SetTag("campus.counselling.slot", booking.Slot.ToString("O")); // clean precision-about
        activity?.SetTag("campus.student.number", booking.StudentNumber); // leak TC1001 direct
        activity?.SetTag("campus.counsellor.name", booking.CounsellorName); // leak TC1001 direct
        activity?.SetTag("campus.student.name_length", booking.StudentName.Length); // clean precision-about
        activity?.SetTag("campus.student_services.queue", "fertility"); // clean precision-names
        activity?.AddEvent(new ActivityEvent("campus.counselling.booked", tags: new ActivityTagsCollection { ["student"] = booking.StudentName })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("campus.counselling.booked", tags: new ActivityTagsCollection { ["booking"] = booking.BookingId })); // clean precision-names

        var session = diary.Book(booking.StudentNumber, "fertility-counselling", booking.Slot);
        logger.LogInformation("Session {SessionId} ({Type}, {Minutes} min)", session.SessionId, session.SessionType, session.Minutes); // clean precision-about
        logger.LogInformation("Session notes: {Notes}", session.SessionNotes); // leak TC1001 direct
        logger.LogDebug("Session {@Session}", session); // leak TC1001 logging-objects
        var summary = string.Join(", ", booking.StudentName, booking.Campus, booking.Slot.ToShortTimeString());
        logger.LogInformation("Counselling booked: {Summary}", summary); // leak TC1001 strings
        var safeSummary = string.Join(", ", booking.BookingId, booking.Campus);
        logger.LogInformation("Counselling booked: {Summary}", safeSummary); // clean strings
        return session.SessionId;
    }

    private static DepartmentLeaveTotals Totals(string department, ILogger<LeaveMarker> logger)
    {
        var totals = new DepartmentLeaveTotals(department, 12, 40);
        logger.LogInformation("Totals {@Totals}", totals); // clean logging-objects
        Activity.Current?.SetTag("campus.leave.requests", totals.Requests); // clean precision-about
        Activity.Current?.SetTag("campus.leave.staff_count", totals.Requests); // clean precision-names
        return totals;
    }
}

/// <summary>The category type for the endpoints' logger.</summary>
public sealed class LeaveMarker;

internal static partial class LeaveLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Leave {RequestId} submitted by {StaffName}")]
    public static partial void LeaveSubmitted(ILogger logger, string requestId, [PrivateData] string staffName);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Leave {RequestId} forwarded to {Email}")]
    public static partial void LeaveForwarded(ILogger logger, string requestId, string email);
}
