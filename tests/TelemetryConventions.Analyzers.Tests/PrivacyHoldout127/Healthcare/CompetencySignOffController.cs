namespace PrivacyHoldout127.Healthcare;

public sealed record SignOffRequest(string CompetencyCode, string CandidateAssignmentNumber, string AssessorStaffNumber, string AssessorName, bool Competent, string? Comments);

/// <summary>Clinical competency sign-offs (cannulation, blood transfusion, medicines administration) by a ward's assessors.</summary>
[ApiController]
[Route("api/competencies")]
public sealed class CompetencySignOffController(
    IAssessmentEngine engine,
    Pseudonymizer pseudonymizer,
    ILogger<CompetencySignOffController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.StaffTraining.Competency");

    [HttpPost("sign-off")]
    public async Task<ActionResult> SignOffAsync([FromBody] SignOffRequest request, CancellationToken ct)
    {
        var candidate = pseudonymizer.PseudonymizeStafftrainStaffId(request.CandidateAssignmentNumber);
        var assessor = pseudonymizer.PseudonymizeStafftrainAssessorId(request.AssessorStaffNumber);
        using var span = Source.StartStafftrainRecord(request.CompetencyCode, spanName: "stafftrain.competency.sign_off")
            .SetStafftrainStaffId(candidate)
            .SetStafftrainAssessorId(assessor) // clean precision-pseudonym
            .SetStafftrainOutcome(request.Competent ? "competent" : "not-yet-competent"); // clean precision-about
        span.Activity?.SetTag("stafftrain.assessor.name", request.AssessorName); // leak TC1001 direct
        span.Activity?.SetTag("stafftrain.comments.length", request.Comments?.Length ?? 0); // clean precision-about
        span.Activity?.AddEvent(new ActivityEvent("sign_off.received", tags: new ActivityTagsCollection { ["assessor"] = request.AssessorStaffNumber })); // leak TC1001 direct

        try
        {
            var attempt = await engine.SubmitAsync(request.CompetencyCode, request.CandidateAssignmentNumber, new Dictionary<string, string> { ["competent"] = request.Competent.ToString() }, ct);
            span.SetStafftrainAttempt(attempt.AttemptNumber); // clean precision-about
            logger.LogInformation("Sign-off stored as attempt {AttemptId} of {Assessment}", attempt.AttemptId, attempt.AssessmentId); // clean precision-names
            logger.LogDebug("Stored attempt {@Attempt}", attempt); // leak TC1001 logging-objects
            return Ok(attempt.AttemptId);
        }
        catch (CandidateNotEligibleException ex)
        {
            span.RecordException(ex, "candidate not eligible"); // clean exceptions
            span.Activity?.SetTag("stafftrain.ineligible.reason", ex.Reason); // clean exceptions
            logger.LogWarning(ex, "Sign-off refused"); // leak TC1001 exceptions
            return BadRequest(ex.Reason);
        }
        catch (AttemptsExhaustedException ex)
        {
            span.Activity?.AddException(ex); // clean exceptions
            logger.LogStafftrainRecordFailedEvent(request.CompetencyCode, "exhausted", candidate, ex.Message); // clean generated-api
            return BadRequest("no attempts left");
        }
    }
}
