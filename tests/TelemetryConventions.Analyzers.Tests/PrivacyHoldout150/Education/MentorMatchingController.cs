namespace PrivacyHoldout150.Education;

/// <summary>Matches students with alumni mentors in the sector they want to work in.</summary>
[ApiController]
[Route("api/mentoring")]
public sealed class MentorMatchingController(
    IMentorDirectory mentors,
    IMemberMessenger messenger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<MentorMatchingController> logger) : ControllerBase
{
    private static readonly Meter MentoringMeter = new("Campus.Mentoring");
    private static readonly Counter<long> Requests = MentoringMeter.CreateCounter<long>("campus.mentoring.requests");

    private MentoringRequest? _current;
    private AlumniMentor? _chosen;

    [HttpPost("requests")]
    public async Task<ActionResult> Request([FromBody] MentoringRequest request)
    {
        _current = request;
        using var span = source.StartCampusOperation("uni-leeds");
        span.SetCampusModule(request.Sector); // clean generated-api
        span.SetCampusStudentId(pseudonymizer.PseudonymizeCampusStudentId(request.StudentNumber)); // clean precision-pseudonym
        span.SetCampusNote(request.Motivation); // leak TC1001 generated-api
        Activity.Current?.SetTag("mentoring.request.id", request.RequestId); // clean precision-names
        Activity.Current?.SetTag("mentoring.motivation.words", request.Motivation.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        Requests.Add(1, new KeyValuePair<string, object?>("mentoring.sector", request.Sector)); // clean precision-about

        var candidates = await mentors.BySectorAsync(request.Sector);
        if (candidates.Count == 0)
        {
            logger.LogCampusOperationFailedEvent("uni-leeds", "no_mentor", campusStudentId: pseudonymizer.PseudonymizeCampusStudentId(request.StudentNumber), campusNote: $"no mentor in {request.Sector}"); // clean generated-api
            return NotFound();
        }

        _chosen = candidates.OrderBy(m => m.GraduationYear).First();
        await messenger.EmailAsync(HttpContext.User.Email ?? "", "tpl-mentor-found");
        LogChoice();
        return Ok(_chosen.AlumniId);
    }

    private void LogChoice()
    {
        logger.LogInformation("Mentor chosen from the class of {GraduationYear}", _chosen!.GraduationYear); // clean cross-member
        logger.LogInformation("Mentor {MentorName} ({LinkedIn}) chosen for {StudentNumber}", _chosen.Name, _chosen.LinkedInHandle, _current!.StudentNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("campus.mentor.id", pseudonymizer.ComputeCampusMentorId(_chosen.AlumniId)); // clean precision-pseudonym
        Activity.Current?.SetTag("campus.mentor.alumni_id", _chosen.AlumniId); // leak TC1001 cross-member
        Activity.Current?.SetTag("campus.mentor.sector", _chosen.Sector); // clean cross-member
        Requests.Add(1, new KeyValuePair<string, object?>("mentoring.mentor", pseudonymizer.ComputeCampusMentorId(_chosen.AlumniId))); // leak TC1003 precision-pseudonym
    }

    [HttpGet("me")]
    public ActionResult Mine()
    {
        var user = HttpContext.User;
        Activity.Current?.SetTag("mentoring.signed_in", user.IsAuthenticated); // clean precision-about
        Activity.Current?.SetTag("mentoring.subject", user.SubjectId); // leak TC1001 direct
        logger.LogInformation("Mentoring page for {Email}", user.Email); // leak TC1001 direct
        logger.LogDebug("Mentoring page template {MentorEmailTemplateId}", "tpl-mentor-page"); // clean precision-names
        Activity.Current?.SetBaggage("mentoring.student", pseudonymizer.Compute("student", user.SubjectId ?? "")); // clean precision-pseudonym
        return Ok();
    }
}
