namespace PrivacyHoldout191.Education;

/// <summary>A university's minimal API for hardship fund applications, household income evidence and scholarships.</summary>
public static class HardshipFundEndpoints
{
    private static readonly ActivitySource Source = new("University.Funding");
    private static readonly Meter FundingMeter = new("University.Funding");
    private static readonly Histogram<double> AwardValue = FundingMeter.CreateHistogram<double>("funding.award.value");
    private static readonly Counter<long> Applications = FundingMeter.CreateCounter<long>("funding.applications");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/hardship/applications", SubmitAsync);
        routes.MapPost("/hardship/applications/{id}/evidence", AddEvidenceAsync);
        routes.MapGet("/scholarships/{awardId}", GetAward);
    }

    private static async Task<ActionResult> SubmitAsync(
        FundingApplication application,
        IFundingStore store,
        Pseudonymizer pseudonymizer,
        ILogger<FundingApplication> logger,
        CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("hardship.submit");
        activity?.SetTag("funding.scheme", application.Scheme); // clean precision-names
        activity?.SetTag("funding.crn", application.CustomerReference); // leak TC1001 direct
        activity?.SetTag("funding.has_crn", !string.IsNullOrEmpty(application.CustomerReference)); // clean precision-about
        activity?.SetTag("funding.household_income", application.HouseholdIncome); // clean precision-about
        activity?.SetTag("funding.circumstances", application.Circumstances); // leak TC1001 direct
        activity?.SetTag("funding.circumstances.words", application.Circumstances.Split(' ').Length); // clean precision-about
        Applications.Add(1, new KeyValuePair<string, object?>("scheme", application.Scheme), new KeyValuePair<string, object?>("year", application.AcademicYear)); // clean precision-names
        Applications.Add(1, new KeyValuePair<string, object?>("applicant", application.StudentNumber)); // leak TC1003 direct
        Baggage.SetBaggage("funding.student", application.StudentNumber); // leak TC1001 direct
        Baggage.SetBaggage("funding.application", application.ApplicationId); // clean precision-names
        Baggage.SetBaggage("funding.student_pseudonym", pseudonymizer.ComputeUnifundStudentId(application.StudentNumber)); // clean precision-pseudonym

        var reference = BuildPaymentReference(application);
        activity?.SetTag("funding.payment_reference", reference); // leak TC1001 cross-member
        activity?.SetTag("funding.ledger_code", LedgerCodeFor(application)); // clean cross-member

        using (logger.BeginScope(new Dictionary<string, object> { ["ApplicationId"] = application.ApplicationId, ["Scheme"] = application.Scheme })) // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["Student"] = application.FullName })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Hardship application received {@Application}", application); // leak TC1001 logging-objects
            logger.LogInformation("Application {Shape}", new { application.ApplicationId, application.Scheme, application.Dependants }); // clean logging-objects
            logger.LogInformation("Application {Shape}", new { application.ApplicationId, application.FullName }); // leak TC1001 logging-objects
            logger.LogInformation("Application for " + application.FullName + " received"); // leak TC1001 strings
            logger.LogInformation($"Application {application.ApplicationId} received for {application.Scheme}"); // clean strings
        }

        try
        {
            await store.SaveAsync(application, cancellationToken);
        }
        catch (FundExhaustedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            activity?.AddException(ex); // clean exceptions
            using var op = Source.StartUnifundOperation("hardship-office");
            op.SetUnifundNote($"fund exhausted for {application.Scheme}"); // clean generated-api
            op.SetUnifundStudentId(pseudonymizer.PseudonymizeUnifundStudentId(application.StudentNumber)); // clean generated-api
            op.SetUnifundOutcome("rejected"); // clean generated-api
            return BadRequest("fund exhausted");
        }

        return Ok(new ApplicationSummary(application.ApplicationId, application.Scheme, application.AcademicYear, "submitted", 0));
    }

    private static async Task<ActionResult> AddEvidenceAsync(
        string id,
        HouseholdIncomeEvidence evidence,
        IFundingStore store,
        Pseudonymizer pseudonymizer,
        ILogger<HouseholdIncomeEvidence> logger,
        CancellationToken cancellationToken)
    {
        using var op = Source.StartUnifundOperation("evidence-desk");
        op.SetUnifundScheme("hardship"); // clean generated-api
        op.SetUnifundNote($"{evidence.DocumentType} for {evidence.TaxYear}"); // clean generated-api
        op.SetUnifundNote($"evidence from {evidence.ParentName}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("evidence.document_type", evidence.DocumentType); // clean precision-names
        Activity.Current?.SetTag("evidence.parent_name", evidence.ParentName); // leak TC1001 direct
        Activity.Current?.SetTag("evidence.declared_income", evidence.DeclaredIncome); // clean precision-about
        logger.LogInformation("Evidence {Evidence}", evidence); // leak TC1001 logging-objects
        logger.LogInformation("Evidence {Evidence}", evidence with { ParentName = "(withheld)" }); // leak TC1001 logging-objects
        var parents = string.Join(", ", (await store.GetEvidenceAsync(id, cancellationToken)).Select(e => e.ParentName));
        logger.LogInformation("Evidence received from {Parents}", parents); // leak TC1001 strings
        var documents = string.Join(", ", (await store.GetEvidenceAsync(id, cancellationToken)).Select(e => e.DocumentType));
        logger.LogInformation("Evidence documents {Documents}", documents); // clean strings
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(evidence.ParentNationalInsuranceNumber)));
        Activity.Current?.SetTag("evidence.parent_key", key); // leak TC1002 hashes
        Activity.Current?.SetTag("evidence.doc_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(evidence.EvidenceId)))); // clean hashes
        return Ok();
    }

    private static ActionResult GetAward(string awardId, ScholarshipAward award, ILogger<ScholarshipAward> logger)
    {
        Activity.Current?.SetTag("scholarship.award", award.AwardId); // clean precision-names
        Activity.Current?.SetTag("scholarship.places", award.Places); // clean precision-about
        AwardValue.Record((double)award.Value, new KeyValuePair<string, object?>("scheme", award.Scheme)); // clean precision-names
        logger.LogInformation("Scholarship {@Award}", award); // clean logging-objects
        return Ok(award);
    }

    private static ActionResult Ok(object? value = null) => new OkResult(value);

    private static ActionResult BadRequest(string? detail) => new BadRequestResult(detail);

    private static string BuildPaymentReference(FundingApplication application) => $"HARDSHIP {application.StudentNumber}";

    private static string LedgerCodeFor(FundingApplication application) => $"HF-{application.AcademicYear.Replace('/', '-')}-{application.Scheme}";
}
