namespace PrivacyHoldout174.Education;

/// <summary>The medical needs service books home tuition visits for pupils too ill to attend school.</summary>
[ApiController]
[Route("api/home-tuition")]
public sealed class HomeTuitionController(ILogger<HomeTuitionController> logger, Pseudonymizer pseudonymizer, HomeCareOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("SchoolTrust.HomeTuition");
    private static readonly Meter Meter = new("SchoolTrust.HomeTuition");
    private static readonly Counter<long> Visits = Meter.CreateCounter<long>("tuition.visits");

    [HttpPost("visits")]
    public ActionResult Book([FromBody] HomeTuitionVisit visit)
    {
        using var span = Source.StartHometuitionOperation("medical-needs");
        span.SetHometuitionClientId(pseudonymizer.PseudonymizeHometuitionClientId(visit.StudentNumber)); // clean precision-pseudonym
        span.SetHometuitionCarerId(pseudonymizer.PseudonymizeHometuitionCarerId(visit.TutorStaffId)); // clean precision-pseudonym
        span.SetHometuitionVisitType(visit.Subject); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("tuition.visit_id", visit.VisitId); // clean precision-about
        activity?.SetTag("tuition.student_number", visit.StudentNumber); // leak TC1001 direct
        activity?.SetTag("tuition.tutor", visit.TutorStaffId); // leak TC1001 direct
        activity?.SetTag("tuition.district", visit.HomePostcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("tuition.postcode", visit.HomePostcode); // leak TC1001 direct

        logger.LogInformation("Home tuition booked for {Pupil} in {Subject}", visit.PupilName, visit.Subject); // leak TC1001 direct
        logger.LogInformation("Home tuition booked in {Subject}, template {Template}", visit.Subject, options.ReminderTemplateId); // clean precision-names
        logger.LogInformation("Visit booked: " + visit); // leak TC1001 logging-objects

        Visits.Add(1, new KeyValuePair<string, object?>("subject", visit.Subject)); // clean precision-about
        Visits.Add(1, new KeyValuePair<string, object?>("tutor", pseudonymizer.ComputeHometuitionCarerId(visit.TutorStaffId))); // leak TC1003 precision-pseudonym

        var cohort = (visit.StudentNumber.GetHashCode() & 0x7fffffff) % 10;
        activity?.SetTag("tuition.cohort", cohort); // leak TC1002 hashes
        return Ok(visit.VisitId);
    }
}
