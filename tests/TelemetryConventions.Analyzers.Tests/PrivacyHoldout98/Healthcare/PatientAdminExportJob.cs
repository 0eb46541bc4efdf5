namespace PrivacyHoldout98.Healthcare;

/// <summary>
/// The EPR's back office: the weekly export of portal accounts for the records team, the bulk re-assignment of
/// patients from a retiring GP practice code, and the support lookup of a patient by NHS number or email.
/// </summary>
public sealed class PatientAdminExportJob(
    IExportWriter writer,
    IBulkEditor bulk,
    ISupportDirectory directory,
    AdminConsoleOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<PatientAdminExportJob> logger)
{
    private static readonly ActivitySource Source = new("Trust.Epr.BackOffice");
    private static readonly Meter Meter = new("Trust.Epr.BackOffice");
    private readonly EpradminExportDurationHistogram _exportDuration = Meter.CreateEpradminExportDurationHistogram();

    public async Task ExportPortalAccountsAsync(StaffPrincipal requestedBy, string practiceCode)
    {
        var request = new ExportRequest($"exp-{DateTime.UtcNow:yyyyMMdd}-{practiceCode}", "portal_accounts", ["nhs_number", "email", "last_login"], $"practice_code = '{practiceCode}'", requestedBy.Upn);
        using var span = Source.StartEpradminAdminAction("export", "portal_account").SetEpradminExportDataset(request.Dataset); // clean generated-api
        span.Activity?.SetTag("epr.export.filter", request.Filter); // clean strings
        span.Activity?.SetTag("epr.export.columns", string.Join(",", request.Columns)); // clean precision-names
        logger.LogInformation("Export requested {Export}", request); // leak TC1001 logging-objects

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await writer.WriteAsync(request);
            span.SetEpradminExportRows(result.Rows).SetEpradminOutcome("done"); // clean generated-api
            logger.LogInformation("Export written {Result}", result); // clean logging-objects
            _exportDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Dataset); // clean generated-api
        }
        catch (ExportTooLargeException ex)
        {
            span.RecordException(ex, "export over the row limit", includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Export {ExportId} refused over {Limit} rows", request.ExportId, options.ExportRowLimit); // clean exceptions
        }
    }

    public async Task ReassignPracticeAsync(string jobId, string fromPractice, string toPractice, IReadOnlyList<string> hospitalNumbers)
    {
        using var span = Source.StartEpradminAdminAction("bulk_edit", "patient").SetEpradminBulkSize(hospitalNumbers.Count); // clean precision-about
        var request = new BulkEditRequest(jobId, "patient", "registered_practice", toPractice, hospitalNumbers);
        logger.LogInformation("Bulk reassignment {Request}", request); // clean logging-objects
        logger.LogDebug("Bulk reassignment {From} -> {To} for {Patients}", fromPractice, toPractice, hospitalNumbers); // leak TC1001 logging-objects

        var result = await bulk.ApplyAsync(request);
        foreach (var error in result.Errors)
        {
            logger.LogWarning("Reassignment row {Row} failed: {Error}", error.Row, error); // leak TC1001 logging-objects
        }
        logger.LogInformation("Bulk reassignment {JobId}: {Updated} updated, {Skipped} skipped, {Failed} failed", result.JobId, result.Updated, result.Skipped, result.Errors.Count); // clean precision-about
        span.SetEpradminNote($"{fromPractice}->{toPractice}"); // clean generated-api
    }

    public async Task<IReadOnlyList<SearchHit>> LookupAsync(StaffPrincipal agent, string term)
    {
        var field = term.Contains('@') ? "email" : term.All(char.IsDigit) ? "nhs_number" : "name";
        using var span = Source.StartEpradminAdminAction("lookup", "patient");
        span.Activity?.SetTag("epr.lookup.field", field); // clean precision-names
        span.Activity?.SetTag("epr.lookup.term", term); // leak TC1001 direct
        var hits = await directory.SearchAsync(new CustomerSearch(term, field));
        span.Activity?.SetTag("epr.lookup.hits", hits.Count); // clean precision-about
        if (field == "email")
        {
            span.SetEpradminNote($"lookup by email at {term[(term.IndexOf('@') + 1)..]}"); // clean precision-about
        }
        if (hits.Count == 1)
        {
            span.SetEpradminPatientId(pseudonymizer.PseudonymizeEpradminPatientId(hits[0].RecordId)); // clean precision-pseudonym
            logger.LogInformation("Lookup by {Agent} matched {DisplayName}", pseudonymizer.ComputeEpradminOperatorId(agent.StaffId), hits[0].DisplayName); // leak TC1001 cross-member
        }
        return hits;
    }
}
