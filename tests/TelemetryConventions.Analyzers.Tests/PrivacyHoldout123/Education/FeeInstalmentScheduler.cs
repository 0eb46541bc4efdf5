namespace PrivacyHoldout123.Education;

/// <summary>An instalment of a student's tuition fee plan.</summary>
public sealed record Instalment(string PlanId, string StudentNumber, int Sequence, int AmountPence, DateOnly Due, string MandateId);

/// <summary>Sets up fee direct debits, collects instalments and handles the provider's failure webhooks.</summary>
public sealed partial class FeeInstalmentScheduler(IDirectDebitClient directDebit, Pseudonymizer pseudonymizer, ILogger<FeeInstalmentScheduler> logger)
{
    private static readonly ActivitySource Source = new("University.Fees.DirectDebit");
    private static readonly Meter Meter = new("University.Fees.DirectDebit");
    private readonly FeebillPostingsCounter _postings = Meter.CreateFeebillPostingsCounter();
    private readonly FeebillSettlementDurationHistogram _duration = Meter.CreateFeebillSettlementDurationHistogram();

    private string? _currentStudent;

    public async Task<Mandate> SetUpMandateAsync(string studentNumber, string providerCustomerId, BankDetails details, CancellationToken ct)
    {
        _currentStudent = studentNumber;
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFeebillCollect("mandate")
            .SetFeebillCustomerId(pseudonymizer.PseudonymizeFeebillCustomerId(studentNumber)); // clean precision-pseudonym
        var reference = $"UNIFEES-{studentNumber}";
        try
        {
            var mandate = await directDebit.CreateMandateAsync(new MandateRequest(providerCustomerId, details, reference, new() { ["student_number"] = studentNumber }), ct);
            span.SetFeebillReference(mandate.Reference); // leak TC1001 generated-api
            span.Activity?.SetTag("feebill.mandate.id", mandate.Id); // clean precision-names
            span.Activity?.SetTag("feebill.mandate.scheme", mandate.Scheme); // clean direct
            LogMandateCreated(logger, mandate.Id, details.AccountHolderName); // leak TC1001 logging-objects
            _postings.Add(1, "mandate", "created"); // clean generated-api
            return mandate;
        }
        catch (DirectDebitApiException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Mandate refused ({Code}): {Fields}", ex.Code, string.Join(", ", ex.Errors.Select(e => $"{e.Field} {e.Message}"))); // clean exceptions
            logger.LogWarning("Mandate refused for {Student}", _currentStudent); // leak TC1001 cross-member
            _postings.Add(1, "mandate", "refused"); // clean generated-api
            throw;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "mandate"); // clean generated-api
        }
    }

    public async Task CollectAsync(Instalment instalment, CancellationToken ct)
    {
        using var span = Source.StartFeebillCollect("instalment")
            .SetFeebillAmount(instalment.AmountPence / 100.0) // clean precision-about
            .SetFeebillCustomerId(pseudonymizer.PseudonymizeFeebillCustomerId(instalment.StudentNumber)); // clean precision-pseudonym
        var payment = await directDebit.CreatePaymentAsync(new PaymentRequest(instalment.AmountPence, "GBP", instalment.MandateId, instalment.Due, null, new() { ["plan"] = instalment.PlanId, ["sequence"] = instalment.Sequence.ToString(CultureInfo.InvariantCulture) }), ct);
        logger.LogInformation("Instalment {Sequence} of plan {Plan} collected as {@Payment}", instalment.Sequence, instalment.PlanId, payment); // clean logging-objects
        logger.LogInformation("Collecting {Instalment}", instalment); // leak TC1001 logging-objects
        LogInstalmentScheduled(logger, instalment.PlanId, instalment.StudentNumber, instalment.Due); // clean logging-objects
    }

    public void OnWebhook(WebhookEvent webhook, string studentNumber)
    {
        using var span = Source.StartFeebillCollect(webhook.ResourceType)
            .SetFeebillOutcome(webhook.Action) // clean direct
            .SetFeebillNote($"{webhook.Details.Cause}: {webhook.Details.Description}"); // clean generated-api
        span.Activity?.SetTag("feebill.mandate.id", webhook.Links.GetValueOrDefault("mandate")); // clean precision-names
        span.Activity?.SetTag("feebill.webhook.links", string.Join(";", webhook.Links.Select(l => $"{l.Key}={l.Value}"))); // leak TC1001 strings
        if (webhook.Action == "failed")
        {
            logger.LogFeebillPaymentFailedEvent(webhook.ResourceType, webhook.Details.Cause, pseudonymizer.PseudonymizeFeebillCustomerId(studentNumber), feebillReference: webhook.Details.ReasonCode); // clean precision-pseudonym
            logger.LogFeebillPaymentFailedEvent(webhook.ResourceType, webhook.Details.Cause, feebillNote: $"student {studentNumber} payment failed"); // leak TC1001 generated-api
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mandate {MandateId} created for account holder {AccountHolder}")]
    private static partial void LogMandateCreated(ILogger logger, string mandateId, string accountHolder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instalment of plan {PlanId} for {StudentNumber} due {Due}")]
    private static partial void LogInstalmentScheduled(ILogger logger, string planId, [PrivateData] string studentNumber, DateOnly due);
}
