namespace PrivacyHoldout191.Energy;

/// <summary>An energy supplier's engineering scholarships: payment instalments from a topic keyed by the scholar's student number.</summary>
public sealed partial class ScholarshipPaymentConsumer(
    IConsumer<string, PaymentInstalment> consumer,
    IPaymentsGateway payments,
    IFundingStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<ScholarshipPaymentConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.Scholarships");
    private readonly Counter<long> _paid = meter.CreateCounter<long>("scholarship.instalments.paid");
    private readonly Histogram<double> _amounts = meter.CreateHistogram<double>("scholarship.instalment.amount");
    private string _currentScholar = string.Empty;
    private int _processed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            _currentScholar = result.Message.Key;
            _processed++;
            using var activity = Source.StartActivity("scholarship.instalment");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            await HandleAsync(result.Message.Value, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(PaymentInstalment instalment, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var op = Source.StartWattscholarOperation("scholarship-payments");
        op.SetWattscholarStudentId(pseudonymizer.PseudonymizeWattscholarStudentId(_currentScholar)); // clean generated-api
        op.SetWattscholarInstalments(instalment.Number); // clean generated-api
        op.SetWattscholarScheme("engineering-scholarship"); // clean generated-api
        op.SetWattscholarStudentId(Pseudonym.FromComputed(_currentScholar)); // leak TC1001 generated-api
        Activity.Current?.SetTag("scholarship.scholar", _currentScholar); // leak TC1001 cross-member
        Activity.Current?.SetTag("scholarship.processed", _processed); // clean cross-member
        Activity.Current?.SetTag("scholarship.payment.id", instalment.PaymentId); // clean precision-names
        Activity.Current?.SetTag("scholarship.account.number", instalment.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("scholarship.account.last2", instalment.AccountNumber[^2..]); // clean precision-about
        Activity.Current?.SetTag("scholarship.account.holder", instalment.AccountHolderName); // leak TC1001 direct
        Activity.Current?.SetTag("scholarship.due", instalment.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
        _amounts.Record((double)instalment.Amount, new KeyValuePair<string, object?>("instalment", instalment.Number)); // clean precision-about
        _amounts.Record((double)instalment.Amount, new KeyValuePair<string, object?>("scholar", _currentScholar)); // leak TC1003 cross-member

        var bankKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(instalment.SortCode + instalment.AccountNumber)));
        logger.LogInformation("Paying to bank key {BankKey}", bankKey); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var shard = hmac.ComputeHash(Encoding.UTF8.GetBytes(_currentScholar))[0] % 16;
        Activity.Current?.SetTag("scholarship.shard", shard); // clean hashes
        Activity.Current?.SetTag("scholarship.bucket", _currentScholar.GetHashCode() % 64); // leak TC1002 hashes

        try
        {
            var paid = await payments.PayAsync(instalment, cancellationToken);
            _paid.Add(1, new KeyValuePair<string, object?>("status", paid.Status)); // clean precision-names
            LogPaid(logger, paid.PaymentReference, instalment.AccountHolderName); // clean logging-objects
            LogPaidUnclassified(logger, paid.PaymentReference, instalment.AccountHolderName); // leak TC1001 logging-objects
            op.SetWattscholarOutcome(paid.Status); // clean generated-api
        }
        catch (BankDetailsRejectedException ex)
        {
            op.RecordException(ex); // clean generated-api
            logger.LogWattscholarOperationFailedEvent("scholarship-payments", "bank-rejected", pseudonymizer.PseudonymizeWattscholarStudentId(_currentScholar), ex.Message); // leak TC1001 generated-api
            logger.LogWarning("Bank rejected instalment: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Bank rejected instalment of type {Type}", ex.GetType().Name); // clean exceptions
        }
        catch (PaymentRunFailedException ex)
        {
            op.RecordException(ex, "payment run failed"); // clean generated-api
            logger.LogWattscholarOperationFailedEvent("scholarship-payments", "run-failed", pseudonymizer.PseudonymizeWattscholarStudentId(_currentScholar), ex.Message); // clean generated-api
            logger.LogError(ex, "Payment run failed for instalment {Number}", instalment.Number); // clean exceptions
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        meter.CreateWattscholarOperationDurationHistogram().Record(elapsed, "scholarship-payments"); // clean generated-api
        meter.CreateWattscholarOperationsCounter().Add(1, "scholarship-payments", _currentScholar); // leak TC1003 generated-api
    }

    public async Task ReportScheduleAsync(string applicationId, CancellationToken cancellationToken)
    {
        var schedule = await store.GetScheduleAsync(applicationId, cancellationToken);
        var plan = new PaymentSchedule($"SCH-{applicationId}", "engineering-scholarship", "2025/26", schedule.Count, schedule.Sum(i => i.Amount));
        logger.LogInformation("Schedule {Schedule}", plan); // clean logging-objects
        var lines = new StringBuilder();
        foreach (var instalment in schedule)
        {
            lines.Append(instalment.DueDate).Append(' ').Append(instalment.Amount).Append("; ");
        }

        logger.LogInformation("Schedule lines {Lines}", lines.ToString()); // clean strings
        var payees = new StringBuilder();
        foreach (var instalment in schedule)
        {
            payees.AppendFormat(CultureInfo.InvariantCulture, "{0} {1}; ", instalment.AccountHolderName, instalment.AccountNumber);
        }

        Activity.Current?.SetTag("scholarship.payees", payees.ToString()); // leak TC1001 strings
        var bank = await payments.GetBankDetailsAsync(_currentScholar, cancellationToken);
        logger.LogInformation("Bank details on file {Details}", bank); // clean logging-objects
        logger.LogInformation("Bank details on file {@Details}", bank); // leak TC1001 logging-objects
        Activity.Current?.SetTag("scholarship.bank", bank?.BankName); // clean precision-about
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Paid {PaymentReference} to {AccountHolder}")]
    private static partial void LogPaid(ILogger logger, string paymentReference, [PrivateData] string accountHolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paid (unclassified) {PaymentReference} to {AccountHolder}")]
    private static partial void LogPaidUnclassified(ILogger logger, string paymentReference, string accountHolder);
}
