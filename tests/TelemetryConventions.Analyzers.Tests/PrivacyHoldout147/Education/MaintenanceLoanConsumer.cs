namespace PrivacyHoldout147.Education;

/// <summary>Reads maintenance loan payments from the Student Loans Company feed (keyed by the SLC customer reference) and credits students' accounts.</summary>
public sealed class MaintenanceLoanConsumer(
    IConsumer<string, MaintenanceLoanPayment> consumer,
    IAccountLedger ledger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<MaintenanceLoanConsumer> logger) : BackgroundService
{
    private static readonly Meter LoanMeter = new("Bank.StudentLoans");
    private static readonly Counter<long> Credited = LoanMeter.CreateCounter<long>("studentacct.loans.credited");
    private static readonly Histogram<double> Amounts = LoanMeter.CreateHistogram<double>("studentacct.loans.amount", "GBP");
    private readonly Dictionary<string, decimal> _creditedThisTerm = new();
    private string _lastTerm = string.Empty;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var payment = result.Message.Value;
            using var activity = new Activity("studentacct.loan.credit").Start();
            activity.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity.SetTag("messaging.kafka.partition", result.Partition); // clean direct
            activity.SetTag("messaging.kafka.offset", result.Offset); // clean direct
            activity.SetTag("studentacct.loan.term", payment.Term); // clean direct
            activity.SetTag("studentacct.loan.payment_id", payment.PaymentId); // clean direct
            logger.LogInformation("Loan payment {@Payment}", payment); // leak TC1001 logging-objects
            logger.LogInformation("Loan payment {PaymentId} of {Amount} for {Term}", payment.PaymentId, payment.Amount, payment.Term); // clean logging-objects
            Amounts.Record((double)payment.Amount, new KeyValuePair<string, object?>("term", payment.Term)); // clean direct
            Credited.Add(1, new KeyValuePair<string, object?>("account", payment.AccountNumber)); // leak TC1003 direct

            var lane = SHA1.HashData(Encoding.UTF8.GetBytes(payment.SlcReference))[0] % 4;
            activity.SetTag("studentacct.loan.lane", lane); // leak TC1002 hashes
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(payment.SlcReference))[0] % 4;
            Credited.Add(0, new KeyValuePair<string, object?>("shard", shard)); // clean hashes

            _creditedThisTerm[payment.AccountNumber] = payment.Amount;
            _lastTerm = payment.Term;
            LoanLog.Credited(logger, payment.PaymentId, payment.AccountNumber); // clean logging-objects
            LoanLog.CreditedTo(logger, payment.PaymentId, payment.SlcReference); // leak TC1001 logging-objects
            activity.SetTag("studentacct.customer", pseudonymizer.ComputeStudentacctCustomerId(payment.AccountNumber)); // clean precision-pseudonym
            Credited.Add(0, new KeyValuePair<string, object?>("customer", pseudonymizer.PseudonymizeStudentacctCustomerId(payment.AccountNumber).Value)); // leak TC1003 precision-pseudonym
            consumer.Commit(result);
        }

        logger.LogInformation("Term {Term}: credited {Count} accounts", _lastTerm, _creditedThisTerm.Count); // clean cross-member
        logger.LogInformation("Credited this term: {Credited}", _creditedThisTerm); // leak TC1001 cross-member
        return Task.CompletedTask;
    }
}

internal static partial class LoanLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loan payment {PaymentId} credited to {AccountNumber}")]
    public static partial void Credited(ILogger logger, string paymentId, [PrivateData] string accountNumber);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loan payment {PaymentId} for SLC customer {SlcReference}")]
    public static partial void CreditedTo(ILogger logger, string paymentId, string slcReference);
}
