namespace PrivacyHoldout88.Retail;

public sealed record FraudSignal(string OrderId, string CustomerNumber, string CustomerEmail, string CardLast4, string ShippingPostcode, decimal Amount, double Score, IReadOnlyList<string> Rules);

/// <summary>
/// Orders held by the fraud model are posted to the fraud analysts' channel with approve and cancel buttons;
/// a run of holds for one customer pages the payments engineer, since it usually means a broken rule.
/// </summary>
public sealed class FraudSignalAlerts(
    IChatWebhook slack,
    IEventsApiClient events,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    AlertingOptions options,
    ILogger<FraudSignalAlerts> logger)
{
    private readonly Counter<long> _holds = meter.CreateCounter<long>("shoppage.fraud.holds", "{hold}");

    public async Task PostHoldAsync(FraudSignal signal, CancellationToken cancellationToken)
    {
        using var span = source.StartShoppagePage("fraud-review", signal.Score > 0.9 ? "error" : "warning");
        span.SetShoppageCustomerId(pseudonymizer.PseudonymizeShoppageCustomerId(signal.CustomerNumber)); // clean precision-pseudonym
        span.SetShoppageCheck(string.Join("+", signal.Rules)); // clean precision-names
        _holds.Add(1, new KeyValuePair<string, object?>("rule", signal.Rules.FirstOrDefault()), new KeyValuePair<string, object?>("amount_band", signal.Amount > 500 ? "high" : "normal")); // clean precision-about
        var bucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(signal.CustomerNumber))[0] % 16;
        _holds.Add(0, new KeyValuePair<string, object?>("customer_bucket", bucket)); // clean hashes

        var message = new ChatMessage
        {
            Channel = options.AlertsChannelId,
            Text = $"Order {signal.OrderId} held ({signal.Score:P0}) – {signal.CustomerEmail}, card •••• {signal.CardLast4}, ships to {signal.ShippingPostcode}",
        };
        message.Blocks.Add(new ButtonBlock("Approve", "fraud-approve", signal.OrderId));
        message.Blocks.Add(new ButtonBlock("Cancel", "fraud-cancel", signal.OrderId));
        Activity.Current?.SetTag("fraud.order", signal.OrderId); // clean precision-names
        Activity.Current?.SetTag("fraud.card_last4", signal.CardLast4); // clean precision-about
        logger.LogInformation("Posting hold card {Blocks}", string.Join(";", message.Blocks)); // clean strings
        logger.LogInformation("Posting hold {Text}", message.Text); // leak TC1001 strings

        var emailKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(signal.CustomerEmail.ToLowerInvariant())))[..16];
        logger.LogDebug("Hold correlated by {EmailKey}", emailKey); // leak TC1002 hashes
        await slack.PostAsync(message, cancellationToken);
    }

    public async Task PageRunAsync(string customerNumber, IReadOnlyList<FraudSignal> holds, CancellationToken cancellationToken)
    {
        var dedupKey = $"fraud-run:{customerNumber}";
        using var span = source.StartShoppagePage("fraud-review", "critical");
        span.SetShoppageDedupKey(dedupKey); // leak TC1001 generated-api
        logger.LogWarning("{Holds} holds in a row for {Customer}", holds.Count, customerNumber); // leak TC1001 direct
        logger.LogWarning("Held orders {Orders}", string.Join(",", holds.Select(h => h.OrderId))); // clean precision-names
        logger.LogDebug("Holds {@Holds}", holds); // leak TC1001 logging-objects
        try
        {
            await events.EnqueueAsync(new AlertEvent(options.RoutingKey, EventAction.Trigger, dedupKey,
                new AlertPayload($"{holds.Count} fraud holds in a row", "fraud-model", AlertSeverity.Critical, "fraud-review")), cancellationToken);
        }
        catch (EventsApiException ex)
        {
            span.RecordException(ex, $"page refused for {dedupKey}"); // leak TC1001 strings
            logger.LogShoppagePageFailedEvent("fraud-review", $"http-{ex.StatusCode}", shoppageCustomerId: pseudonymizer.PseudonymizeShoppageCustomerId(customerNumber)); // clean precision-pseudonym
        }
    }
}
