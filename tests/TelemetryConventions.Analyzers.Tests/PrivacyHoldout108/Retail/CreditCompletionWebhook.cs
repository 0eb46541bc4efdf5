namespace PrivacyHoldout108.Retail;

public interface ICreditLedger
{
    Task<string> CustomerNumberForEnvelopeAsync(string envelopeId, CancellationToken cancellationToken);

    Task ActivateAsync(string customerNumber, CancellationToken cancellationToken);
}

/// <summary>Connect deliveries for credit agreements: a completed agreement activates the credit line; the signed agreement and its certificate of completion are kept for the regulator.</summary>
public static class CreditCompletionWebhook
{
    private static readonly ActivitySource Source = new("Retailer.Credit.Webhooks");
    private static readonly Meter WebhookMeter = new("Retailer.Credit.Webhooks");
    private static readonly Counter<long> Activations = WebhookMeter.CreateCounter<long>("credit.activations");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/hooks/credit", HandleAsync);

    private static async Task<ActionResult> HandleAsync(string body, ICreditLedger ledger, EnvelopesApi envelopes, SigningOptions options, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<ICreditLedger> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("credit.webhook", ActivityKind.Server);
        var evt = JsonSerializer.Deserialize<ConnectEvent>(body)!;
        activity?.SetTag("connect.event", evt.Event); // clean precision-names
        activity?.SetTag("connect.api_version", evt.ApiVersion); // clean precision-names
        activity?.SetTag("connect.body_length", body.Length); // clean precision-about
        activity?.SetTag("connect.body_sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)))); // clean hashes
        activity?.AddEvent(new ActivityEvent("connect.raw", tags: new ActivityTagsCollection { ["body"] = body })); // leak TC1001 direct

        var envelope = evt.Data!.EnvelopeSummary!;
        var customerNumber = await ledger.CustomerNumberForEnvelopeAsync(evt.Data.EnvelopeId!, cancellationToken);
        var borrower = envelope.Recipients!.Signers!.First();
        activity?.SetTag("credit.borrower.status", borrower.Status); // clean precision-names
        activity?.SetTag("credit.borrower", $"{borrower.Name} ({borrower.Email})"); // leak TC1001 strings
        activity?.SetTag("credit.customer_hmac", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(customerNumber)))); // clean hashes
        activity?.SetTag("credit.customer_sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(customerNumber)))); // leak TC1002 hashes

        await ledger.ActivateAsync(customerNumber, cancellationToken);
        Activations.Add(1, new KeyValuePair<string, object?>("event", evt.Event)); // clean precision-names
        Activations.Add(1, new KeyValuePair<string, object?>("customer", customerNumber)); // leak TC1003 direct
        Activity.Current.EnrichCreditsignWebhookReceive(evt.Event!).SetCreditsignEnvelopeId(evt.Data.EnvelopeId!).SetCreditsignSignerId(pseudonymizer.PseudonymizeCreditsignSignerId(customerNumber)); // clean precision-pseudonym
        logger.LogInformation("Credit line activated for {Customer} after {EnvelopeId}", customerNumber, evt.Data.EnvelopeId); // leak TC1001 direct
        logger.LogInformation("Connect event {Event}", evt); // clean logging-objects
        logger.LogInformation("Connect envelope {@Envelope}", envelope); // leak TC1001 logging-objects
        return new OkResult(null);
    }
}
