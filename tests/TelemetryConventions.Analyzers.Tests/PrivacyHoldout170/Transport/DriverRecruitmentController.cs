namespace PrivacyHoldout170.Transport;

/// <summary>The bus operator's driver recruitment: applicants with a PCV licence or trainees from the agency.</summary>
[ApiController]
[Route("api/driver-recruitment")]
public sealed partial class DriverRecruitmentController(
    ILicenceCheckProvider licences,
    ILogger<DriverRecruitmentController> logger,
    Pseudonymizer pseudonymizer,
    RecruitmentOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Operator.Drivers.Recruitment");
    private static readonly Meter Meter = new("Operator.Drivers.Recruitment");
    private static readonly DepothireChecksCounter Checks = Meter.CreateDepothireChecksCounter();
    private static readonly Histogram<int> Points = Meter.CreateHistogram<int>("driver.penalty_points");

    [HttpPost("applicants")]
    public async Task<ActionResult> Apply([FromBody] DriverApplicant applicant, CancellationToken cancellationToken)
    {
        using var span = Source.StartDepothireOperation(applicant.Depot)
            .SetDepothireCandidateId(pseudonymizer.PseudonymizeDepothireCandidateId(applicant.CandidateId)) // clean generated-api
            .SetDepothireCheckType("licence"); // clean precision-about
        span.Activity?.SetTag("driver.depot", applicant.Depot); // clean precision-names
        span.Activity?.SetTag("driver.licence_number", applicant.LicenceNumber); // leak TC1001 direct
        span.Activity?.SetTag("driver.dqc_supplied", !string.IsNullOrEmpty(applicant.DqcNumber)); // clean precision-about
        span.Activity?.SetTag("driver.dqc_number", applicant.DqcNumber); // leak TC1001 direct
        logger.LogInformation("Driver application {Applicant}", applicant); // leak TC1001 logging-objects
        logger.LogInformation("Driver application for depot {Depot}", applicant.Depot); // clean precision-names
        logger.LogInformation("Driver application from {Surname} for depot {Depot}", applicant.Surname, applicant.Depot); // leak TC1001 direct
        span.Activity?.SetTag("driver.candidate_id", applicant.CandidateId); // leak TC1001 direct

        LicenceCheck check;
        try
        {
            check = await licences.CheckAsync(applicant.LicenceNumber, applicant.Surname, cancellationToken);
        }
        catch (LicenceMismatchException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetDepothireNote(ex.Message); // leak TC1001 generated-api
            Checks.Add(1, applicant.Depot, "licence_mismatch"); // clean generated-api
            return BadRequest("licence mismatch");
        }

        span.SetDepothireNote($"{check.PenaltyPoints} points, endorsements {string.Join(",", check.EndorsementCodes)}"); // clean generated-api
        Points.Record(check.PenaltyPoints, new KeyValuePair<string, object?>("depot", applicant.Depot)); // clean precision-about
        logger.LogInformation("Licence check {Check}", check); // leak TC1001 logging-objects
        logger.LogInformation("Licence has category D: {HoldsD}, points {Points}", check.HoldsCategoryD, check.PenaltyPoints); // clean precision-about
        var outcome = check.PenaltyPoints > options.MaximumPenaltyPoints ? "too_many_points" : "eligible";
        span.SetDepothireOutcome(outcome); // clean precision-about
        Checks.Add(1, applicant.Depot, outcome); // clean generated-api
        Checks.Add(1, applicant.Depot, $"rejected:{applicant.CandidateId}"); // leak TC1003 generated-api
        return Ok();
    }
}
