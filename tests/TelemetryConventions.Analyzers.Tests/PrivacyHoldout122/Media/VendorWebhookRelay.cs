namespace PrivacyHoldout122.Media;

/// <summary>
/// Relays the vendor's webhooks from the edge to the internal queue, retrying failed deliveries and
/// dead-lettering the ones that still fail.
/// </summary>
public sealed class VendorWebhookRelay(
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<VendorWebhookRelay> logger)
{
    private readonly Counter<long> _relayed = meter.CreateCounter<long>("idv.webhooks.relayed");
    private readonly Counter<long> _deadLettered = meter.CreateCounter<long>("idv.webhooks.dead_lettered");

    public async Task<ActionResult> RelayAsync(HttpContextInfo http, string body, Func<DecisionEvent, Task> publish, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("idv.webhook.relay", ActivityKind.Server);
        activity?.SetTag("http.request.id", http.TraceIdentifier); // clean precision-names
        activity?.SetTag("http.request.body.size", body.Length); // clean precision-about
        var decision = JsonSerializer.Deserialize<DecisionEvent>(body)!;
        activity?.SetTag("idv.event", decision.EventId); // clean precision-names
        activity?.SetTag("idv.check", decision.CheckId); // clean precision-names

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                await publish(decision);
                _relayed.Add(1, new KeyValuePair<string, object?>("decision", decision.Decision), new KeyValuePair<string, object?>("attempt", attempt)); // clean precision-about
                return new OkResult(null);
            }
            catch (TimeoutException ex)
            {
                logger.LogWarning(ex, "Publish attempt {Attempt} for event {EventId} timed out", attempt, decision.EventId); // clean exceptions
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }

        _deadLettered.Add(1, new KeyValuePair<string, object?>("vendor", options.Vendor)); // clean precision-names
        logger.LogError("Dead-lettered webhook body {Body}", body); // leak TC1001 logging-objects
        logger.LogError("Dead-lettered webhook {EventId} for creator {CreatorRef}", decision.EventId, pseudonymizer.ComputeSubidvSubscriberId(decision.ExternalUserId ?? decision.ApplicantId)); // clean precision-pseudonym
        activity?.SetTag("idv.dead_letter.reasons", decision.ReasonCodes.Count); // clean precision-about
        activity?.SetTag("idv.dead_letter.external_user", decision.ExternalUserId); // leak TC1001 direct
        activity?.SetStatus(ActivityStatusCode.Error, "dead-lettered after 3 attempts"); // clean strings
        return new BadRequestResult("retry later");
    }
}
