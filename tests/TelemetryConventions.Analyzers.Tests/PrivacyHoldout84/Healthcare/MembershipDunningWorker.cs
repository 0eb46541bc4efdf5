namespace PrivacyHoldout84.Healthcare;

public sealed record FailedRenewal(string InvoiceId, string InvoiceNumber, string SubscriptionId, string CustomerId, string BillingEmail, string PriceId, long AmountDue, string Currency, int Attempt);

public interface IFailedRenewalQueue
{
    Task<FailedRenewal?> NextAsync(CancellationToken ct);
}

/// <summary>Retries failed membership renewals on the clinic group's schedule and sends the dunning emails.</summary>
public sealed partial class MembershipDunningWorker(
    ILogger<MembershipDunningWorker> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    BillboxClient billing,
    IDunningMailer mailer,
    IFailedRenewalQueue queue,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly RetrySchedule Schedule = new([TimeSpan.FromDays(3), TimeSpan.FromDays(5), TimeSpan.FromDays(7)], "cancel");

    private readonly Counter<long> _retries = meter.CreateCounter<long>("clinic.dunning.retries");
    private string? _lastRecipient;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var renewal = await queue.NextAsync(stoppingToken);
            if (renewal is null)
            {
                continue;
            }
            await RetryAsync(renewal, stoppingToken);
        }
    }

    private async Task RetryAsync(FailedRenewal renewal, CancellationToken ct)
    {
        using var span = source.StartClinicsubRenewal(renewal.PriceId)
            .SetClinicsubInvoiceNumber(renewal.InvoiceNumber) // clean generated-api
            .SetClinicsubRetryAttempt(renewal.Attempt)
            .SetClinicsubCustomerId(pseudonymizer.PseudonymizeClinicsubCustomerId(renewal.CustomerId)); // clean precision-pseudonym
        var worker = KeyedShard.Of(secrets.ShardKey, renewal.CustomerId, 16);
        Activity.Current?.SetTag("dunning.worker.shard", worker); // clean hashes

        try
        {
            var customer = await billing.GetCustomerAsync(renewal.CustomerId, ct);
            if (customer.DefaultPaymentMethodId is null)
            {
                span.SetClinicsubOutcome("no_payment_method");
                return;
            }
            await billing.PayInvoiceAsync(renewal.InvoiceId, ct);
            span.SetClinicsubOutcome("recovered");
            _retries.Add(1, new TagList { { "attempt", renewal.Attempt }, { "outcome", "recovered" }, { "price", renewal.PriceId } }); // clean precision-about
        }
        catch (CardException ex)
        {
            span.RecordException(ex).SetClinicsubOutcome("declined:" + ex.DeclineCode); // clean exceptions
            logger.LogClinicsubPaymentFailedEvent(ex.DeclineCode, renewal.Attempt, clinicsubCustomerId: pseudonymizer.PseudonymizeClinicsubCustomerId(renewal.CustomerId), clinicsubInvoiceNumber: renewal.InvoiceNumber); // clean generated-api
            await SendNoticeAsync(renewal, ex.DeclineCode, ct);
        }
        catch (InvalidRequestException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogError("Renewal retry for {SubscriptionId} failed: {Code} ({RequestId})", renewal.SubscriptionId, ex.Code, ex.RequestId); // clean exceptions
        }
    }

    private async Task SendNoticeAsync(FailedRenewal renewal, string declineCode, CancellationToken ct)
    {
        var next = Schedule.DelayAfter(renewal.Attempt);
        var notice = new DunningNotice(
            renewal.BillingEmail,
            next is null ? "membership-final-notice" : "membership-payment-failed",
            "en-GB",
            renewal.Attempt,
            new Dictionary<string, string> { ["amount"] = Money.Format(renewal.AmountDue, renewal.Currency), ["invoice"] = renewal.InvoiceNumber });

        LogNoticeQueued(logger, notice.TemplateId, renewal.Attempt, next); // clean precision-names
        var dedupeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(renewal.BillingEmail.ToLowerInvariant())))[..16];
        Activity.Current?.SetTag("dunning.dedupe_key", dedupeKey); // leak TC1002 hashes
        try
        {
            var messageId = await mailer.SendAsync(notice, ct);
            LogNoticeSent(logger, messageId, renewal.BillingEmail); // leak TC1001 direct
            _lastRecipient = notice.To;
        }
        catch (RecipientRejectedException ex)
        {
            logger.LogWarning(ex, "Dunning email bounced ({Smtp})", ex.SmtpStatus); // leak TC1001 exceptions
            Activity.Current?.AddEvent(new ActivityEvent("dunning.bounced", tags: new ActivityTagsCollection { ["smtp.status"] = ex.SmtpStatus, ["decline.code"] = declineCode })); // clean exceptions
        }
    }

    public void ReportIdle() =>
        logger.LogDebug("Dunning worker idle; last notice went to {Recipient}", _lastRecipient); // leak TC1001 cross-member

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued dunning template {TemplateId} for attempt {Attempt}, next retry in {Delay}")]
    private static partial void LogNoticeQueued(ILogger logger, string templateId, int attempt, TimeSpan? delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dunning email {MessageId} sent to {Recipient}")]
    private static partial void LogNoticeSent(ILogger logger, string messageId, string recipient);
}
