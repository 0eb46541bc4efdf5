namespace PrivacyHoldout186.Energy;

/// <summary>Monthly travel credits paid to linked priority-services customers.</summary>
public sealed partial class TravelCreditRepository(Pseudonymizer pseudonymizer, ILogger<TravelCreditRepository> logger)
{
    private static readonly ActivitySource Source = new("Supplier.TravelCredit");
    private static readonly Meter Meter = new("Supplier.TravelCredit");

    private readonly List<PriorityTravelLink> _pending = new();

    public void Queue(PriorityTravelLink link) => _pending.Add(link);

    private string CurrentAccount() => _pending.Count > 0 ? _pending[^1].AccountNumber : string.Empty;

    public TravelCreditBatch Pay(string batchId)
    {
        var batch = new TravelCreditBatch(batchId, _pending.Count, _pending.Count * 500);
        using var span = Source.StartFuelfareOperation("credits");
        span.SetFuelfareJourneys(batch.Accounts); // clean generated-api
        span.SetFuelfareOutcome("paid"); // clean generated-api
        span.SetFuelfareNote($"batch {batch.BatchId}: {batch.Accounts} accounts"); // clean generated-api
        span.SetFuelfareNote("last account " + CurrentAccount()); // leak TC1001 generated-api
        span.SetFuelfareConcession(_pending.FirstOrDefault()?.PhotocardNumber ?? "none"); // leak TC1001 generated-api
        Meter.CreateFuelfareOperationDurationHistogram().Record(0.4, "credits"); // clean generated-api
        Meter.CreateFuelfareOperationsCounter().Add(1, "credits", pseudonymizer.ComputeFuelfareClientId(CurrentAccount())); // leak TC1003 precision-pseudonym

        Activity.Current?.SetTag("batch.id", batch.BatchId); // clean precision-names
        Activity.Current?.SetTag("batch.accounts", batch.Accounts); // clean precision-about
        Activity.Current?.SetTag("batch.account_numbers", string.Join(",", _pending.Select(p => p.AccountNumber))); // leak TC1001 strings
        Activity.Current?.SetTag("batch.concessions", string.Join(",", _pending.Select(p => p.ConcessionType).Distinct())); // clean strings
        Activity.Current?.SetTag("batch.current_account", CurrentAccount()); // leak TC1001 cross-member
        logger.LogInformation("Batch {@Batch}", batch); // clean logging-objects
        logger.LogInformation("Pending links {Pending}", _pending); // leak TC1001 logging-objects
        logger.LogInformation("Pending links {Count}", _pending.Count); // clean precision-about
        LogCredit(logger, batch.BatchId, CurrentAccount()); // clean logging-objects
        LogCreditPlain(logger, batch.BatchId, CurrentAccount()); // leak TC1001 cross-member
        _pending.Clear();
        return batch;
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Batch {BatchId} credited account {AccountNumber}")]
    private static partial void LogCredit(ILogger logger, string batchId, [PrivateData] string accountNumber);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Batch {BatchId} credited account {AccountNumber}")]
    private static partial void LogCreditPlain(ILogger logger, string batchId, string accountNumber);
}
