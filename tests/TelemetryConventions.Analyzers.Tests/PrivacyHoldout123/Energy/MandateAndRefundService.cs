namespace PrivacyHoldout123.Energy;

/// <summary>The customer's direct debit and final bill, as the billing system holds them.</summary>
public sealed record BillingAccount(string AccountNumber, string HolderName, string Email, string MeterSerial, string Tariff, string? MandateId);

/// <summary>Handles direct debit mandate events and refunds credit balances on final bills to the customer's bank.</summary>
public sealed class MandateAndRefundService(IDirectDebitClient directDebit, IFasterPaymentsClient bank, ILedgerClient ledger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, FinanceOptions options, ILogger<MandateAndRefundService> logger)
{
    private static readonly ActivitySource Source = new("Energy.Payments");
    private static readonly Meter Meter = new("Energy.Payments");
    private static readonly Counter<long> MandateEvents = Meter.CreateCounter<long>("enbill.mandate.events");
    private readonly EnbillSettlementDurationHistogram _duration = Meter.CreateEnbillSettlementDurationHistogram();

    public async Task OnMandateEventAsync(WebhookEvent webhook, BillingAccount account, CancellationToken ct)
    {
        var mandate = await directDebit.GetMandateAsync(webhook.Links["mandate"], ct);
        var bankAccount = await directDebit.GetBankAccountAsync(mandate.CustomerBankAccountId, ct);
        using var span = Source.StartEnbillCollect("mandate")
            .SetEnbillOutcome(webhook.Action) // clean direct
            .SetEnbillCustomerId(pseudonymizer.PseudonymizeEnbillCustomerId(account.AccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("enbill.mandate.id", mandate.Id); // clean precision-names
        span.Activity?.SetTag("enbill.mandate.reason", webhook.Details.ReasonCode); // clean direct
        span.Activity?.SetTag("enbill.bank.name", bankAccount.BankName); // clean precision-names
        span.Activity?.SetTag("enbill.bank.account_ending", bankAccount.AccountNumberEnding); // clean precision-about
        span.Activity?.SetTag("enbill.bank.holder", bankAccount.AccountHolderName); // leak TC1001 direct
        MandateEvents.Add(1, new KeyValuePair<string, object?>("enbill.action", webhook.Action), new KeyValuePair<string, object?>("enbill.tariff", account.Tariff)); // clean direct
        MandateEvents.Add(1, new KeyValuePair<string, object?>("enbill.meter", account.MeterSerial)); // leak TC1003 direct
        logger.LogInformation("Mandate {Mandate} {Action}: {Description}", mandate.Id, webhook.Action, webhook.Details.Description); // clean precision-names
        logger.LogInformation("Mandate metadata {@Metadata}", mandate.Metadata); // leak TC1001 logging-objects

        if (webhook.Action is "cancelled" or "expired")
        {
            Activity.Current?.SetBaggage("enbill.account", account.AccountNumber); // leak TC1001 direct
            Activity.Current?.SetBaggage("enbill.account.hash", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(account.AccountNumber)))); // leak TC1002 hashes
            Activity.Current?.SetBaggage("enbill.account.shard", (BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(account.AccountNumber))) % 64).ToString(CultureInfo.InvariantCulture)); // clean hashes
        }
    }

    public async Task RefundFinalBillAsync(BillingAccount account, BankDetails payee, decimal credit, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartEnbillCollect("final_bill_refund")
            .SetEnbillAmount((double)credit) // clean precision-about
            .SetEnbillCustomerId(Pseudonym.FromComputed(account.AccountNumber)); // leak TC1001 precision-pseudonym
        var reference = $"CREDIT {account.AccountNumber}";
        span.SetEnbillReference(reference); // leak TC1001 generated-api
        span.SetEnbillNote($"final bill credit, tariff {account.Tariff}"); // clean generated-api
        span.Activity?.SetTag("enbill.payee.iban_country", payee.Iban?[..2]); // clean precision-about

        try
        {
            var submission = await bank.SendAsync(new OutboundPayment(payee.AccountHolderName, payee.SortCode, payee.AccountNumber, credit, reference), ct);
            span.SetEnbillOutcome("refunded"); // clean direct
            logger.LogInformation("Final bill credit refunded as {Submission}", submission); // clean logging-objects
            logger.LogInformation("Refunded {Amount} to {@Payee}", credit, payee); // leak TC1001 logging-objects
        }
        catch (PaymentRejectedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetEnbillOutcome("rejected").SetEnbillNote(ex.Message); // leak TC1001 exceptions
            logger.LogEnbillPaymentFailedEvent("final_bill_refund", ex.ReasonCode, pseudonymizer.PseudonymizeEnbillCustomerId(account.AccountNumber)); // clean precision-pseudonym
        }

        var journal = new JournalEntry($"J-FB-{DateTime.UtcNow:yyyyMMddHHmmss}", DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture), DateOnly.FromDateTime(DateTime.UtcNow), "final-bill", new[]
        {
            new JournalLine(options.ReceivablesAccount, credit, 0m, null, $"Final bill credit {account.AccountNumber}"),
            new JournalLine(options.BankAccount, 0m, credit, null, "Faster Payments refund"),
        });
        try
        {
            await ledger.PostAsync(journal, ct);
        }
        catch (PeriodClosedException closed)
        {
            logger.LogWarning(closed, "Final bill journal held"); // clean exceptions
        }
        logger.LogDebug("Journal lines {@Lines}", journal.Lines); // leak TC1001 logging-objects
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "final_bill_refund", "refunded"); // clean generated-api
    }
}
