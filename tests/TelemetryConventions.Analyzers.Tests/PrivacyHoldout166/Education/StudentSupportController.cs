namespace PrivacyHoldout166.Education;

public interface ISupportCases
{
    Task<string> OpenAsync(SupportRequest request, CancellationToken cancellationToken = default);

    Task<string?> AdviserForAsync(string campus, CancellationToken cancellationToken = default);
}

/// <summary>Students ask the money and wellbeing team for help with gambling; the team opens a case and assigns an adviser.</summary>
[ApiController]
[Route("api/support")]
public sealed class StudentSupportController(
    ISupportCases cases,
    Pseudonymizer pseudonymizer,
    ILogger<StudentSupportController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("CampusOdds.Support");

    [HttpPost("{campus}")]
    public async Task<ActionResult> Open(string campus, [FromBody] SupportRequest request)
    {
        using var span = Source.StartCampusoddsOperation(campus);
        span.SetCampusoddsStudentId(pseudonymizer.PseudonymizeCampusoddsStudentId(request.StudentNumber)); // clean generated-api
        span.SetCampusoddsProgramme("gambling-support"); // clean generated-api
        span.SetCampusoddsNote(request.Account); // leak TC1001 generated-api

        var caseId = await cases.OpenAsync(request);
        logger.LogInformation("Support case {CaseId} opened on {Campus}", caseId, campus); // clean precision-names
        logger.LogInformation("Support case opened for student {StudentNumber}", request.StudentNumber); // leak TC1001 direct
        logger.LogInformation("Support request {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Support request of {Length} characters, email given: {HasEmail}", request.Account.Length, request.Email.Length > 0); // clean precision-about

        var adviser = await cases.AdviserForAsync(campus);
        if (adviser is null)
        {
            span.SetCampusoddsOutcome("unassigned"); // clean generated-api
            logger.LogCampusoddsOperationFailedEvent(campus, "unassigned", pseudonymizer.PseudonymizeCampusoddsStudentId(request.StudentNumber), "no adviser on shift"); // clean generated-api
            return Ok(caseId);
        }

        span.SetCampusoddsAdviserId(pseudonymizer.PseudonymizeCampusoddsAdviserId(adviser)); // clean generated-api
        Activity.Current?.SetTag("campusodds.adviser", adviser); // leak TC1001 direct
        Activity.Current?.SetBaggage("student.email", request.Email); // leak TC1001 direct
        Activity.Current?.SetBaggage("support.case", caseId); // clean precision-names
        HttpContext.RequestHeaders.TryGetValue("X-Student-Number", out var headerNumber);
        logger.LogDebug("Header student {Student}", headerNumber); // leak TC1001 direct
        return Ok(caseId);
    }
}
