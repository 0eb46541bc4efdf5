namespace PrivacyHoldout125.Education;

/// <summary>
/// The trust's own application form for teaching posts (Teaching Vacancies links to it): the
/// application, the teacher reference number, the employment history and its gaps, which safer
/// recruitment says must be explored at interview.
/// </summary>
[ApiController]
[Route("api/teaching-applications")]
public sealed class TeacherApplicationController(
    IAtsClient ats,
    Pseudonymizer pseudonymizer,
    ILogger<TeacherApplicationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Hiring.Teaching");
    private static readonly Meter Meter = new("Trust.Hiring.Teaching");
    private static readonly SchooljobsApplicationsCounter Applications = Meter.CreateSchooljobsApplicationsCounter();

    public sealed record EmploymentGap(DateOnly From, DateOnly To, string Explanation);

    public sealed record TeachingApplication(ApplicationForm Form, string? TeacherReferenceNumber, string SchoolUrn, IReadOnlyList<EmploymentGap> Gaps, bool DeclaresConvictions);

    [HttpPost("")]
    public async Task<ActionResult> SubmitAsync([FromBody] TeachingApplication body, CancellationToken cancellationToken)
    {
        var job = await ats.GetJobAsync(body.Form.JobId, cancellationToken);
        using var span = Source.StartSchooljobsApplication("new", job.RequisitionId);
        span.SetSchooljobsStage("applied").SetSchooljobsSource(body.Form.Source); // clean generated-api
        span.Activity?.SetTag("schooljobs.school.urn", body.SchoolUrn); // clean precision-names
        span.Activity?.SetTag("schooljobs.trn.supplied", body.TeacherReferenceNumber is not null); // clean precision-about
        span.Activity?.SetTag("schooljobs.gaps.count", body.Gaps.Count); // clean precision-about
        span.Activity?.SetTag("schooljobs.gaps.longest_days", body.Gaps.Count == 0 ? 0 : body.Gaps.Max(g => g.To.DayNumber - g.From.DayNumber)); // clean precision-about
        span.Activity?.SetTag("schooljobs.declares_convictions", body.DeclaresConvictions); // clean precision-about

        Candidate candidate;
        try
        {
            candidate = await ats.CreateCandidateAsync(body.Form, cancellationToken);
        }
        catch (AtsRateLimitedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "ATS rate limited; retry after {RetryAfter}", ex.RetryAfter); // clean exceptions
            return BadRequest("busy");
        }
        catch (AtsApiException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return BadRequest(ex.Status.ToString(CultureInfo.InvariantCulture));
        }

        span.SetSchooljobsCandidateId(pseudonymizer.PseudonymizeSchooljobsCandidateId(candidate.Id)); // clean precision-pseudonym
        using (logger.BeginScope(new Dictionary<string, object> { ["CandidateId"] = candidate.Id, ["Requisition"] = job.RequisitionId })) // leak TC1001 direct
        {
            logger.LogInformation("Teaching application for {Title} at {School}", job.Title, body.SchoolUrn); // clean precision-names
            if (body.TeacherReferenceNumber is { } trn)
            {
                logger.LogInformation("Teacher reference number {Trn} supplied", trn); // leak TC1001 direct
            }
            foreach (var gap in body.Gaps)
            {
                logger.LogInformation("Employment gap {From}–{To}: {Explanation}", gap.From, gap.To, gap.Explanation); // leak TC1001 strings
            }
            logger.LogDebug("Gaps to explore at interview: {@Gaps}", body.Gaps.Select(g => new { g.From, g.To })); // clean logging-objects
        }

        var application = await ats.CreateApplicationAsync(candidate.Id, job.Id, body.Form.Source, cancellationToken);
        span.SetSchooljobsApplicationId(application.Id.ToString(CultureInfo.InvariantCulture)); // clean generated-api
        span.SetSchooljobsNote($"applied for {job.Title}; candidate {candidate.FirstName} {candidate.LastName}"); // leak TC1001 generated-api
        Applications.Add(1, "applied", body.Form.Source); // clean generated-api
        Activity.Current?.SetBaggage("schooljobs.candidate", candidate.Id.ToString(CultureInfo.InvariantCulture)); // leak TC1001 direct
        Activity.Current?.SetBaggage("schooljobs.candidate.ref", pseudonymizer.ComputeSchooljobsCandidateId(candidate.Id)); // clean precision-pseudonym
        return Ok(application.Id);
    }
}
