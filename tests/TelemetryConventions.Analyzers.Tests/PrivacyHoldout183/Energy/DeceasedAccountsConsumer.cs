namespace PrivacyHoldout183.Energy;

/// <summary>The supplier's bereavement team: consumes death notifications (a topic keyed by account number), freezes the account, takes the executor's details and issues the final bill.</summary>
public sealed partial class DeceasedAccountsConsumer(
    ActivitySource source,
    Meter meter,
    ILogger<DeceasedAccountsConsumer> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IConsumer<string, DeceasedAccount> consumer,
    IProbateRegistry probate,
    BereavementOptions options) : BackgroundService
{
    private readonly Counter<long> _closures = meter.CreateCounter<long>("estate.account_closures");
    private readonly Histogram<double> _balances = meter.CreateHistogram<double>("estate.final_balance", "GBP");
    private readonly EstateaccountsOperationsCounter _operations = meter.CreateEstateaccountsOperationsCounter();
    private readonly EstateaccountsOperationDurationHistogram _duration = meter.CreateEstateaccountsOperationDurationHistogram();
    private readonly HashSet<string> _unverifiedExecutors = new();
    private int _probateReferrals;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var account = result.Message.Value;
            using var span = source.StartEstateaccountsOperation(options.Office);
            span.SetEstateaccountsCustomerId(pseudonymizer.PseudonymizeEstateaccountsCustomerId(account.AccountNumber)); // clean precision-pseudonym
            span.SetEstateaccountsCaseKind("closure"); // clean precision-names
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-about
            span.Activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            span.Activity?.SetTag("estate.meter_serial", account.MeterSerial); // leak TC1001 direct
            span.Activity?.SetTag("estate.meter_model", account.MeterSerial[..3]); // clean precision-about
            span.Activity?.SetTag("estate.supply_address", account.SupplyAddress); // leak TC1001 direct
            span.Activity?.SetTag("estate.holder_name", account.HolderName); // leak TC1001 direct
            span.Activity?.SetTag("estate.balance_in_credit", account.Balance > 0); // clean precision-about
            span.Activity?.SetTag("estate.customer", Pseudonym.FromComputed(account.AccountNumber).Value); // leak TC1001 precision-pseudonym
            _closures.Add(1, new KeyValuePair<string, object?>("office", options.Office)); // clean precision-about
            _closures.Add(1, new KeyValuePair<string, object?>("account", account.AccountNumber)); // leak TC1003 direct
            _closures.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.PseudonymizeEstateaccountsCustomerId(account.AccountNumber).Value)); // leak TC1003 precision-pseudonym
            _balances.Record((double)account.Balance, new KeyValuePair<string, object?>("in_credit", account.Balance > 0)); // clean precision-about
            var serialKey = BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(account.MeterSerial)));
            span.Activity?.SetTag("estate.meter_ref", serialKey); // leak TC1002 hashes
            span.Activity?.SetTag("estate.lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(account.AccountNumber))[1] % 8); // clean hashes
            span.Activity?.SetTag("estate.dedupe", account.AccountNumber.GetHashCode()); // leak TC1002 hashes
            logger.LogInformation("Account frozen {Account}", account); // leak TC1001 logging-objects
            logger.LogInformation("Account frozen {Account}", account with { MeterSerial = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Account frozen, holder name {Length} chars, balance {Balance}", account.HolderName.Length, account.Balance); // clean precision-about

            var caseId = $"EST-{result.Offset}";
            try
            {
                var executor = await probate.ExecutorAsync(caseId, stoppingToken);
                if (executor is null)
                {
                    span.SetEstateaccountsOutcome("awaiting-executor"); // clean generated-api
                    continue;
                }

                span.Activity?.SetTag("executor.role", executor.Role); // clean precision-about
                span.Activity?.SetTag("executor.email", executor.Email); // leak TC1001 direct
                span.Activity?.SetTag("executor.record", pseudonymizer.ComputeEstateaccountsCustomerId(executor.ExecutorId)); // clean precision-pseudonym
                span.Activity?.SetTag("executor.email_given", executor.Email.Length > 0); // clean precision-about
                LogExecutorRecorded(logger, executor.FullName, executor.Role); // clean logging-objects
                LogExecutorPhone(logger, executor.Phone, caseId); // leak TC1001 logging-objects
                logger.LogInformation("Executor {@Executor} on case {CaseId}", executor, caseId); // leak TC1001 logging-objects
                var salutation = "Dear " + executor.FullName + ",";
                span.SetEstateaccountsNote(salutation); // leak TC1001 generated-api
                span.SetEstateaccountsNote($"Executor role {executor.Role} on {caseId}"); // clean generated-api
                if (!await probate.GrantExistsAsync(account.HolderName, DateOnly.FromDateTime(DateTime.UtcNow), stoppingToken))
                {
                    _unverifiedExecutors.Add(executor.FullName);
                    throw new ExecutorNotVerifiedException(executor.FullName);
                }

                if (account.Balance > options.SmallEstateThreshold)
                {
                    _probateReferrals++;
                    throw new ProbateRequiredException(caseId, options.SmallEstateThreshold);
                }

                var bill = new FinalBill($"FB-{caseId}", "south-west", account.Balance, 12);
                logger.LogInformation("Final bill {@Bill}", bill); // clean logging-objects
                span.SetEstateaccountsOutcome("billed"); // clean generated-api
            }
            catch (ExecutorNotVerifiedException ex)
            {
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                span.SetEstateaccountsNote(ex.Message); // leak TC1001 exceptions
                logger.LogEstateaccountsOperationFailedEvent(options.Office, "unverified", pseudonymizer.PseudonymizeEstateaccountsCustomerId(account.AccountNumber)); // clean generated-api
                span.Activity?.SetTag("estate.unverified_count", _unverifiedExecutors.Count); // clean cross-member
                span.Activity?.SetTag("estate.unverified", string.Join(",", _unverifiedExecutors)); // leak TC1001 cross-member
            }
            catch (ProbateRequiredException ex)
            {
                span.Activity?.AddException(ex); // clean exceptions
                logger.LogWarning(ex, "Probate needed, {Referrals} referrals so far", _probateReferrals); // clean exceptions
                span.SetEstateaccountsNote(ex.Message); // clean generated-api
            }
            finally
            {
                _operations.Add(1, options.Office, "processed"); // clean generated-api
                _operations.Add(1, options.Office, account.AccountNumber); // leak TC1003 generated-api
                _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Office); // clean generated-api
            }
        }
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Executor {ExecutorName} recorded as {Role}")]
    private static partial void LogExecutorRecorded(ILogger logger, [PrivateData] string executorName, string role);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Executor reachable on {Phone} for {CaseId}")]
    private static partial void LogExecutorPhone(ILogger logger, string phone, string caseId);
}
