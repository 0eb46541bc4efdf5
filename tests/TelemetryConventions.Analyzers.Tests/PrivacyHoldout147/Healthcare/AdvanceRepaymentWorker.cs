namespace PrivacyHoldout147.Healthcare;

/// <summary>A repayment the trust's payroll deducted and the bank collects on pay day.</summary>
public sealed record AdvanceRepayment(string RepaymentId, string RequestId, string StaffNumber, string AccountNumber, string TrustCode, decimal Amount);

/// <summary>Takes advances back from the salary on pay day; freezes the card of an employee whose salary did not arrive.</summary>
public sealed class AdvanceRepaymentWorker(
    IQueueReceiver<AdvanceRepayment> queue,
    IAccountLedger ledger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AdvanceRepaymentWorker> logger) : BackgroundService
{
    private readonly Histogram<double> _collectSeconds = meter.CreateHistogram<double>("payadvance.collect.duration", "s");
    private readonly List<string> _shortAccounts = new();
    private string? _lastFrozenStaffNumber;
    private int _collected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var repayment = await queue.ReceiveAsync(stoppingToken);
            if (repayment is null)
            {
                ReportRound();
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["RepaymentId"] = repayment.RepaymentId, ["Trust"] = repayment.TrustCode }); // clean direct
            using var account = logger.BeginScope("Collecting from account {AccountNumber}", repayment.AccountNumber); // leak TC1001 direct
            Activity.Current?.SetBaggage("payadvance.request", repayment.RequestId); // clean direct
            Activity.Current?.SetBaggage("payadvance.employee", pseudonymizer.ComputePayadvanceEmployeeId(repayment.StaffNumber)); // clean precision-pseudonym
            Activity.Current?.SetBaggage("payadvance.account", repayment.AccountNumber); // leak TC1001 direct

            try
            {
                var current = await ledger.FindAsync(repayment.AccountNumber, stoppingToken);
                if (current is null || current.Balance < repayment.Amount)
                {
                    _shortAccounts.Add(repayment.AccountNumber);
                    throw new InsufficientFundsException(repayment.Amount - (current?.Balance ?? 0m));
                }
                _collected++;
                RepaymentLog.Collected(logger, repayment.RepaymentId, repayment.StaffNumber, repayment.Amount); // clean logging-objects
            }
            catch (InsufficientFundsException ex)
            {
                logger.LogWarning(ex, "Repayment {RepaymentId} short by {Shortfall}", repayment.RepaymentId, ex.Shortfall); // clean exceptions
                Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                await ledger.FreezeAsync(repayment.AccountNumber, "advance-unpaid", stoppingToken);
                _lastFrozenStaffNumber = repayment.StaffNumber;
                RepaymentLog.Frozen(logger, repayment.RequestId, repayment.StaffNumber); // leak TC1001 logging-objects
            }
            catch (AccountFrozenException ex)
            {
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                logger.LogError("Account already frozen: {Error}", ex.GetType().Name); // clean exceptions
            }

            _collectSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("trust", repayment.TrustCode)); // clean direct
        }
    }

    private void ReportRound()
    {
        using var span = source.StartPayadvanceOperation("all-trusts");
        span.SetPayadvanceRequestCount(_collected); // clean cross-member
        span.SetPayadvanceNote($"{_shortAccounts.Count} accounts short this round"); // clean cross-member
        logger.LogInformation("Accounts short this round: {Accounts}", string.Join(",", _shortAccounts)); // leak TC1001 cross-member
        logger.LogInformation("Last card frozen for staff {StaffNumber}", _lastFrozenStaffNumber); // leak TC1001 cross-member
        Activity.Current?.AddEvent(new ActivityEvent("payadvance.round", tags: new ActivityTagsCollection { ["short.count"] = _shortAccounts.Count, ["frozen"] = _lastFrozenStaffNumber is not null })); // clean cross-member
        _shortAccounts.Clear();
        _collected = 0;
    }
}

internal static partial class RepaymentLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Repayment {RepaymentId} collected from {StaffNumber}: {Amount}")]
    public static partial void Collected(ILogger logger, string repaymentId, [PrivateData] string staffNumber, decimal amount);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Advance {RequestId} unpaid; froze the card of staff {StaffNumber}")]
    public static partial void Frozen(ILogger logger, string requestId, string staffNumber);
}
