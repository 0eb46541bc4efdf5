namespace PrivacyHoldout177.Energy;

/// <summary>The gRPC service agents use to set debt recovery rates on prepayment meters and to sell old closed-account debt.</summary>
public sealed class PrepaymentDebtRecoveryService(
    Pseudonymizer pseudonymizer,
    IPurchaserDrop drop,
    ILogger<PrepaymentDebtRecoveryService> logger,
    CollectionsOptions options)
{
    private static readonly ActivitySource Source = new("Supplier.Collections.Prepayment");
    private static readonly Meter Meter = new("Supplier.Collections.Prepayment");
    private static readonly Histogram<double> RecoveryRate = Meter.CreateHistogram<double>("prepayment.recovery.rate", "GBP/week");

    public Task<string> SetRecoveryRate(MeterDebt debt, IncomeExpenditure assessment, ServerCallContext context)
    {
        using var span = Source.StartSupplyarrearsOperation("prepayment");
        span.Activity?.SetTag("rpc.method", context.Method); // clean precision-names
        span.Activity?.SetTag("client.address", context.Peer); // leak TC1001 direct
        span.Activity?.SetTag("prepayment.debt", debt.Debt); // clean precision-about
        span.Activity?.SetTag("prepayment.rate", debt.WeeklyRecoveryRate); // clean precision-about
        span.Activity?.SetTag("ie.disposable", assessment.Disposable); // clean precision-about
        RecoveryRate.Record((double)debt.WeeklyRecoveryRate, new KeyValuePair<string, object?>("meter", debt.MeterSerial)); // leak TC1003 direct
        RecoveryRate.Record((double)debt.WeeklyRecoveryRate, new KeyValuePair<string, object?>("model", debt.MeterSerial[..3])); // clean precision-about
        logger.LogInformation("Rate set by {AgentEmail}", context.RequestHeaders["x-agent-email"]); // leak TC1001 direct
        span.SetSupplyarrearsNote("Rate set for meter " + debt.MeterSerial); // leak TC1001 generated-api
        logger.LogInformation("Recovery rate set {Debt}", debt); // leak TC1001 logging-objects
        logger.LogInformation("Recovery rate {Rate} on debt {Debt}", debt.WeeklyRecoveryRate, debt.Debt); // clean precision-about
        if (debt.WeeklyRecoveryRate > assessment.Disposable / 4)
        {
            var ex = new PlanUnaffordableException(assessment.Disposable, debt.WeeklyRecoveryRate);
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            throw new RpcException("FAILED_PRECONDITION", "Recovery rate above the affordable amount");
        }
        return Task.FromResult("ok");
    }

    public async Task SellClosedAccounts(IReadOnlyList<DebtSaleRow> rows, ServerCallContext context)
    {
        var batch = new DebtSaleBatch($"DS-{DateTime.UtcNow:yyyyMMdd}", options.DebtPurchaser, rows.Count, rows.Sum(r => r.Balance));
        using var span = Source.StartSupplyarrearsOperation("debt-sale");
        span.SetSupplyarrearsItemCount(batch.Accounts); // clean generated-api
        span.SetSupplyarrearsStage("sold"); // clean precision-about
        span.Activity?.SetTag("sale.purchaser", batch.Purchaser); // clean precision-names
        span.Activity?.SetTag("sale.face_value", batch.FaceValue); // clean precision-about
        logger.LogInformation("Selling {Batch}", batch); // clean logging-objects
        try
        {
            await drop.UploadAsync(batch.BatchId, rows, context.CancellationToken);
        }
        catch (PurchaserRejectedException rejected)
        {
            span.RecordException(rejected, includeMessage: true); // clean exceptions
            logger.LogError(rejected, "Batch {BatchId} rejected", rejected.BatchId); // clean exceptions
            var first = rows[0];
            logger.LogError("First row of the rejected batch: {Row}", first); // leak TC1001 logging-objects
            logger.LogSupplyarrearsOperationFailedEvent("debt-sale", "rejected", pseudonymizer.PseudonymizeSupplyarrearsDebtorId(first.AccountNumber), $"Rejected at {first.FullName}"); // leak TC1001 generated-api
            logger.LogSupplyarrearsOperationFailedEvent("debt-sale", "rejected", null, $"Rejected {rejected.BatchId}"); // clean generated-api
        }
        foreach (var row in rows.Where(r => r.Balance > 10_000m))
        {
            span.Activity?.AddEvent(new ActivityEvent("sale.large_balance", tags: new ActivityTagsCollection { ["address"] = row.LastKnownAddress })); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("sale.large_balance", tags: new ActivityTagsCollection { ["balance"] = row.Balance })); // clean precision-about
        }
        span.Activity?.AddBaggage("sale.batch", batch.BatchId); // clean precision-names
    }
}
