namespace PrivacyHoldout106.Energy;

/// <summary>
/// SendGrid's Event Webhook for bill emails: delivered, bounce, dropped, spamreport, unsubscribe, open and
/// click events. Bounces and spam reports put the holder's address on the suppression list and flag the
/// account for a paper bill.
/// </summary>
public sealed partial class BillingEmailEventsWebhook(
    ActivitySource source,
    Meter meter,
    ILogger<BillingEmailEventsWebhook> logger,
    IWebhookVerifier verifier,
    ISuppressionList suppression,
    Pseudonymizer pseudonymizer)
{
    private readonly EnmsgMessagesCounter _messages = meter.CreateEnmsgMessagesCounter();
    private readonly EnmsgWebhookDurationHistogram _duration = meter.CreateEnmsgWebhookDurationHistogram();
    private readonly Counter<long> _events = meter.CreateCounter<long>("enmsg.bill.email.events");

    public async Task<ActionResult> ReceiveAsync(string payload, string signature, string timestamp, IReadOnlyList<MailEvent> events, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartEnmsgInbound("email").SetEnmsgDirection("webhook");
        Activity.Current?.SetTag("webhook.signature", signature); // clean hashes
        Activity.Current?.SetTag("webhook.events", events.Count); // clean precision-about

        if (!verifier.Verify(payload, signature, timestamp))
        {
            var rejected = new WebhookSignatureException("X-Twilio-Email-Event-Webhook-Signature does not verify");
            span.RecordException(rejected, includeMessage: true); // clean exceptions
            logger.LogWarning("Rejected event webhook body {Payload}", payload); // leak TC1001 strings
            return new BadRequestResult("signature");
        }

        foreach (var e in events)
        {
            var account = e.UniqueArgs.GetValueOrDefault("account");
            _events.Add(1, new KeyValuePair<string, object?>("event", e.Event)); // clean precision-about
            span.SetEnmsgProviderStatus(e.Event).SetEnmsgMessageId(e.SgMessageId); // clean precision-about

            switch (e.Event)
            {
                case "bounce" or "dropped":
                    span.SetEnmsgErrorCode(e.Status ?? e.Type ?? "none"); // clean precision-about
                    logger.LogWarning("Bill email {Event} ({Type}, {Status}): {Reason}", e.Event, e.Type, e.Status, e.Reason); // leak TC1001 strings
                    await suppression.AddAsync(new SuppressionEntry(e.Email, "email", SuppressionReason.Bounce, "sendgrid", DateTimeOffset.FromUnixTimeSeconds(e.Timestamp)), cancellationToken);
                    LogPaperBill(logger, account ?? "", e.Event); // leak TC1001 cross-member
                    break;
                case "spamreport":
                    logger.LogWarning("Spam report on bill email {MessageId}", e.SgMessageId); // clean precision-about
                    logger.LogWarning("Spam report {@Event}", e); // leak TC1001 logging-objects
                    break;
                case "unsubscribe":
                    if (account is not null)
                    {
                        span.SetEnmsgAccountId(pseudonymizer.PseudonymizeEnmsgAccountId(account)); // clean precision-pseudonym
                        logger.LogInformation("Unsubscribed {Account}", pseudonymizer.ComputeEnmsgAccountId(account)); // clean precision-pseudonym
                    }

                    break;
                case "click":
                    Activity.Current?.AddEvent(new ActivityEvent("bill.click", tags: new ActivityTagsCollection { ["url"] = e.Url, ["ip"] = e.Ip })); // leak TC1001 direct
                    break;
                case "open":
                    logger.LogDebug("Open of {MessageId} by user agent {UserAgent}", e.SgMessageId, e.UserAgent); // clean precision-names
                    break;
            }

            _messages.Add(1, "email", "webhook", e.Event); // clean precision-about
            if (account is not null)
            {
                _events.Add(1, new KeyValuePair<string, object?>("event", e.Event), new KeyValuePair<string, object?>("account", pseudonymizer.ComputeEnmsgAccountId(account))); // leak TC1003 precision-pseudonym
            }
        }

        logger.LogInformation("Processed {Count} events; categories {Categories}", events.Count, string.Join(',', events.SelectMany(e => e.Category).Distinct())); // clean precision-names
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "email"); // clean precision-about
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Account {AccountNumber} flagged for paper bills after {Event}")]
    private static partial void LogPaperBill(ILogger logger, string accountNumber, string @event);
}
