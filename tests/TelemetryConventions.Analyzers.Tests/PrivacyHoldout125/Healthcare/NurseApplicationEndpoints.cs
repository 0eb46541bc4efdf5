namespace PrivacyHoldout125.Healthcare;

/// <summary>
/// The trust's careers site posts nursing and midwifery applications here: the candidate is created
/// in the ATS, their CV parsed, their NMC registration looked up, and the application put in the
/// ward's shortlist.
/// </summary>
public static class NurseApplicationEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Recruitment.Applications");
    private static readonly Meter Meter = new("Trust.Recruitment.Applications");
    private static readonly NhsjobsApplicationsCounter Applications = Meter.CreateNhsjobsApplicationsCounter();
    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("nhsjobs.applications.duplicates");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/vacancies/{jobId}/applications", SubmitAsync);

    public static async Task<ActionResult> SubmitAsync(
        long jobId,
        [FromBody] ApplicationForm form,
        string? nmcPin,
        IAtsClient ats,
        ICvParser parser,
        Pseudonymizer pseudonymizer,
        HiringOptions options,
        ILogger<ApplicationForm> logger,
        CancellationToken cancellationToken)
    {
        var job = await ats.GetJobAsync(jobId, cancellationToken);
        using var span = Source.StartNhsjobsApplication("pending", job.RequisitionId);
        span.SetNhsjobsStage("applied").SetNhsjobsSource(form.Source); // clean generated-api
        span.Activity?.SetTag("nhsjobs.job.title", job.Title); // clean precision-names
        span.Activity?.SetTag("nhsjobs.job.department", job.Department); // clean precision-names
        span.Activity?.SetTag("nhsjobs.applicant.email", form.Email); // leak TC1001 direct
        span.Activity?.SetTag("nhsjobs.applicant.email_domain", form.Email.Split('@')[^1]); // clean precision-about
        span.Activity?.SetTag("nhsjobs.applicant.has_phone", form.Phone is not null); // clean precision-about
        span.Activity?.SetTag("nhsjobs.cover_letter.length", form.CoverLetter?.Length ?? 0); // clean precision-about

        Candidate candidate;
        try
        {
            candidate = await ats.CreateCandidateAsync(form, cancellationToken);
        }
        catch (DuplicateCandidateException ex)
        {
            Duplicates.Add(1, new KeyValuePair<string, object?>("nhsjobs.vacancy.id", job.RequisitionId)); // clean precision-names
            logger.LogWarning(ex, "Duplicate application for {Requisition}", job.RequisitionId); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Field); // clean exceptions
            return BadRequestFor("duplicate");
        }

        span.SetNhsjobsCandidateId(pseudonymizer.PseudonymizeNhsjobsCandidateId(candidate.Id)); // clean precision-pseudonym
        logger.LogInformation("Created candidate {CandidateId} for {Requisition}", candidate.Id, job.RequisitionId); // leak TC1001 direct
        logger.LogInformation("Candidate created: {@Candidate}", candidate); // leak TC1001 logging-objects
        span.Activity?.SetTag("nhsjobs.candidate.profile", $"{options.CareersSiteUrl}/candidates/{candidate.Id}/profile"); // leak TC1001 strings
        span.Activity?.SetTag("nhsjobs.careers.site", options.CareersSiteUrl); // clean precision-names

        if (nmcPin is not null)
        {
            span.Activity?.SetTag("nhsjobs.nmc.pin", nmcPin); // leak TC1001 direct
            span.Activity?.SetTag("nhsjobs.nmc.pin_supplied", true); // clean precision-about
            span.Activity?.SetTag("nhsjobs.nmc.register", nmcPin.EndsWith('E') ? "england" : nmcPin[^1..] == "O" ? "overseas" : "other"); // clean precision-about
        }

        var document = new CvDocument(Guid.NewGuid().ToString("N"), $"{form.FirstName}_{form.LastName}_CV.pdf", "application/pdf", 3, 184_220);
        span.Activity?.SetTag("nhsjobs.cv.document_id", document.DocumentId); // clean precision-names
        logger.LogDebug("Parsing CV {FileName} ({Bytes} bytes)", document.FileName, document.Bytes); // leak TC1001 strings
        var parsed = await parser.ParseAsync(document, System.IO.Stream.Null, cancellationToken);
        logger.LogInformation("Parsed CV: {Skills} skills, {Years} years, qualification {Qualification}", parsed.Skills.Count, parsed.YearsOfExperience, parsed.HighestQualification); // clean precision-about
        logger.LogDebug("Parsed CV {@Cv}", parsed); // leak TC1001 logging-objects

        var application = await ats.CreateApplicationAsync(candidate.Id, jobId, form.Source, cancellationToken);
        span.SetNhsjobsApplicationId(application.Id.ToString(CultureInfo.InvariantCulture)); // clean generated-api
        span.SetNhsjobsNote($"applied via {form.Source}; referral {(form.ReferralCode is null ? "no" : "yes")}"); // clean generated-api
        Applications.Add(1, "applied", form.Source, "received"); // clean generated-api
        logger.LogInformation("Application {Application} received: {@Application}", application.Id, application); // leak TC1001 logging-objects
        return new OkResult(application.Id);
    }

    private static ActionResult BadRequestFor(string reason) => new BadRequestResult(reason);
}
