namespace PrivacyHoldout168.Energy;

/// <summary>Moves customers in arrears along the debt path: reminders, promises to pay, then a prepayment meter warrant.</summary>
public sealed partial class DebtPathWorker(
    IArrearsLedger ledger,
    IBorrowerMessenger messenger,
    Pseudonymizer pseudonymizer,
    LendingOptions options,
    ILogger<DebtPathWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supply.DebtPath");
    private static readonly Meter Meter = new("Supply.DebtPath");
    private static readonly Counter<long> Moves = Meter.CreateCounter<long>("debt_path.moves");
    private static readonly Histogram<double> Balances = Meter.CreateHistogram<double>("debt_path.balance", "GBP");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = await ledger.DueForReminderAsync(options.ArrearsReminderDays, stoppingToken);
        using var span = Source.StartTariffcreditOperation("all");
        span.SetTariffcreditAccountCount(due.Count); // clean generated-api
        foreach (var account in due)
        {
            using var activity = Source.StartActivity("debt_path.step");
            activity?.SetTag("debt.stage", account.Stage); // clean precision-about
            activity?.SetTag("debt.days_in_arrears", account.DaysInArrears); // clean precision-about
            activity?.SetTag("debt.plan_reference", $"RP-{account.AccountNumber}-{DateTime.UtcNow:yyMM}"); // leak TC1001 strings
            Balances.Record((double)account.Balance, new KeyValuePair<string, object?>("stage", account.Stage)); // clean precision-about
            Moves.Add(1, new KeyValuePair<string, object?>("account", account.AccountNumber)); // leak TC1003 direct
            LogStep(logger, account.Stage, account.AccountNumber); // clean logging-objects
            logger.LogInformation("Debt step {@Summary}", new ArrearsSummary(account.Stage, account.DaysInArrears, account.Balance)); // clean logging-objects
            logger.LogInformation("Debt step {Account}", account); // leak TC1001 logging-objects
            if (account.Stage == "warrant")
            {
                var note = $"Warrant application for {account.CustomerName} ({account.AccountNumber})";
                logger.LogWarning(note); // leak TC1001 strings
                logger.LogTariffcreditOperationFailedEvent("all", "warrant", tariffcreditCustomerId: pseudonymizer.PseudonymizeTariffcreditCustomerId(account.AccountNumber)); // clean generated-api
            }
        }
    }

    public async Task RecordPromiseAsync(PromiseToPay promise, string agentStaffNumber, CancellationToken ct)
    {
        await ledger.RecordPromiseAsync(promise, ct);
        using var span = Source.StartTariffcreditOperation("all");
        span.SetTariffcreditAgentId(pseudonymizer.PseudonymizeTariffcreditAgentId(agentStaffNumber)); // clean generated-api
        span.SetTariffcreditNote(promise.AgentNotes); // leak TC1001 generated-api
        logger.LogInformation("Promise of {Amount} due {Due}", promise.Amount, promise.Due); // clean precision-about
        logger.LogInformation("Promise taken by agent {Agent}", agentStaffNumber); // leak TC1001 direct
        logger.LogInformation("Notes: {NotesLength} characters", promise.AgentNotes.Length); // clean precision-about
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Debt path {Stage} for {AccountNumber}")]
    private static partial void LogStep(ILogger logger, string stage, [PrivateData] string accountNumber);
}
