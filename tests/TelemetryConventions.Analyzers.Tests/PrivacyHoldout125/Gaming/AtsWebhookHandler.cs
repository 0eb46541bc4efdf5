namespace PrivacyHoldout125.Gaming;

/// <summary>
/// The studio's ATS posts stage changes here; the handler mirrors them into the hiring dashboard, asks
/// the hiring manager's Slack channel for feedback and files the candidate's portfolio links.
/// </summary>
public static class AtsWebhookHandler
{
    private static readonly ActivitySource Source = new("Studio.Talent.Webhooks");
    private static readonly Meter Meter = new("Studio.Talent.Webhooks");
    private static readonly StudiojobsApplicationsCounter Moves = Meter.CreateStudiojobsApplicationsCounter();
    private static readonly Counter<long> Received = Meter.CreateCounter<long>("studiojobs.webhooks.received");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/hooks/ats/stage-change", Handle);

    public static ActionResult Handle([FromBody] StageChangeWebhook hook, HttpContextInfo http, Pseudonymizer pseudonymizer, ILogger<StageChangeWebhook> logger)
    {
        Received.Add(1, new KeyValuePair<string, object?>("studiojobs.action", hook.Action)); // clean precision-names
        using var span = Source.StartStudiojobsApplication(hook.ApplicationId.ToString(CultureInfo.InvariantCulture), hook.JobId.ToString(CultureInfo.InvariantCulture));
        span.SetStudiojobsStage(hook.ToStage).SetStudiojobsCandidateId(pseudonymizer.PseudonymizeStudiojobsCandidateId(hook.CandidateId)); // clean generated-api
        span.Activity?.SetTag("studiojobs.stage.from", hook.FromStage); // clean precision-names
        span.Activity?.SetTag("studiojobs.signature", http.RequestHeaders.TryGetValue("Signature", out var signature) ? signature.Length : 0); // clean precision-about
        span.Activity?.SetTag("studiojobs.candidate.email", hook.CandidateEmail); // leak TC1001 direct
        span.Activity?.SetTag(StudiojobsAttributes.CandidateContact, pseudonymizer.Pseudonymize("candidate.email", hook.CandidateEmail).Value); // leak TC1001 precision-pseudonym
        logger.LogInformation("Webhook {Action}: {@Hook}", hook.Action, hook); // leak TC1001 logging-objects
        logger.LogInformation("Application {Application} moved {From} → {To}", hook.ApplicationId, hook.FromStage, hook.ToStage); // clean precision-names
        Moves.Add(1, hook.ToStage, "greenhouse", hook.Action); // clean generated-api
        Moves.Add(1, hook.ToStage, studiojobsSource: hook.CandidateEmail.EndsWith("@studio.example", StringComparison.OrdinalIgnoreCase) ? "internal" : "external"); // clean precision-about
        span.Activity?.SetTag("studiojobs.candidate.key", hook.CandidateEmail.ToLowerInvariant().GetHashCode().ToString("x8", CultureInfo.InvariantCulture)); // leak TC1002 hashes
        return new OkResult(null);
    }
}
