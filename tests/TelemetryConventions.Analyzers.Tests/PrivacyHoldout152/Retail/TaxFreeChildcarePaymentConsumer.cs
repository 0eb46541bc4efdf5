namespace PrivacyHoldout152.Retail;

/// <summary>Allocates payments from parents' Tax-Free Childcare accounts, which arrive on a topic keyed by the childcare account reference.</summary>
public sealed class TaxFreeChildcarePaymentConsumer(
    IConsumer<string, TfcPayment> consumer,
    IFeesLedger ledger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<TaxFreeChildcarePaymentConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Nursery.TaxFreeChildcare");

    private readonly List<TfcPayment> unmatched = new();
    private decimal allocatedToday;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var payment = result.Message.Value;
            using var span = Source.StartNurseryfeesOperation("EY501234");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("messaging.kafka.partition", result.Partition);
            Activity.Current?.SetTag("tfc.payment_reference", payment.PaymentReference); // clean precision-names
            Activity.Current?.SetTag("tfc.amount", (double)payment.Amount);
            Activity.Current?.SetTag("tfc.account_reference", payment.ChildcareAccountReference); // leak TC1001 direct
            Activity.Current?.SetTag("tfc.account_reference_length", payment.ChildcareAccountReference.Length); // clean precision-about
            logger.LogInformation("TFC payment {Payment}", payment); // leak TC1001 logging-objects

            var account = await ledger.ByTfcReferenceAsync(payment.ChildcareAccountReference, stoppingToken);
            if (account is null)
            {
                unmatched.Add(payment);
                var unknown = new TfcReferenceUnknownException(payment.ChildcareAccountReference);
                span.RecordException(unknown); // clean exceptions
                logger.LogWarning("Unmatched TFC payment: {Error}", unknown.ToString()); // leak TC1001 exceptions
                logger.LogNurseryfeesOperationFailedEvent("EY501234", "unmatched", nurseryfeesNote: $"Payment {payment.PaymentReference} of {payment.Amount:0.00}"); // clean generated-api
                meter.CreateNurseryfeesPaymentsCounter().Add(1, "EY501234", "unmatched"); // clean generated-api
                continue;
            }

            await ledger.AllocateAsync(account.AccountNumber, payment.Amount, stoppingToken);
            allocatedToday += payment.Amount;
            span.SetNurseryfeesFamilyId(pseudonymizer.PseudonymizeNurseryfeesFamilyId(account.AccountNumber)); // clean precision-pseudonym
            span.SetNurseryfeesNote($"Allocated to {account.AccountNumber}"); // leak TC1001 generated-api
            Activity.Current?.SetTag("tfc.family", Pseudonym.FromComputed(account.AccountNumber).Value); // leak TC1001 precision-pseudonym
            Activity.Current?.SetTag("tfc.family_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.AccountNumber)))[..16]); // leak TC1002 hashes
            Activity.Current?.SetTag("tfc.family_partition", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(account.AccountNumber))[0] % 12); // clean hashes
            meter.CreateNurseryfeesPaymentDurationHistogram().Record((DateTimeOffset.UtcNow - payment.ReceivedAt).TotalSeconds, "EY501234"); // clean generated-api
            consumer.Commit(result);
        }
    }

    public void LogDay()
    {
        logger.LogInformation("Allocated {Amount} today", allocatedToday); // clean cross-member
        logger.LogInformation("{Count} TFC payments unmatched", unmatched.Count); // clean cross-member
        logger.LogInformation("Unmatched TFC payments: {Payments}", unmatched); // leak TC1001 cross-member
        logger.LogInformation("Unmatched TFC payments total {Amount}", unmatched.Sum(p => p.Amount)); // clean cross-member
    }
}
