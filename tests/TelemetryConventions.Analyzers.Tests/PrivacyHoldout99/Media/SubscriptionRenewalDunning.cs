namespace PrivacyHoldout99.Media;

public sealed record RenewalDue(Guid SubscriberId, string Email, string InvoiceId, string SubscriptionId, string Plan, string Territory, int Attempt);

/// <summary>Renews subscriptions whose card payment failed: smart retries on the dunning schedule, a grace period, then a downgrade to the free tier.</summary>
public sealed partial class SubscriptionRenewalDunning(
    IInvoiceClient invoices,
    IDunningStore store,
    INotifier notifier,
    PaymentOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<SubscriptionRenewalDunning> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Billing.Dunning");
    private static readonly Meter Meter = new("Streaming.Billing.Dunning");
    private readonly MediapayPaymentsCounter _payments = Meter.CreateMediapayPaymentsCounter();
    private static readonly Histogram<int> AttemptsToRecover = Meter.CreateHistogram<int>("billing.dunning.attempts_to_recover");

    private static readonly DunningStep[] Schedule =
    [
        new(1, TimeSpan.FromDays(1), "email", "tmpl_renewal_failed_1"),
        new(2, TimeSpan.FromDays(3), "email", "tmpl_renewal_failed_2"),
        new(3, TimeSpan.FromDays(5), "push", "tmpl_renewal_last_chance"),
    ];

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Renewal of {SubscriptionId} for subscriber {SubscriberId} moved to {Stage}")]
    private partial void LogStage(string subscriptionId, Guid subscriberId, string stage);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Dunning email {TemplateId} queued for {Email}")]
    private partial void LogEmailQueued(string templateId, [PrivateData] string email);

    public async Task RunAsync(RenewalDue due, CancellationToken ct)
    {
        var step = Schedule[Math.Min(due.Attempt, Schedule.Length) - 1];
        using var span = Source.StartMediapayPayment(due.InvoiceId).SetMediapayAttempt(due.Attempt); // clean precision-names
        span.SetMediapaySubscriberId(pseudonymizer.PseudonymizeMediapaySubscriberId(due.SubscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("dunning.step", step.ToString()); // clean logging-objects
        span.Activity?.SetTag("subscription.plan", due.Plan);
        span.Activity?.SetTag("subscription.territory", due.Territory); // clean precision-names
        var renewalKey = $"renewal:{due.SubscriberId:N}:{due.Attempt}";
        span.SetMediapayIdempotencyKey(renewalKey); // leak TC1001 generated-api
        span.Activity?.SetTag("dunning.schedule", string.Join(">", Schedule.Select(s => s.Channel))); // clean strings

        try
        {
            var invoice = await invoices.PayAsync(due.InvoiceId, new RequestOptions { IdempotencyKey = $"{due.InvoiceId}:attempt:{due.Attempt}" }, ct);
            span.SetMediapayOutcome("recovered").SetMediapayAmount(invoice.AmountDue); // clean precision-about
            AttemptsToRecover.Record(due.Attempt, new KeyValuePair<string, object?>("plan", due.Plan));
            _payments.Add(1, "card", null, "recovered"); // clean generated-api
            logger.LogInformation("Recovered invoice {Invoice}", invoice); // leak TC1001 logging-objects
        }
        catch (CardDeclinedException ex)
        {
            span.SetMediapayDeclineCode(ex.DeclineCode ?? "unknown").SetMediapayOutcome("declined"); // clean exceptions
            var stage = due.Attempt >= options.MaxAttempts ? "downgraded" : "grace";
            await store.SaveAsync(new DunningState(due.InvoiceId, due.SubscriptionId, due.Attempt, DateTimeOffset.UtcNow.Add(step.Delay), ex.DeclineCode, stage), ct);
            LogStage(due.SubscriptionId, due.SubscriberId, stage); // leak TC1001 logging-objects
            await notifier.EmailAsync(due.Email, step.TemplateId, new Dictionary<string, string> { ["plan"] = due.Plan }, ct);
            LogEmailQueued(step.TemplateId, due.Email); // clean precision-names
            span.Activity?.AddEvent(new ActivityEvent("dunning.notice", tags: new ActivityTagsCollection { ["channel"] = step.Channel, ["template"] = step.TemplateId }));
            span.Activity?.SetTag(MediapayAttributes.SubscriberContact, due.Email); // leak TC1001 generated-api
            _payments.Add(1, "card", null, "declined"); // clean generated-api
        }
        catch (ResourceMissingException ex) when (ex.Resource == "invoice")
        {
            span.SetStatus(ActivityStatusCode.Error, $"invoice missing: {ex.Param}"); // clean exceptions
        }
    }
}
