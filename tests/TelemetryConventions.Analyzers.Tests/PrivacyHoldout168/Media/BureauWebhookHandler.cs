namespace PrivacyHoldout168.Media;

/// <summary>The credit bureau calls back when a referred device finance search completes.</summary>
public sealed class BureauWebhookHandler(
    Pseudonymizer pseudonymizer,
    ILogger<BureauWebhookHandler> logger)
{
    private static readonly ActivitySource Source = new("Subscriptions.BureauWebhooks");
    private static readonly Meter Meter = new("Subscriptions.BureauWebhooks");
    private static readonly Counter<long> Webhooks = Meter.CreateCounter<long>("bureau.webhooks");

    public void Map(EndpointRoutes routes) => routes.MapPost("/webhooks/bureau", (BureauWebhook hook, HttpContextInfo context) => Handle(hook, context));

    public ActionResult Handle(BureauWebhook hook, HttpContextInfo context)
    {
        using var activity = Source.StartActivity("bureau.webhook", ActivityKind.Server);
        activity?.SetTag("webhook.event_id", hook.EventId); // clean precision-about
        activity?.SetTag("bureau.search_reference", hook.SearchReference); // clean precision-about
        activity?.SetTag("bureau.status", hook.Status); // clean precision-about
        activity?.SetTag("http.request_id", context.TraceIdentifier); // clean precision-names
        Webhooks.Add(1, new KeyValuePair<string, object?>("status", hook.Status)); // clean precision-about
        var pairs = new[] { "event=" + hook.EventId, "consumer=" + hook.ConsumerId };
        logger.LogInformation("Webhook {Fields}", string.Join("&", pairs)); // leak TC1001 strings
        logger.LogInformation("Webhook {Hook}", hook); // leak TC1001 logging-objects
        logger.LogInformation("Consumer id length {Length}", hook.ConsumerId.Length); // clean precision-about
        logger.LogDebug("Consumer fingerprint {Fingerprint}", hook.ConsumerId.GetHashCode()); // leak TC1002 hashes
        if (context.RequestHeaders.TryGetValue("X-Subscriber-Email", out var email))
        {
            logger.LogDebug("Webhook for subscriber {Email}", email); // leak TC1001 direct
            activity?.SetTag("subscriber.has_email", email.Length > 0); // clean precision-about
        }
        activity?.SetTag("bureau.consumer", pseudonymizer.ComputeViewfinanceSubscriberId(hook.ConsumerId)); // clean precision-pseudonym
        Webhooks.Add(1, new KeyValuePair<string, object?>("consumer", hook.ConsumerId)); // leak TC1003 direct
        return new OkResult(null);
    }
}
