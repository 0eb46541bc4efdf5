namespace PrivacyHoldout123.Media;

/// <summary>A subscription whose renewal payment failed.</summary>
public sealed record FailedRenewal(Guid SubscriberId, string Email, string Plan, string Territory, int AmountPence, string PaymentId, string MandateId, int Attempt, string FailureCause);

/// <summary>Retries failed renewals, sends dunning emails and issues service credit notes after outages.</summary>
public sealed partial class SubscriptionDunningService(IDirectDebitClient directDebit, IInvoiceStore invoices, INoticeSender notices, Pseudonymizer pseudonymizer, ILogger<SubscriptionDunningService> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Billing.Dunning");
    private static readonly Meter Meter = new("Streaming.Billing.Dunning");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("subbill.renewal.retries");
    private readonly SubbillPostingsCounter _postings = Meter.CreateSubbillPostingsCounter();

    private static readonly int[] RetryDays = { 3, 5, 7 };

    public async Task RetryAsync(FailedRenewal renewal, CancellationToken ct)
    {
        var subscriber = pseudonymizer.PseudonymizeSubbillCustomerId(renewal.SubscriberId.ToString());
        using var span = Source.StartSubbillCollect("renewal_retry")
            .SetSubbillCustomerId(subscriber) // clean precision-pseudonym
            .SetSubbillDunningLevel(renewal.Attempt) // clean precision-about
            .SetSubbillAmount(renewal.AmountPence / 100.0); // clean precision-about
        span.Activity?.SetTag("subbill.plan", renewal.Plan); // clean direct
        span.Activity?.SetTag("subbill.territory", renewal.Territory); // clean direct
        span.Activity?.SetTag("subbill.failure.cause", renewal.FailureCause); // clean direct
        span.Activity?.SetTag("subbill.customer.contact", pseudonymizer.Compute("subscriber.email", renewal.Email)); // leak TC1001 precision-pseudonym
        Retries.Add(1, new KeyValuePair<string, object?>("subbill.attempt", renewal.Attempt), new KeyValuePair<string, object?>("subbill.cause", renewal.FailureCause)); // clean direct
        Retries.Add(1, new KeyValuePair<string, object?>("subbill.subscriber", subscriber.Value)); // leak TC1003 precision-pseudonym

        if (renewal.Attempt > RetryDays.Length)
        {
            LogGivingUp(logger, renewal.SubscriberId, renewal.Plan); // leak TC1001 logging-objects
            span.SetSubbillOutcome("cancelled"); // clean direct
            return;
        }

        var payment = await directDebit.CreatePaymentAsync(new PaymentRequest(renewal.AmountPence, "GBP", renewal.MandateId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(RetryDays[renewal.Attempt - 1])), null, new() { ["renewal_of"] = renewal.PaymentId }), ct);
        span.SetSubbillReference(payment.Id).SetSubbillOutcome(payment.Status); // clean generated-api
        logger.LogInformation("Retry {Attempt} of {Payment} scheduled for {ChargeDate}", renewal.Attempt, renewal.PaymentId, payment.ChargeDate); // clean precision-names
        logger.LogInformation("Retrying {Renewal}", renewal); // leak TC1001 logging-objects

        var notice = new DunningNotice($"DUN-{payment.Id}", renewal.SubscriberId.ToString(), renewal.Attempt, renewal.AmountPence / 100m, DateOnly.FromDateTime(DateTime.UtcNow), "email");
        await notices.SendAsync(notice, renewal.Email, ct);
        span.Activity?.AddEvent(new ActivityEvent("subbill.dunning.email", tags: new ActivityTagsCollection { ["subbill.notice"] = notice.NoticeId, ["subbill.level"] = notice.Level })); // clean precision-names
        logger.LogInformation("Dunning email for {Subscriber} sent to {Email}", subscriber, renewal.Email); // leak TC1001 direct
        using (logger.BeginScope(new Dictionary<string, object> { ["SubscriberId"] = renewal.SubscriberId, ["Plan"] = renewal.Plan })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Dunning notice {Notice} at level {Level}", notice.NoticeId, notice.Level); // clean precision-names
        }
        using (logger.BeginScope("Subscriber {Subscriber}", subscriber)) // clean precision-pseudonym
        {
            _postings.Add(1, "renewal_retry", payment.Status); // clean generated-api
        }
    }

    public async Task CreditOutageAsync(string incidentId, IReadOnlyList<(string InvoiceNumber, Guid SubscriberId, decimal Credit)> affected, CancellationToken ct)
    {
        using var span = Source.StartSubbillPost(incidentId, "credit_note")
            .SetSubbillLineCount(affected.Count) // clean precision-about
            .SetSubbillAmount((double)affected.Sum(a => a.Credit)); // clean precision-about
        foreach (var (invoiceNumber, subscriberId, credit) in affected)
        {
            var note = new CreditNote($"CN-{incidentId}-{invoiceNumber}", invoiceNumber, subscriberId.ToString(), credit, $"Service credit for incident {incidentId}", DateOnly.FromDateTime(DateTime.UtcNow));
            await invoices.SaveAsync(note, ct);
            logger.LogDebug("Credit note {Number} for invoice {Invoice}: {Amount}", note.Number, note.InvoiceNumber, note.Amount); // clean precision-names
            logger.LogDebug("Credited {Account}", note.CustomerAccount); // leak TC1001 cross-member
        }
        span.SetSubbillNote($"outage {incidentId}: {affected.Count} credit notes"); // clean generated-api
        span.SetSubbillNote("credited " + string.Join(",", affected.Select(a => a.SubscriberId))); // leak TC1001 generated-api
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Giving up on renewal for {SubscriberId} on {Plan}; subscription cancelled")]
    private static partial void LogGivingUp(ILogger logger, Guid subscriberId, string plan);
}
