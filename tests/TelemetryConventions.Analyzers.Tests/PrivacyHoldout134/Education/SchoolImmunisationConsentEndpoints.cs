namespace PrivacyHoldout134.Education;

public sealed record ConsentSubmission(string SchoolUrn, string ChildNhsNumber, string ChildName, string DateOfBirth, string ParentName, string ParentEmail, string ParentMobile, bool Consented, string? MedicalNotes, string? RefusalReason, string YearGroup);

/// <summary>The school age immunisation service's consent form: parents answer online before the school session.</summary>
public static class SchoolImmunisationConsentEndpoints
{
    private static readonly ActivitySource Source = new("Saiss.Consent");
    private static readonly Meter Meter = new("Saiss.Consent");
    private static readonly Counter<long> Answers = Meter.CreateCounter<long>("saiss.consent.answers");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/consent/{sessionId}", SubmitAsync);
        routes.MapGet("/consent/{sessionId}/summary", Summary);
    }

    internal static async Task<ActionResult> SubmitAsync(string sessionId, ConsentSubmission form, IVaccinationBookingApi api, Pseudonymizer pseudonymizer, ILogger<ConsentForm> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartSchoolimmsConsent(schoolimmsSchool: form.SchoolUrn);
        span.SetSchoolimmsPupilId(pseudonymizer.PseudonymizeSchoolimmsPupilId(form.ChildNhsNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("saiss.session", sessionId); // clean precision-names
        span.Activity?.SetTag("saiss.year_group", form.YearGroup); // clean precision-names
        span.Activity?.SetTag(SchoolimmsAttributes.Contact, form.ParentEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("saiss.parent.email_domain", form.ParentEmail[(form.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag("saiss.consented", form.Consented); // clean precision-about
        span.Activity?.SetTag("saiss.medical_notes.given", !string.IsNullOrWhiteSpace(form.MedicalNotes)); // clean precision-about
        span.Activity?.SetTag("saiss.medical_notes", form.MedicalNotes); // leak TC1001 direct
        span.Activity?.SetTag("saiss.refusal_reason", form.RefusalReason); // clean precision-names

        var consent = new ConsentForm(Guid.NewGuid().ToString("N"), form.SchoolUrn, form.ChildNhsNumber, form.ChildName, form.ParentEmail, form.Consented, form.MedicalNotes) { YearGroup = form.YearGroup, RefusalReason = form.RefusalReason };
        logger.LogInformation("Consent form {FormId} for session {SessionId}: {Answer}", consent.FormId, sessionId, consent.Consented ? "yes" : "no"); // clean precision-names
        logger.LogDebug("Consent form stored {Form}", consent); // leak TC1001 logging-objects
        logger.LogInformation("Consent for {Child} born {DateOfBirth}", form.ChildName, form.DateOfBirth); // leak TC1001 direct
        Answers.Add(1, new TagList { { "school", form.SchoolUrn }, { "consented", form.Consented }, { "year", form.YearGroup } }); // clean precision-names

        var session = await api.SessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            logger.LogSchoolimmsConsentFailedEvent(schoolimmsSchool: form.SchoolUrn, schoolimmsOutcome: "no-session", schoolimmsNote: $"session {sessionId} not found"); // clean generated-api
            return NotFoundResultFor(sessionId);
        }

        Activity.Current?.AddBaggage("saiss.parent.mobile", form.ParentMobile); // leak TC1001 direct
        return new OkResult(new { consent.FormId });
    }

    internal static ActionResult Summary(string sessionId, IReadOnlyList<ConsentForm> forms, ILogger<ConsentForm> logger)
    {
        var refused = forms.Where(f => !f.Consented).ToList();
        logger.LogInformation("Session {SessionId}: {Consented} consented, {Refused} refused", sessionId, forms.Count - refused.Count, refused.Count); // clean precision-about
        logger.LogInformation("Refusals for follow-up: {Children}", refused.Select(f => f.ChildNhsNumber)); // leak TC1001 direct
        logger.LogInformation("Refusal reasons {Reasons}", string.Join(";", refused.Select(f => f.RefusalReason ?? "none").Distinct())); // clean strings
        Activity.Current?.SetTag("saiss.followups", string.Join(",", refused.Select(f => $"{f.ChildName} <{f.ParentEmail}>"))); // leak TC1001 strings
        return new OkResult(new { consented = forms.Count - refused.Count });
    }

    private static ActionResult NotFoundResultFor(string sessionId) => new NotFoundResult(sessionId);
}
