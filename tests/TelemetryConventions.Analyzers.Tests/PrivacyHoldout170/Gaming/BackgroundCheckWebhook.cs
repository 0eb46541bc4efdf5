namespace PrivacyHoldout170.Gaming;

/// <summary>The screening provider posts background check results for new hires to this endpoint.</summary>
public static class BackgroundCheckWebhook
{
    private static readonly ActivitySource Source = new("Studio.People.BackgroundChecks");
    private static readonly Meter Meter = new("Studio.People.BackgroundChecks");
    private static readonly Counter<long> Results = Meter.CreateCounter<long>("screening.results");

    public sealed record WebhookBody(string OrderId, string CandidateId, string CandidateEmail, string Status, string Adjudication);

    public static void Map(EndpointRoutes routes) => routes.MapPost("/webhooks/screening", Receive);

    private static ActionResult Receive(WebhookBody body, ILoggerFactory loggers, Pseudonymizer pseudonymizer)
    {
        var logger = loggers.CreateLogger("ScreeningWebhook");
        using var activity = Source.StartActivity("screening.webhook", ActivityKind.Server);
        activity?.SetTag("screening.order_id", body.OrderId); // clean precision-names
        activity?.SetTag("screening.status", body.Status); // clean precision-about
        activity?.SetTag("screening.adjudication", body.Adjudication); // clean precision-about
        logger.LogInformation("Screening webhook {Body}", body); // leak TC1001 logging-objects
        logger.LogInformation("Screening webhook for order {OrderId}: {Status}", body.OrderId, body.Status); // clean precision-about
        using var scope = logger.BeginScope("Candidate {CandidateEmail}", body.CandidateEmail); // leak TC1001 direct

        var result = new ScreeningResult(body.OrderId, "standard", body.Status, body.Adjudication);
        logger.LogInformation("Stored {@Result}", result); // clean logging-objects
        var key = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(body.CandidateId)))[..12];
        activity?.SetTag("candidate.key", key); // leak TC1002 hashes
        activity?.SetTag("candidate.id", pseudonymizer.PseudonymizeStudiohireCandidateId(body.CandidateId)); // clean precision-pseudonym
        activity?.SetTag(StudiohireAttributes.Contact, pseudonymizer.Compute("candidate-email", body.CandidateEmail)); // leak TC1001 precision-pseudonym
        activity?.SetTag("candidate.email_domain", body.CandidateEmail.Split('@')[1]); // clean precision-about
        Results.Add(1, new KeyValuePair<string, object?>("adjudication", body.Adjudication)); // clean precision-about
        Results.Add(1, new KeyValuePair<string, object?>("candidate", body.CandidateId)); // leak TC1003 direct
        if (body.Adjudication == "consider")
        {
            activity?.AddEvent(new ActivityEvent("screening.review_needed", tags: new ActivityTagsCollection { ["candidate"] = body.CandidateId })); // leak TC1001 direct
        }
        return Ok200();
    }

    private static ActionResult Ok200() => new OkResult(null);
}
