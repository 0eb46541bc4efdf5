namespace PrivacyHoldout99.Education;

public sealed record InstalmentPlan(string PlanId, string StudentNumber, string StudentEmail, string? MobileNumber, string InvoiceId, string SubscriptionId, string ProgrammeCode);

/// <summary>Retries failed tuition instalments on the dunning schedule and chases the student by email and text.</summary>
public sealed partial class InstalmentDunningJob(
    IInvoiceClient invoices,
    IDunningStore store,
    INotifier notifier,
    PaymentOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<InstalmentDunningJob> logger)
{
    private static readonly ActivitySource Source = new("University.Fees.Dunning");
    private static readonly Meter Meter = new("University.Fees.Dunning");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("fees.dunning.retries");

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Instalment retry {Attempt} for student {StudentNumber} on invoice {InvoiceId}")]
    private partial void LogRetry(int attempt, [PrivateData] string studentNumber, string invoiceId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Plan {PlanId} moved to {Stage} for {StudentNumber}")]
    private partial void LogStage(string planId, string stage, string studentNumber);

    public async Task RetryAsync(InstalmentPlan plan, CancellationToken ct)
    {
        var state = await store.GetAsync(plan.InvoiceId, ct) ?? new DunningState(plan.InvoiceId, plan.SubscriptionId, 0, DateTimeOffset.UtcNow, null, "grace");
        var attempt = state.Attempt + 1;
        var student = pseudonymizer.PseudonymizeFeepayStudentId(plan.StudentNumber);
        var key = $"instalment:{plan.StudentNumber}:{plan.InvoiceId}:{attempt}";

        using var span = Source.StartFeepayPayment(plan.InvoiceId).SetFeepayAttempt(attempt).SetFeepayStudentId(student); // clean precision-pseudonym
        span.Activity?.SetTag("dunning.stage", state.Stage); // clean precision-names
        span.Activity?.SetTag("dunning.next_attempt_at", state.NextAttemptAt); // clean precision-about
        span.Activity?.SetTag("dunning.idempotency_key", key); // leak TC1001 strings
        span.Activity?.SetTag("dunning.summary", $"{plan.PlanId}:{attempt}/{options.MaxAttempts}"); // clean strings
        Baggage.SetBaggage("fees.plan", plan.PlanId);
        LogRetry(attempt, plan.StudentNumber, plan.InvoiceId); // clean precision-names

        try
        {
            var invoice = await invoices.PayAsync(plan.InvoiceId, new RequestOptions { IdempotencyKey = key }, ct);
            span.SetFeepayOutcome(invoice.Status).SetFeepayAmount(invoice.AmountDue);
            logger.LogInformation("Invoice {Number} paid after {Attempts} attempts", invoice.Number, invoice.AttemptCount);
            logger.LogDebug("Hosted invoice page {Url}", invoice.HostedInvoiceUrl); // leak TC1001 strings
            Retries.Add(1, new KeyValuePair<string, object?>("outcome", "paid"), new KeyValuePair<string, object?>("attempt", attempt)); // clean precision-about
        }
        catch (CardDeclinedException ex)
        {
            var stage = attempt >= options.MaxAttempts ? "suspended" : "retrying";
            var next = DateTimeOffset.UtcNow.AddDays(options.RetryDays[Math.Min(attempt, options.RetryDays.Length) - 1]);
            await store.SaveAsync(state with { Attempt = attempt, NextAttemptAt = next, LastDeclineCode = ex.DeclineCode, Stage = stage }, ct);
            span.SetFeepayDeclineCode(ex.DeclineCode ?? "unknown").SetFeepayOutcome("declined"); // clean exceptions
            LogStage(plan.PlanId, stage, plan.StudentNumber); // leak TC1001 logging-objects
            logger.LogFeepayPaymentFailedEvent(plan.InvoiceId, "declined", ex.DeclineCode, student, $"{plan.StudentEmail} attempt {attempt}"); // leak TC1001 generated-api
            logger.LogInformation("Last decline for {InvoiceId} was {Decline}", state.InvoiceId, state.LastDeclineCode); // clean cross-member
            logger.LogInformation("Dunning state {@State}", state with { Attempt = attempt, Stage = stage }); // clean logging-objects
            logger.LogWarning(ex, "Instalment declined ({DeclineCode}), request {RequestId}", ex.DeclineCode, ex.RequestId); // clean exceptions
            Retries.Add(1, new KeyValuePair<string, object?>("outcome", "declined"), new KeyValuePair<string, object?>("programme", plan.ProgrammeCode)); // clean precision-names

            await notifier.EmailAsync(plan.StudentEmail, "fees-payment-failed", new Dictionary<string, string> { ["attempt"] = attempt.ToString(CultureInfo.InvariantCulture) }, ct);
            span.Activity?.AddEvent(new ActivityEvent("dunning.email.sent", tags: new ActivityTagsCollection { ["to"] = plan.StudentEmail })); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("dunning.email.sent", tags: new ActivityTagsCollection { ["template"] = "fees-payment-failed" }));
            if (plan.MobileNumber is { } mobile)
            {
                await notifier.SmsAsync(mobile, "Your tuition instalment failed. Please update your card.", ct);
                logger.LogInformation("Texted {Masked}", "*******" + mobile[^4..]);
                logger.LogInformation("Texted {Mobile}", mobile); // leak TC1001 direct
            }
        }
        catch (ResourceMissingException ex) when (ex.Resource == "invoice")
        {
            span.RecordException(ex); // clean exceptions
            logger.LogError("Invoice lookup failed: {Message}", ex.Message); // clean exceptions
        }
    }
}
