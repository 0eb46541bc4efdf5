namespace PrivacyHoldout165.Healthcare;

/// <summary>Minimal API where patients referred to clinical genetics fill in the relatives with cancer in their family.</summary>
public static class FamilyHistoryIntakeEndpoints
{
    private static readonly ActivitySource Source = new("Genetics.Intake");
    private static readonly Meter Meter = new("Genetics.Intake");
    private static readonly Histogram<int> RelativesPerForm = Meter.CreateHistogram<int>("intake.relatives");

    public sealed record IntakeForm(string NhsNumber, string Email, IReadOnlyList<RelativeEntry> Relatives, string FreeTextConcerns);

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/intake", SubmitAsync);

    internal static async Task<ActionResult> SubmitAsync(IntakeForm form, IScreeningStore store, Pseudonymizer pseudonymizer, ILogger<IntakeForm> logger, Meter meter)
    {
        using var activity = Source.StartActivity("intake.submit");
        var patient = pseudonymizer.PseudonymizeGenclinicPatientId(form.NhsNumber);
        activity?.SetTag("intake.relatives", form.Relatives.Count); // clean precision-about
        activity?.SetTag("intake.contact_domain", form.Email.Split('@').Last()); // clean precision-about
        activity?.SetTag("intake.patient", patient); // clean precision-pseudonym
        activity?.SetTag("intake.concerns", form.FreeTextConcerns); // leak TC1001 direct
        activity?.SetTag("intake.concerns_length", form.FreeTextConcerns.Length); // clean precision-about
        activity?.AddEvent(new ActivityEvent("intake.received", tags: new ActivityTagsCollection { ["nhs"] = form.NhsNumber })); // leak TC1001 direct
        RelativesPerForm.Record(form.Relatives.Count, new KeyValuePair<string, object?>("patient", patient.Value)); // leak TC1003 precision-pseudonym

        foreach (var relative in form.Relatives)
        {
            logger.LogDebug("Relative {Relationship} with {Condition} at {Age}", relative.Relationship, relative.ConditionCode, relative.AgeAtDiagnosis); // clean precision-about
            logger.LogDebug("Relative entered: {Relative}", relative); // leak TC1001 logging-objects
            logger.LogTrace("Relative {Name}", relative.RelativeName); // leak TC1001 direct
        }

        var pedigree = new PedigreeSummary(Guid.NewGuid().ToString("N"), 3, form.Relatives.Count(r => r.ConditionCode.StartsWith("C", StringComparison.Ordinal)), "moderate");
        logger.LogInformation("Pedigree built {@Pedigree}", pedigree); // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["NhsNumber"] = form.NhsNumber })) // leak TC1001 direct
        {
            await store.SaveHistoryAsync(form.NhsNumber, form.Relatives);
        }

        meter.CreateGenclinicResultsCounter().Add(1, "clinic-leeds", pedigree.RiskBand); // clean generated-api
        logger.LogGenclinicOperationFailedEvent("clinic-leeds", "intake-late", patient, $"concerns: {form.FreeTextConcerns}"); // leak TC1001 generated-api
        return new OkResult(pedigree.PedigreeId);
    }
}
