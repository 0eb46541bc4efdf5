namespace PrivacyHoldout75.Retail;

public sealed record OrderRow(string OrderId, string CustomerNumber, string StoreCode, decimal Total, string Currency, DateOnly Day);

public interface IOrderSource
{
    string Name { get; }

    /// <summary>A day's orders keyed by order id.</summary>
    Task<IReadOnlyDictionary<string, OrderRow>> ForDayAsync(DateOnly day, CancellationToken cancellationToken);
}

public interface ILedgerPoster
{
    /// <summary>
    /// Posts an order to the finance ledger. Throws <see cref="IdempotencyConflictException"/> (the
    /// key) when the key was already posted with another amount.
    /// </summary>
    Task PostAsync(OrderRow order, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>
/// Daily reconciliation of the order management system against the finance ledger, by order id;
/// orders missing from the ledger are reposted when <c>ledger-auto-repost</c> is on.
/// </summary>
public sealed class OrderLedgerReconciliation(
    IOrderSource oms,
    IOrderSource ledger,
    ILedgerPoster poster,
    IFeatureFlags flags,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<OrderLedgerReconciliation> logger)
{
    private readonly Counter<long> _reposted = meter.CreateCounter<long>("ledger.orders.reposted", "{order}");
    private readonly Histogram<double> _unposted = meter.CreateHistogram<double>("ledger.unposted.amount", "GBP");
    private readonly Dictionary<string, decimal> _unpostedByCustomer = new(StringComparer.Ordinal);

    public async Task RunAsync(string runId, DateOnly day, CancellationToken cancellationToken)
    {
        using var span = source.StartCustmdmRun(runId);
        var orders = await oms.ForDayAsync(day, cancellationToken);
        var posted = await ledger.ForDayAsync(day, cancellationToken);
        var report = Reconciler.Compare($"orders:{day:yyyy-MM-dd}", orders, posted, (a, b) => a.Total == b.Total);
        span.SetCustmdmRecords(report.SourceCount).SetCustmdmMismatches(report.Mismatched.Count);
        logger.LogInformation("Ledger reconciliation {Report}", report); // clean logging-objects
        logger.LogWarning("Orders not in the ledger: {OrderIds}", report.MissingInTarget); // clean logging-objects
        logger.LogWarning("Ledger entries with no order: {OrderIds}", string.Join(",", report.MissingInSource)); // clean precision-about

        var customers = report.MissingInTarget.Select(id => orders[id].CustomerNumber).Distinct().ToList();
        logger.LogWarning("Customers with unposted orders: {Customers}", customers); // leak TC1001 logging-objects

        foreach (var id in report.MissingInTarget)
        {
            var order = orders[id];
            _unpostedByCustomer[order.CustomerNumber] = _unpostedByCustomer.GetValueOrDefault(order.CustomerNumber) + order.Total;
            if (!flags.IsEnabled("ledger-auto-repost"))
            {
                continue;
            }
            var key = $"repost:{order.OrderId}";
            try
            {
                await poster.PostAsync(order, key, cancellationToken);
                _reposted.Add(1, new KeyValuePair<string, object?>("store", order.StoreCode)); // clean precision-about
                Activity.Current?.SetTag("ledger.repost_key", key); // clean precision-about
            }
            catch (IdempotencyConflictException ex)
            {
                logger.LogWarning(ex, "Repost of {OrderId} refused", order.OrderId); // clean exceptions
            }
        }

        foreach (var id in report.Mismatched)
        {
            var (ours, theirs) = (orders[id], posted[id]);
            logger.LogWarning("Order {OrderId} total differs: {OmsTotal} vs {LedgerTotal}", id, ours.Total, theirs.Total); // clean precision-about
            logger.LogCustmdmMismatchEvent("total-equal", "differs", pseudonymizer.PseudonymizeCustmdmCustomerId(ours.CustomerNumber), custmdmNote: $"order {id}: {ours.Total} vs {theirs.Total} {ours.Currency}"); // clean precision-pseudonym
            logger.LogCustmdmMismatchEvent("total-equal", "differs", custmdmNote: $"customer {ours.CustomerNumber} order {id}"); // leak TC1001 generated-api
        }
        meter.CreateCustmdmRecordsCounter().Add(report.MissingInTarget.Count, "unposted", custmdmStore: ledger.Name); // clean generated-api
    }

    public void PublishUnposted()
    {
        foreach (var (customer, amount) in _unpostedByCustomer)
        {
            _unposted.Record((double)amount, new KeyValuePair<string, object?>("customer", customer)); // leak TC1003 cross-member
        }
        logger.LogInformation("Largest unposted balance {Amount}", _unpostedByCustomer.Count == 0 ? 0 : _unpostedByCustomer.Values.Max()); // clean precision-about
        logger.LogInformation("Unposted balances {Balances}", _unpostedByCustomer); // leak TC1001 cross-member
    }

    public async Task RepostRefundAsync(OrderRow order, CancellationToken cancellationToken)
    {
        var key = $"refund:{order.CustomerNumber}:{order.OrderId}";
        try
        {
            await poster.PostAsync(order with { Total = -order.Total }, key, cancellationToken);
        }
        catch (IdempotencyConflictException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Refund repost conflict ({ExceptionType})", ex.GetType().Name); // clean exceptions
            return;
        }
        logger.LogInformation("Refund reposted with key {IdempotencyKey}", key); // leak TC1001 strings
        Activity.Current?.SetTag(CustmdmAttributes.CustomerId, pseudonymizer.PseudonymizeCustmdmCustomerId(order.CustomerNumber).Value); // clean precision-pseudonym
    }
}
