namespace PrivacyHoldout122.Energy;

/// <summary>The vendor's webhook for the supplier's sign-up checks: completes the switch or parks it for the onboarding team.</summary>
public static class VerificationWebhookEndpoint
{
    private static readonly ActivitySource Source = new("Energy.Onboarding");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/hooks/idv", (Delegate)HandleAsync);

    private static async Task<ActionResult> HandleAsync(HttpContextInfo http, string body, IVeriDocClient veriDoc, IOnboardingStore store, Pseudonymizer pseudonymizer, VerificationOptions options, Meter meter, ILogger<SupplySignupVerification> logger)
    {
        var started = Stopwatch.GetTimestamp();
        var payload = WebhookVerifier.Verify(body, http.RequestHeaders["X-VeriDoc-Signature"], options.WebhookSecret);
        var check = await veriDoc.FindCheckAsync(payload.Object.Id);
        using var span = Source.StartAccountidvVerify(check.Id, options.Vendor).SetAccountidvOutcome(check.Status.ToString()); // clean generated-api
        span.Activity?.SetTag("http.request.header.user_agent", http.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : null); // clean precision-names
        span.Activity?.SetTag("webhook.href", payload.Object.Href); // clean strings
        span.Activity?.SetTag("check.applicant", check.ApplicantId); // leak TC1001 direct

        var onboarding = await store.FindByApplicantAsync(check.ApplicantId, CancellationToken.None);
        var account = onboarding?.PersonRef;
        span.SetAccountidvCustomerId(pseudonymizer.PseudonymizeAccountidvCustomerId(account ?? check.ApplicantId)); // clean generated-api
        logger.LogInformation("Sign-up check {CheckId} for account {Account} is {Result}", check.Id, account, check.Result); // leak TC1001 cross-member
        logger.LogInformation("Sign-up check {CheckId} via {Channel} is {Result}", check.Id, onboarding?.Channel, check.Result); // clean precision-names

        if (check.Result == CheckResult.Consider)
        {
            var reasons = check.Reports.Where(r => r.Result == "consider").ToDictionary(r => r.Name, r => r.SubResult);
            logger.LogInformation("Parked for review: {Reasons}", reasons); // clean logging-objects
            span.SetAccountidvReviewQueue("switch-consider"); // clean generated-api
            var facial = check.Reports.FirstOrDefault(r => r.Name == "facial_similarity_video");
            if (facial?.Properties.TryGetValue("score", out var score) == true)
            {
                span.SetAccountidvLivenessScore(double.Parse(score, CultureInfo.InvariantCulture)); // clean generated-api
            }
        }

        meter.CreateAccountidvCheckDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Vendor, check.Result?.ToString()); // clean generated-api
        meter.CreateAccountidvChecksCounter().Add(1, options.Vendor, check.Reports.FirstOrDefault()?.Properties.GetValueOrDefault("document_type"), check.Result?.ToString()); // clean generated-api
        return new OkResult(null);
    }
}
