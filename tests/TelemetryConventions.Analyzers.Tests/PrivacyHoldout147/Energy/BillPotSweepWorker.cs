namespace PrivacyHoldout147.Energy;

/// <summary>On bill day, moves the monthly amount into each bill pot and pays the supplier from it.</summary>
public sealed class BillPotSweepWorker(
    IQueueReceiver<BillPotLink> due,
    IPotStore pots,
    ISupplierBillingClient suppliers,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BillPotSweepWorker> logger) : BackgroundService
{
    private readonly Counter<int> _shortPots = meter.CreateCounter<int>("billpot.short");
    private readonly HashSet<string> _unknownSupplyAccounts = new();
    private BillPotLink? _largestBill;
    private int _paid;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (await due.ReceiveAsync(stoppingToken) is { } link)
        {
            using var span = source.StartBillpotOperation(link.Supplier);
            span.SetBillpotHouseholdId(pseudonymizer.PseudonymizeBillpotHouseholdId(link.SupplyAccountNumber)); // clean generated-api
            Activity.Current?.SetTag("billpot.household", link.SupplyAccountNumber.GetHashCode()); // leak TC1002 hashes
            Activity.Current?.SetTag("billpot.partition", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(link.SupplyAccountNumber)))[..4]); // clean hashes
            if (_largestBill is null || link.MonthlyAmount > _largestBill.MonthlyAmount)
            {
                _largestBill = link;
            }

            try
            {
                await pots.MoveAsync(link.PotId, link.MonthlyAmount, stoppingToken);
                var reference = await suppliers.PayAsync(link.Supplier, link.SupplyAccountNumber, link.MonthlyAmount, stoppingToken);
                Activity.Current?.SetTag("billpot.payment_reference", reference); // clean direct
                span.SetBillpotOutcome("paid"); // clean generated-api
                _paid++;
            }
            catch (PotShortfallException ex)
            {
                logger.LogWarning(ex, "Pot short for {Supplier}", link.Supplier); // clean exceptions
                _shortPots.Add(1, new KeyValuePair<string, object?>("supplier", link.Supplier)); // clean direct
                _shortPots.Add(1, new KeyValuePair<string, object?>("mpan", link.Mpan)); // leak TC1003 direct
                meter.CreateBillpotPaymentsCounter().Add(1, billpotSupplier: link.Supplier, billpotOutcome: "short"); // clean generated-api
            }
            catch (SupplyAccountUnknownException ex)
            {
                _unknownSupplyAccounts.Add(link.SupplyAccountNumber);
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                logger.LogBillpotOperationFailedEvent(link.Supplier, "unknown-account", billpotNote: ex.GetType().Name); // clean exceptions
                logger.LogBillpotOperationFailedEvent(link.Supplier, "unknown-account", billpotCustomerId: pseudonymizer.PseudonymizeBillpotCustomerId(link.SupplyAccountNumber), billpotNote: ex.Message); // leak TC1001 generated-api
            }
        }

        meter.CreateBillpotSweepDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, billpotSupplier: "all"); // clean generated-api
        logger.LogInformation("Sweep paid {Paid} bills; {Unknown} supply accounts unknown", _paid, _unknownSupplyAccounts.Count); // clean cross-member
        logger.LogWarning("Supply accounts unknown to suppliers: {Accounts}", _unknownSupplyAccounts); // leak TC1001 cross-member
        logger.LogInformation("Largest bill {@Bill}", _largestBill); // leak TC1001 cross-member
        logger.LogInformation("Largest bill {Amount} to {Supplier}", _largestBill?.MonthlyAmount, _largestBill?.Supplier); // clean cross-member
    }
}
