namespace PrivacyHoldout127.Education;

public sealed record EnrolRequest(string StudentNumber, string StudentEmail, string GuardianEmail, string CourseCode, string ClassCode);

/// <summary>Enrols students on the learning platform's courses when their timetable places them in a class.</summary>
public static class CourseEnrolmentEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Learning.Enrolment");
    private static readonly Meter Meter = new("Trust.Learning.Enrolment");
    private static readonly Counter<long> Enrolments = Meter.CreateCounter<long>("lrnprog.enrolments");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/enrolments", EnrolAsync);

    private static async Task<ActionResult> EnrolAsync(EnrolRequest request, ILmsClient lms, Pseudonymizer pseudonymizer, ILogger<EnrolRequest> logger, CancellationToken ct)
    {
        using var activity = Source.StartActivity("lrnprog.enrol");
        activity?.SetTag("lrnprog.course.code", request.CourseCode); // clean precision-names
        activity?.SetBaggage("lrnprog.learner", pseudonymizer.ComputeLrnprogLearnerId(request.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag("lrnprog.guardian.present", !string.IsNullOrEmpty(request.GuardianEmail)); // clean precision-about
        activity?.SetTag(LrnprogAttributes.Contact, request.GuardianEmail); // leak TC1001 generated-api
        try
        {
            var enrolment = await lms.EnrolAsync(request.CourseCode, request.StudentNumber, request.StudentEmail, "student", ct);
            activity?.SetTag("lrnprog.enrolment.id", enrolment.EnrolmentId); // clean precision-names
            activity?.SetTag("lrnprog.enrolment.login", enrolment.UserLogin); // leak TC1001 cross-member
            Enrolments.Add(1, new("course", enrolment.CourseCode), new("class", request.ClassCode), new("role", enrolment.Role)); // clean precision-names
            logger.LogInformation("Enrolled {Enrolment}", enrolment); // leak TC1001 logging-objects
            return new OkResult(enrolment.EnrolmentId);
        }
        catch (EnrolmentConflictException ex)
        {
            activity?.SetTag("lrnprog.conflict.course", ex.CourseCode); // clean exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("Already enrolled: {Reason}", ex.Message); // leak TC1001 exceptions
            return new OkResult(null);
        }
        catch (CourseFullException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Course full for class {Class}", request.ClassCode); // clean exceptions
            Enrolments.Add(1, new("course", request.CourseCode), new("learner", request.StudentNumber), new("outcome", "full")); // leak TC1003 direct
            return new BadRequestResult("course full");
        }
    }

    /// <summary>Sends the roster of a course to the class teacher's dashboard.</summary>
    public static async Task PublishRosterAsync(string courseCode, ILmsClient lms, ILogger<EnrolRequest> logger, CancellationToken ct)
    {
        var enrolments = await lms.GetEnrolmentsAsync(courseCode, ct);
        logger.LogInformation("Roster of {Course}: {Count} active", courseCode, enrolments.Count(e => e.Status == EnrolmentStatus.Active)); // clean precision-about
        logger.LogDebug("Roster logins {Logins}", enrolments.Select(e => e.UserLogin).ToList()); // leak TC1001 logging-objects
        Activity.Current?.SetTag("lrnprog.roster.domains", string.Join(",", enrolments.Select(e => e.UserEmail[(e.UserEmail.IndexOf('@') + 1)..]).Distinct())); // clean precision-about
    }
}
