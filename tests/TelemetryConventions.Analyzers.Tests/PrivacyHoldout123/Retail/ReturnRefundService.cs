namespace PrivacyHoldout123.Retail;

/// <summary>A returned order to be refunded to the customer's bank account (orders paid by bank transfer or cash on delivery).</summary>
public sealed record ReturnRefund(string ReturnNumber, string OrderNumber, string CustomerNumber, string CustomerEmail, string Store, decimal Amount, BankDetails Bank);

/// <summary>A trade (business) account's receivable, for remittance matching and collections.</summary>
public sealed record TradeAccount(string AccountCode, string CompanyName, string CompanyNumber, decimal Balance, int DaysOverdue, string AccountsPayableContactEmail);

/// <summary>Refunds returns to customers' bank accounts, matches trade customers' remittances and chases trade debts.</summary>
public sealed class ReturnRefundService(IFasterPaymentsClient bank, IBankFeed feed, ICollectionAgencyClient agency, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, FinanceOptions options, ILogger<ReturnRefundService> logger)
{
    private static readonly ActivitySource Source = new("Retail.Finance.Receivables");
    private static readonly Meter Meter = new("Retail.Finance.Receivables");
    private static readonly Counter<long> Refunds = Meter.CreateCounter<long>("retfin.return.refunds");
    private readonly RetfinSettlementDurationHistogram _duration = Meter.CreateRetfinSettlementDurationHistogram();

    private ReturnRefund? _inFlight;

    public async Task RefundAsync(ReturnRefund refund, CancellationToken ct)
    {
        _inFlight = refund;
        var started = Stopwatch.GetTimestamp();
        var customer = pseudonymizer.PseudonymizeRetfinCustomerId(refund.CustomerNumber);
        using var span = Source.StartRetfinCollect("return_refund")
            .SetRetfinCustomerId(customer) // clean precision-pseudonym
            .SetRetfinAmount((double)refund.Amount) // clean precision-about
            .SetRetfinReference($"RETURN {refund.ReturnNumber}"); // clean generated-api
        span.Activity?.SetTag("retfin.order", refund.OrderNumber); // clean precision-names
        span.Activity?.SetTag("retfin.return", refund.ReturnNumber); // clean precision-names
        span.Activity?.SetTag(RetfinAttributes.CustomerContact, refund.CustomerEmail); // leak TC1001 direct
        Baggage.SetBaggage("retfin.customer", customer.Value); // clean precision-pseudonym
        Baggage.SetBaggage("retfin.customer_number", refund.CustomerNumber); // leak TC1001 direct
        logger.LogInformation("Refunding return {Return}: {Refund}", refund.ReturnNumber, refund); // leak TC1001 logging-objects
        try
        {
            var submission = await bank.SendAsync(new OutboundPayment(refund.Bank.AccountHolderName, refund.Bank.SortCode, refund.Bank.AccountNumber, refund.Amount, $"RETURN {refund.ReturnNumber}"), ct);
            span.SetRetfinOutcome(submission.Status); // clean direct
            Refunds.Add(1, new KeyValuePair<string, object?>("retfin.store", refund.Store), new KeyValuePair<string, object?>("retfin.outcome", submission.Status)); // clean direct
            Refunds.Add(1, new KeyValuePair<string, object?>("retfin.customer", customer.Value)); // leak TC1003 precision-pseudonym
        }
        catch (PaymentRejectedException ex)
        {
            Fail(span, ex);
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "return_refund"); // clean generated-api
        }
    }

    private void Fail(RetfinCollectSpan span, PaymentRejectedException ex)
    {
        span.SetRetfinOutcome("rejected").SetRetfinNote($"bank rejected: {ex.ReasonCode}"); // clean exceptions
        span.Activity?.SetTag("retfin.refund.payee", _inFlight?.Bank.AccountHolderName); // leak TC1001 cross-member
        logger.LogRetfinPaymentFailedEvent("return_refund", ex.ReasonCode, retfinReference: _inFlight?.Bank.AccountNumber); // leak TC1001 generated-api
        logger.LogWarning("Refund of {Return} rejected: {Error}", _inFlight?.ReturnNumber, ex.Message); // leak TC1001 exceptions
    }

    public async Task MatchTradeReceiptsAsync(IReadOnlyDictionary<string, TradeAccount> accountsByCompanyNumber, CancellationToken ct)
    {
        var statement = await feed.LatestAsync(options.CollectionAccountIban, ct);
        using var span = Source.StartRetfinPost(statement.StatementId, "trade_statement").SetRetfinLineCount(statement.Entries.Count); // clean precision-about
        foreach (var entry in statement.Entries.Where(e => e.CreditorReference is not null))
        {
            // Trade customers pay with a structured creditor reference (RF…) built from their account code.
            logger.LogInformation("Trade receipt {Reference} of {Amount} from {Company}", entry.CreditorReference, entry.Amount, entry.DebtorName); // clean precision-names
            span.Activity?.AddEvent(new ActivityEvent("retfin.trade.receipt", tags: new ActivityTagsCollection { ["retfin.creditor_reference"] = entry.CreditorReference, ["retfin.end_to_end"] = entry.EndToEndId })); // clean precision-names
        }

        foreach (var account in accountsByCompanyNumber.Values.Where(a => a.DaysOverdue > options.DaysBeforeAgencyPlacement))
        {
            using var chase = Source.StartRetfinCollect("trade_collection").SetRetfinAmount((double)account.Balance).SetRetfinDunningLevel(3); // clean precision-about
            chase.Activity?.SetTag("retfin.trade.account", account.AccountCode); // clean precision-names
            chase.Activity?.SetTag("retfin.trade.company", account.CompanyName); // clean precision-names
            chase.Activity?.SetTag("retfin.trade.ap_contact", account.AccountsPayableContactEmail); // leak TC1001 direct
            var receipt = await agency.PlaceAsync(new DebtPlacement($"TP-{account.AccountCode}", "AGY-B2B", account.AccountCode, account.CompanyName, new PostalAddressLine("", ""), account.Balance, DateOnly.FromDateTime(DateTime.UtcNow)), ct);
            logger.LogInformation("Trade debt of {Company} ({CompanyNumber}) placed as {Case}", account.CompanyName, account.CompanyNumber, receipt.AgencyCaseId); // clean precision-names
            chase.Activity?.SetTag("retfin.trade.shard", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(account.AccountsPayableContactEmail)))[..6]); // clean hashes
        }
    }
}
