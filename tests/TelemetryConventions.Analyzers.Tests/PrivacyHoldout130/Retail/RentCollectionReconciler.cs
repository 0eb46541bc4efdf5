namespace PrivacyHoldout130.Retail;

/// <summary>
/// Daily: allocates rent received by open banking and standing order to the flats' tenancies, and works the
/// arrears list (letters at fourteen days, a visit by the store manager at thirty).
/// </summary>
public sealed class RentCollectionReconciler(IRentLedger ledger, IOptions<LettingsOptions> options, ILogger<RentCollectionReconciler> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Estates.Rent");
    private static readonly Meter Meter = new("Estates.Rent");
    private static readonly Counter<long> Unmatched = Meter.CreateCounter<long>("flats.rent.unmatched");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var payments = await ledger.GetPaymentsAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), stoppingToken);
        using var activity = Source.StartActivity("flats.rent.reconcile");
        activity?.SetTag("rent.payments", payments.Count); // clean precision-about
        activity?.SetTag("rent.received", payments.Sum(p => p.Amount)); // clean precision-about

        foreach (var payment in payments)
        {
            try
            {
                await ledger.AllocateAsync(payment, stoppingToken);
                logger.LogInformation("Payment {PaymentId} of {Amount} allocated to {TenancyRef}", payment.PaymentId, payment.Amount, payment.TenancyRef); // clean precision-names
            }
            catch (UnmatchedPaymentException ex)
            {
                Unmatched.Add(1, new KeyValuePair<string, object?>("reference.length", ex.Reference.Length)); // clean precision-about
                logger.LogWarning(ex, "Unmatched payment {PaymentId}", payment.PaymentId); // leak TC1001 exceptions
                logger.LogWarning("Unmatched payment {Payment}", payment); // leak TC1001 logging-objects
                activity?.AddEvent(new ActivityEvent("rent.unmatched", tags: new ActivityTagsCollection { ["payer"] = payment.PayerAccountName, ["sort_code"] = payment.PayerSortCode })); // leak TC1001 direct
            }
        }

        var arrears = await ledger.GetArrearsAsync(stoppingToken);
        var letters = arrears.Where(a => a.DaysInArrears >= options.Value.ArrearsDaysBeforeLetter).ToList();
        activity?.SetTag("rent.arrears.letters", letters.Count); // clean precision-about
        activity?.SetTag("rent.arrears.tenancies", string.Join(',', letters.Select(a => a.TenancyRef))); // clean precision-names
        foreach (var stage in letters.GroupBy(a => a.Stage))
        {
            logger.LogInformation("Arrears stage {Stage}: {Count} tenancies, {Balance} owed", stage.Key, stage.Count(), stage.Sum(a => a.Balance)); // clean precision-about
            Meter.CreateShopletsActionsCounter().Add(stage.Count(), "flats", shopletsOutcome: stage.Key); // clean generated-api
        }

        foreach (var payment in payments.Where(p => p.Amount > 2_000m))
        {
            logger.LogInformation("Large payment {PaymentId}: {Amount}, payer named {HasName}", payment.PaymentId, payment.Amount, payment.PayerAccountName.Length > 0); // clean precision-about
            activity?.SetTag("rent.large.payer.hash", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(payment.PayerAccountName)))); // leak TC1002 hashes
        }
    }
}
