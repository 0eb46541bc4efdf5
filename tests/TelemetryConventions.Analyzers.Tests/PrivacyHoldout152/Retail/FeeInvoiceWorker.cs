namespace PrivacyHoldout152.Retail;

/// <summary>Issues each month's fee invoices, emails payers and chases families in arrears.</summary>
public sealed partial class FeeInvoiceWorker(
    IFeesLedger ledger,
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    NurseryOptions options,
    Meter meter,
    ILogger<FeeInvoiceWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Nursery.Invoicing");

    private readonly Counter<decimal> invoiced = meter.CreateCounter<decimal>("nursery.fees.invoiced", "GBP");
    private readonly Dictionary<string, decimal> arrears = new();
    private InvoiceTotals? lastTotals;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        const string setting = "EY501234";
        var due = await ledger.DueAsync(setting, stoppingToken);
        using var span = Source.StartNurseryfeesOperation(setting).SetNurseryfeesInvoiceCount(due.Count); // clean precision-about
        var totals = new InvoiceTotals(DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture), due.Count, due.Sum(i => i.Amount));
        lastTotals = totals;
        logger.LogInformation("Invoicing {Totals}", totals); // clean logging-objects

        foreach (var invoice in due)
        {
            using var scope = logger.BeginScope("Invoice {InvoiceId}", invoice.InvoiceId); // clean precision-names
            using var accountScope = logger.BeginScope("Account {AccountNumber}", invoice.AccountNumber); // leak TC1001 direct
            var account = await ledger.AccountAsync(invoice.AccountNumber, stoppingToken);
            if (account is null)
            {
                continue;
            }

            await messenger.EmailAsync(account.PayerEmail, options.InvoiceTemplateId, stoppingToken);
            invoiced.Add(invoice.Amount, new KeyValuePair<string, object?>("setting", setting));
            invoiced.Add(invoice.Amount, new KeyValuePair<string, object?>("account", invoice.AccountNumber)); // leak TC1003 direct
            LogInvoiced(logger, invoice.InvoiceId, account.PayerName); // leak TC1001 logging-objects
            LogInvoicedRedacted(logger, invoice.InvoiceId, account.PayerEmail); // clean logging-objects
            Activity.Current?.SetTag("fees.uses_tfc", account.TfcReference is not null); // clean precision-about

            if (invoice.DueOn < DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30))
            {
                arrears[account.AccountNumber] = invoice.Amount;
                var overdue = new AccountInArrearsException(account.AccountNumber, invoice.Amount);
                span.SetNurseryfeesNote(overdue.Message); // leak TC1001 generated-api
                span.SetNurseryfeesOutcome("arrears"); // clean generated-api
                logger.LogNurseryfeesOperationFailedEvent(setting, "arrears", nurseryfeesFamilyId: pseudonymizer.PseudonymizeNurseryfeesFamilyId(account.AccountNumber)); // clean generated-api
                logger.LogWarning("Payer {Payer} is in arrears", Greeting(account)); // leak TC1001 strings
            }
        }
    }

    public void LogMonthEnd()
    {
        logger.LogInformation("Invoiced {Count} for {Month}", lastTotals?.Count, lastTotals?.Month); // clean cross-member
        logger.LogInformation("{Families} families in arrears owing {Owed}", arrears.Count, arrears.Values.Sum()); // clean cross-member
        logger.LogInformation("Arrears by account: {Arrears}", arrears); // leak TC1001 cross-member
    }

    private static string Greeting(FamilyAccount account) => $"{account.PayerName} <{account.PayerEmail}>";

    [LoggerMessage(EventId = 5701, Level = LogLevel.Information, Message = "Invoice {InvoiceId} sent to {PayerName}")]
    private static partial void LogInvoiced(ILogger logger, string invoiceId, string payerName);

    [LoggerMessage(EventId = 5702, Level = LogLevel.Information, Message = "Invoice {InvoiceId} emailed to {PayerEmail}")]
    private static partial void LogInvoicedRedacted(ILogger logger, string invoiceId, [PrivateData] string payerEmail);
}
