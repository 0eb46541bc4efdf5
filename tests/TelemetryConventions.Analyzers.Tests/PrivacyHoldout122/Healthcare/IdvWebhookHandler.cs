namespace PrivacyHoldout122.Healthcare;

/// <summary>The vendor's webhook for the patient portal: verifies the signature, fetches the check and records the decision.</summary>
public sealed class IdvWebhookHandler(
    IVeriDocClient veriDoc,
    IOnboardingStore store,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<IdvWebhookHandler> logger)
{
    private readonly Counter<long> _webhooks = meter.CreateCounter<long>("portal.idv.webhooks");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/webhooks/veridoc", (Delegate)((IdvWebhookHandler handler, HttpContextInfo http, string body) => handler.HandleAsync(http, body, CancellationToken.None)));

    public async Task<ActionResult> HandleAsync(HttpContextInfo http, string body, CancellationToken cancellationToken)
    {
        WebhookPayload payload;
        try
        {
            payload = WebhookVerifier.Verify(body, http.RequestHeaders["X-VeriDoc-Signature"], options.WebhookSecret);
        }
        catch (WebhookSignatureException ex)
        {
            logger.LogWarning(ex, "Rejected webhook with a bad signature, {Bytes} bytes", body.Length); // clean exceptions
            return new BadRequestResult("signature");
        }

        _webhooks.Add(1, new KeyValuePair<string, object?>("action", payload.Action)); // clean precision-names
        logger.LogInformation("Webhook {Action} for {ResourceType} {Href}", payload.Action, payload.ResourceType, payload.Object.Href); // clean strings
        logger.LogDebug("Webhook body: {Body}", body); // clean logging-objects

        var check = await veriDoc.FindCheckAsync(payload.Object.Id, cancellationToken);
        using var span = source.StartPatientidvVerify(check.Id, options.Vendor)
            .SetPatientidvOutcome(check.Result?.ToString().ToLowerInvariant() ?? "pending"); // clean generated-api
        span.SetPatientidvPatientId(pseudonymizer.PseudonymizePatientidvPatientId(check.ApplicantId)); // clean generated-api

        var onboarding = await store.FindByApplicantAsync(check.ApplicantId, cancellationToken);
        if (onboarding is null)
        {
            logger.LogWarning("No portal registration for applicant {ApplicantId}, check {CheckId}", check.ApplicantId, check.Id); // leak TC1001 direct
            return new NotFoundResult(null);
        }

        span.Activity?.SetTag("portal.registration.nhs_number", onboarding.PersonRef); // leak TC1001 cross-member
        span.Activity?.SetTag("portal.registration.case", onboarding.CaseId); // clean precision-names
        span.Activity?.SetBaggage("portal.patient", pseudonymizer.ComputePatientidvPatientId(onboarding.PersonRef)); // clean precision-pseudonym

        foreach (var report in check.Reports)
        {
            span.Activity?.AddEvent(new ActivityEvent("idv.report", tags: new ActivityTagsCollection { ["report.name"] = report.Name, ["report.result"] = report.Result, ["report.sub_result"] = report.SubResult })); // clean precision-about
            if (report.Name == "document" && report.Properties.TryGetValue("document_numbers", out var numbers))
            {
                logger.LogInformation("Document report for check {CheckId}: numbers {Numbers}", check.Id, numbers); // leak TC1001 direct
            }
            logger.LogDebug("Report {Report} breakdown: {Breakdown}", report.Name, string.Join(",", report.Breakdown.Select(b => $"{b.Key}:{b.Value.Result}"))); // clean strings
        }

        meter.CreatePatientidvChecksCounter().Add(1, options.Vendor, "passport", check.Result?.ToString()); // clean generated-api
        _webhooks.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputePatientidvPatientId(onboarding.PersonRef))); // leak TC1003 precision-pseudonym
        await store.SaveAsync(onboarding with { Status = check.Result == CheckResult.Clear ? "verified" : "review", CheckId = check.Id }, cancellationToken);
        logger.LogInformation("Registration updated: {Registration}", onboarding); // leak TC1001 logging-objects
        return new OkResult(null);
    }
}
