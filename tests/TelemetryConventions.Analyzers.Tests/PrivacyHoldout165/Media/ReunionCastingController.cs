namespace PrivacyHoldout165.Media;

/// <summary>Applications to a family reunion series: people looking for a birth parent, a sibling or a lost cousin.</summary>
[ApiController]
[Route("api/casting")]
public sealed class ReunionCastingController(
    ICastingDesk desk,
    Pseudonymizer pseudonymizer,
    ILogger<ReunionCastingController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Reunion.Casting");
    private readonly Counter<long> _applications = meter.CreateCounter<long>("casting.applications");

    [HttpGet("applicants/{applicantId}")]
    public async Task<ActionResult> Review(string applicantId, string producerStaffId)
    {
        using var span = Source.StartReunionOperation("lost-and-found");
        span.SetReunionApplicantId(pseudonymizer.PseudonymizeReunionApplicantId(applicantId)); // clean generated-api
        span.SetReunionProducerId(pseudonymizer.PseudonymizeReunionProducerId(producerStaffId)); // clean generated-api
        var applicant = await desk.FindAsync(applicantId);
        if (applicant is null)
        {
            logger.LogInformation("Applicant {ApplicantId} not found", applicantId); // leak TC1001 direct
            return NotFound();
        }

        span.SetReunionNote(applicant.Story); // leak TC1001 generated-api
        span.SetReunionNote($"story of {applicant.Story.Length} chars"); // clean generated-api
        span.Activity?.SetTag("applicant.sought", applicant.SoughtRelativeName); // leak TC1001 direct
        span.Activity?.SetTag(ReunionAttributes.Contact, applicant.Phone); // leak TC1001 generated-api
        span.Activity?.SetTag("applicant.phone_tail", applicant.Phone[^2..]); // clean precision-about
        logger.LogInformation("Reviewing {Applicant}", applicant); // leak TC1001 logging-objects
        logger.LogInformation("Producer {Producer} reviewing", producerStaffId); // leak TC1001 direct
        _applications.Add(1, new KeyValuePair<string, object?>("show", "lost-and-found")); // clean precision-about
        _applications.Add(1, new KeyValuePair<string, object?>("producer", pseudonymizer.ComputeReunionProducerId(producerStaffId))); // leak TC1003 precision-pseudonym

        var match = await desk.MatchAsync(applicantId);
        if (match is not null)
        {
            span.Activity?.SetTag("match.centimorgans", match.SharedCentimorgans); // clean precision-about
            span.Activity?.SetTag("match.relationship", match.PredictedRelationship); // clean precision-about
            span.Activity?.SetTag("match.story", match.StoryId); // clean precision-names
            span.Activity?.SetTag("match.display_name", match.MatchDisplayName); // leak TC1001 direct
            logger.LogInformation("Match found {@Match}", match); // leak TC1001 logging-objects
        }

        return Ok();
    }
}
