namespace PrivacyHoldout165.Education;

/// <summary>A college's evening certificate in family history: enrolments and tutor allocation.</summary>
[ApiController]
[Route("api/courses/family-history")]
public sealed class FamilyHistoryCourseController(
    IEnrolmentStore store,
    Pseudonymizer pseudonymizer,
    ILogger<FamilyHistoryCourseController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("College.Courses");
    private readonly Counter<long> _enrolled = meter.CreateCounter<long>("courses.enrolled");

    public sealed record EnrolRequest(string StudentNumber, string StudentName, string Email, string CourseCode, string TutorStaffId);

    [HttpPost("enrol")]
    public async Task<ActionResult> Enrol([FromBody] EnrolRequest request)
    {
        using var span = Source.StartFamhistOperation(request.CourseCode);
        span.SetFamhistStudentId(pseudonymizer.PseudonymizeFamhistStudentId(request.StudentNumber)); // clean generated-api
        span.SetFamhistTutorId(pseudonymizer.PseudonymizeFamhistTutorId(request.TutorStaffId)); // clean generated-api
        span.Activity?.SetTag("course.code", request.CourseCode); // clean precision-names
        span.Activity?.SetTag("student.number", request.StudentNumber); // leak TC1001 direct
        span.Activity?.SetTag("student.email", request.Email); // leak TC1001 direct
        span.Activity?.SetTag("student.has_email", !string.IsNullOrEmpty(request.Email)); // clean precision-about
        try
        {
            var enrolment = new CourseEnrolment(request.StudentNumber, request.StudentName, request.Email, request.CourseCode, "2026-autumn");
            await store.SaveAsync(enrolment);
            logger.LogInformation("Enrolled {Enrolment}", enrolment); // leak TC1001 logging-objects
            _enrolled.Add(1, new KeyValuePair<string, object?>("course", request.CourseCode), new KeyValuePair<string, object?>("cohort", enrolment.Cohort)); // clean precision-about
            _enrolled.Add(1, new KeyValuePair<string, object?>("tutor", request.TutorStaffId)); // leak TC1003 direct
            meter.CreateFamhistEnrolmentsCounter().Add(1, request.CourseCode, "enrolled"); // clean generated-api
            return Ok();
        }
        catch (CourseFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest("full");
        }
    }

    [HttpGet("students/{studentNumber}")]
    public async Task<ActionResult> Find(string studentNumber)
    {
        var enrolment = await store.FindAsync(studentNumber);
        if (enrolment is null)
        {
            logger.LogWarning("No enrolment for student " + studentNumber); // leak TC1001 strings
            return NotFound();
        }

        logger.LogInformation("Found enrolment for course {Course} cohort {Cohort}", enrolment.CourseCode, enrolment.Cohort); // clean precision-names
        var greeting = string.Format(CultureInfo.InvariantCulture, "Welcome {0} to {1}", enrolment.StudentName, enrolment.CourseCode);
        Activity.Current?.AddEvent(new ActivityEvent("course.welcome", tags: new ActivityTagsCollection { ["text"] = greeting })); // leak TC1001 strings
        Activity.Current?.SetTag("course.welcome_length", greeting.Length); // clean precision-about
        return Ok(enrolment.CourseCode);
    }
}
