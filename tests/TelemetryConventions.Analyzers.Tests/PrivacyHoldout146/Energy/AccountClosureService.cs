namespace PrivacyHoldout146.Energy;

/// <summary>Takes the final reading, closes or transfers a deceased customer's account and bills the estate.</summary>
public sealed class AccountClosureService(
    IEstateAccounts accounts,
    IExecutorContacts executors,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    LifeEventsOptions options,
    ILogger<AccountClosureService> logger)
{
    private static readonly Meter ClosureMeter = new("Supplier.Bereavement.Closures");
    private static readonly Histogram<double> FinalBalances = ClosureMeter.CreateHistogram<double>("estates.final.balance");
    private static readonly Counter<long> Transfers = ClosureMeter.CreateCounter<long>("estates.transfers");

    public async Task<ClosureResult> CloseAsync(string accountNumber, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartEstatesOperation(options.Region);
        span.SetEstatesAccountId(pseudonymizer.PseudonymizeEstatesAccountId(accountNumber)); // clean precision-pseudonym
        var account = await accounts.GetAsync(accountNumber, cancellationToken);
        var tariff = await accounts.TariffAsync(accountNumber, cancellationToken);
        logger.LogInformation("Closing on tariff {@Tariff}", tariff); // clean logging-objects
        logger.LogInformation("Closing account {@Account}", account); // leak TC1001 logging-objects
        Activity.Current?.SetTag("estates.meter_model", account.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("estates.meter_serial", account.MeterSerial); // leak TC1001 direct
        Activity.Current?.SetTag("estates.meter_key", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(account.MeterSerial)))); // leak TC1002 hashes
        Activity.Current?.SetTag("estates.meter_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(account.MeterSerial))[0] % 32); // clean hashes
        try
        {
            var reading = await accounts.FinalReadingAsync(account.MeterSerial, cancellationToken);
            logger.LogInformation("Final reading {Reading}", reading); // leak TC1001 logging-objects
            Activity.Current?.SetTag("estates.reading_source", reading.Source); // clean precision-about
            var result = await accounts.CloseAsync(accountNumber, reading, cancellationToken);
            logger.LogInformation("Closed {@Result}", result); // clean logging-objects
            FinalBalances.Record((double)result.FinalBalance, new KeyValuePair<string, object?>("refund_due", result.RefundDue)); // clean precision-about
            meter.CreateEstatesClosureDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, estatesRegion: options.Region); // clean generated-api
            var executor = await executors.ForAccountAsync(accountNumber, cancellationToken);
            if (executor is not null)
            {
                await executors.SendFinalBillAsync(executor.Email, result.ClosureId, cancellationToken);
                span.SetEstatesExecutorId(pseudonymizer.PseudonymizeEstatesExecutorId(executor.ExecutorRecordId)); // clean precision-pseudonym
                Activity.Current?.SetTag("estates.executor_role", executor.Role); // clean precision-about
            }

            return result;
        }
        catch (MeterNotFoundException ex)
        {
            span.SetEstatesNote(ex.Message); // leak TC1001 generated-api
            logger.LogEstatesOperationFailedEvent(options.Region, "meter-missing", estatesAccountId: pseudonymizer.PseudonymizeEstatesAccountId(accountNumber)); // clean generated-api
            throw;
        }
        catch (FinalReadingDisputedException ex)
        {
            span.SetEstatesNote(ex.Message); // clean exceptions
            Activity.Current?.SetTag("estates.reading_delta", (double)ex.Delta); // clean exceptions
            throw;
        }
    }

    public async Task<ClosureResult> TransferAsync(string accountNumber, string newOccupierName, CancellationToken cancellationToken)
    {
        using var span = source.StartEstatesOperation(options.Region);
        span.SetEstatesNote($"transfer to {newOccupierName}"); // leak TC1001 generated-api
        span.SetEstatesMeterCount(1).SetEstatesOutcome("transferring"); // clean generated-api
        Transfers.Add(1, new KeyValuePair<string, object?>("region", options.Region)); // clean precision-about
        logger.LogInformation("Transfer for account key {AccountKey}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accountNumber)))[..10]); // leak TC1002 hashes
        try
        {
            var result = await accounts.TransferAsync(accountNumber, newOccupierName, cancellationToken);
            Activity.Current?.SetTag("estates.transfer.closure_id", result.ClosureId); // clean precision-names
            return result;
        }
        catch (AccountNotFoundException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            throw;
        }
        catch (ProbateRequiredException ex)
        {
            logger.LogWarning(ex, "Transfer waits for probate"); // clean exceptions
            throw;
        }
    }
}
