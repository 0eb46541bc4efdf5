namespace PrivacyHoldout198.Media;

/// <summary>A broadcaster's smile makeover programme: contributors, their treatment and private fees the production pays, before/after X-rays.</summary>
public sealed partial class MakeoverContributorRepository(
    ImagingArchive imaging,
    PaymentPlanGateway payments,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<MakeoverContributorRepository> logger,
    TelemetrySecrets secrets)
{
    private readonly Dictionary<string, MakeoverContributor> _contributors = new();
    private readonly Counter<long> _treatments = meter.CreateCounter<long>("makeover.treatments");
    private string? _currentContributorEmail;

    private static string ContributorKey(MakeoverContributor contributor) => contributor.ContributorId;

    public void Save(MakeoverContributor contributor, EpisodeSlot slot)
    {
        _contributors[ContributorKey(contributor)] = contributor;
        _currentContributorEmail = contributor.Email;
        using var activity = source.StartActivity("makeover.contributor.save");
        activity?.SetTag("makeover.episode", slot.Episode); // clean precision-names
        activity?.SetTag("makeover.studio", slot.Studio); // clean precision-names
        activity?.SetTag("makeover.filming_date", slot.Filming.ToString("O")); // clean precision-about
        activity?.SetTag("makeover.contributor.id", ContributorKey(contributor)); // leak TC1001 cross-member
        activity?.SetTag("makeover.contributor.ref", pseudonymizer.PseudonymizeMakeoverdeskPatientId(contributor.ContributorId).Value); // clean precision-pseudonym
        activity?.SetTag("makeover.contributor.count", _contributors.Count); // clean precision-about
        activity?.SetTag("makeover.contributor.treatment_length", contributor.TreatmentSummary.Length); // clean precision-about
        activity?.SetTag("makeover.contributor.treatment", contributor.TreatmentSummary); // leak TC1001 direct
        logger.LogInformation("Contributor saved for {Episode} at {Studio}", slot.Episode, slot.Studio); // clean precision-names
        logger.LogInformation("Contributor saved {@Contributor}", contributor); // leak TC1001 logging-objects
        logger.LogInformation("Contributor saved {@Contributor}", contributor with { Email = "", AgentPhone = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Slot {@Slot}", slot); // clean logging-objects
        logger.LogInformation("Agent on {AgentPhone}", contributor.AgentPhone); // leak TC1001 direct
        using (logger.BeginScope(new Dictionary<string, object> { ["Episode"] = slot.Episode, ["ContributorCount"] = slot.Contributors })) // clean precision-names
        {
            logger.LogInformation("Call sheet prepared");
        }

        _treatments.Add(1, new KeyValuePair<string, object?>("makeover.studio", slot.Studio)); // clean precision-names
        _treatments.Add(1, new KeyValuePair<string, object?>("makeover.contributor", contributor.Name)); // leak TC1003 direct
    }

    public void SendCallSheet()
    {
        Activity.Current?.SetTag("makeover.call_sheet.recipient", _currentContributorEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag("makeover.call_sheet.recipient_domain", _currentContributorEmail?.Split('@').LastOrDefault()); // clean cross-member
        var names = new StringBuilder("Call sheet: ");
        foreach (var contributor in _contributors.Values)
        {
            names.Append(contributor.Name).Append(", ");
        }

        logger.LogInformation("{CallSheet}", names.ToString()); // leak TC1001 strings
        logger.LogInformation("Call sheet for {ContributorCount} contributors, template {EmailTemplateId}", _contributors.Count, "callsheet-v3"); // clean precision-names
        var emailHash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(_currentContributorEmail ?? string.Empty)));
        Activity.Current?.SetTag("makeover.call_sheet.recipient_hash", emailHash); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(_currentContributorEmail ?? string.Empty)))[..16];
        Activity.Current?.SetTag("makeover.call_sheet.recipient_keyed", keyed); // clean hashes
    }

    public async Task StoreBeforeAfterAsync(MakeoverContributor contributor, byte[] before, byte[] after)
    {
        using var span = source.StartMakeoverdeskOperation("studio-4");
        span.SetMakeoverdeskPatientId(pseudonymizer.PseudonymizeMakeoverdeskPatientId(contributor.ContributorId)); // clean generated-api
        span.SetMakeoverdeskProcedure("opg"); // clean generated-api
        try
        {
            var first = await imaging.StoreAsync(contributor.ContributorId, "opg", "full-arch", before);
            var second = await imaging.StoreAsync(contributor.ContributorId, "opg", "full-arch", after);
            span.SetMakeoverdeskNote($"before {first.ImageId} and after {second.ImageId} stored"); // clean generated-api
            span.SetMakeoverdeskNote($"before/after for {contributor.Name} ({first.FileName})"); // leak TC1001 generated-api
            span.SetMakeoverdeskMinutes(45); // clean generated-api
            meter.CreateMakeoverdeskOperationsCounter().Add(1, "studio-4", "completed"); // clean generated-api
        }
        catch (ImagingDeviceOfflineException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogMakeoverdeskOperationFailedEvent("studio-4", "failed", makeoverdeskNote: ex.Message); // clean exceptions
            meter.CreateMakeoverdeskOperationsCounter().Add(1, "studio-4", ex.StatusCode.ToString(CultureInfo.InvariantCulture)); // clean exceptions
        }
    }

    public async Task PayFeesAsync(MakeoverContributor contributor, PaymentPlan plan)
    {
        try
        {
            await payments.OpenAsync(plan);
            Activity.Current?.SetTag("makeover.fee.monthly", (double)plan.Monthly); // clean precision-about
            Activity.Current?.SetTag("makeover.fee.instalments", plan.Instalments); // clean precision-about
            Activity.Current?.SetTag("makeover.fee.sort_code", plan.SortCode); // clean precision-about
        }
        catch (PaymentPlanDeclinedException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogError("Fee plan declined: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogError("Fee plan {PlanId} declined ({ExceptionType})", plan.PlanId, ex.GetType().Name); // clean exceptions
            logger.LogMakeoverdeskOperationFailedEvent("studio-4", "declined", makeoverdeskPatientId: pseudonymizer.PseudonymizeMakeoverdeskPatientId(contributor.ContributorId)); // clean generated-api
            meter.CreateMakeoverdeskOperationsCounter().Add(1, contributor.Email, "declined"); // leak TC1003 generated-api
        }
    }

    public MakeoverContributor? Find(string contributorId)
    {
        logger.LogDebug("Lookup contributor {ContributorId}", contributorId); // leak TC1001 direct
        Activity.Current?.SetTag("makeover.lookup.hit", _contributors.ContainsKey(contributorId)); // clean precision-about
        if (!_contributors.TryGetValue(contributorId, out var contributor))
        {
            var missing = new PatientNotFoundException(contributorId);
            logger.LogWarning(missing, "Contributor missing from call sheet"); // leak TC1001 exceptions
            return null;
        }

        Activity.Current?.AddEvent(new ActivityEvent("makeover.contributor.found", tags: new ActivityTagsCollection { ["name"] = contributor.Name })); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("makeover.contributor.found", tags: new ActivityTagsCollection { ["summary_words"] = contributor.TreatmentSummary.Split(' ').Length })); // clean precision-about
        return contributor;
    }
}
