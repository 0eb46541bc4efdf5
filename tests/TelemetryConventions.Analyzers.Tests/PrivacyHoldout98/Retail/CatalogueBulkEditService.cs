namespace PrivacyHoldout98.Retail;

/// <summary>
/// The merchandising back office: bulk price edits from an uploaded sheet, bulk cancellation of orders after a
/// fraud wave, and the finance export of refunds.
/// </summary>
public sealed class CatalogueBulkEditService(
    IBulkEditor editor,
    IExportWriter writer,
    AdminConsoleOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CatalogueBulkEditService> logger)
{
    private static readonly ActivitySource Source = new("Shop.BackOffice.Bulk");
    private static readonly Meter Meter = new("Shop.BackOffice.Bulk");
    private readonly ShopadminExportDurationHistogram _exportDuration = Meter.CreateShopadminExportDurationHistogram();

    public async Task RepriceAsync(string jobId, IReadOnlyDictionary<string, decimal> priceBySku, StaffPrincipal merchandiser)
    {
        using var span = Source.StartShopadminAdminAction("bulk_edit", "sku").SetShopadminBulkSize(priceBySku.Count); // clean generated-api
        logger.LogInformation("Reprice {JobId}: {Prices}", jobId, priceBySku); // clean logging-objects
        var result = await editor.ApplyAsync(new BulkEditRequest(jobId, "sku", "price", "sheet", priceBySku.Keys.ToList()));
        foreach (var error in result.Errors)
        {
            logger.LogWarning("Reprice row {Error}", error); // clean logging-objects
        }
        span.Activity?.SetTag("shop.bulk.failed_skus", string.Join(",", result.Errors.Select(e => e.Key))); // clean strings
        span.Activity?.SetTag("shop.bulk.merchandiser", merchandiser.Upn); // leak TC1001 direct
    }

    public async Task CancelOrdersAsync(string jobId, IReadOnlyList<(string OrderId, string CustomerNumber)> orders)
    {
        using var span = Source.StartShopadminAdminAction("bulk_cancel", "order").SetShopadminBulkSize(orders.Count); // clean generated-api
        span.Activity?.SetTag("shop.bulk.orders", string.Join(",", orders.Select(o => o.OrderId))); // clean strings
        span.Activity?.SetTag("shop.bulk.customers", string.Join(",", orders.Select(o => o.CustomerNumber).Distinct())); // leak TC1001 strings
        span.Activity?.SetTag("shop.bulk.distinct_customers", orders.Select(o => o.CustomerNumber).Distinct().Count()); // clean precision-about
        logger.LogWarning("Bulk cancel {JobId}: {Orders}", jobId, orders); // leak TC1001 logging-objects
        try
        {
            await editor.ApplyAsync(new BulkEditRequest(jobId, "order", "status", "cancelled", orders.Select(o => o.OrderId).ToList()));
        }
        catch (RowValidationException ex)
        {
            logger.LogWarning(ex, "Bulk cancel {JobId} stopped on an order", jobId); // clean exceptions
        }
        using var hmac = new HMACSHA256(secrets.ShardKey);
        foreach (var (orderId, customerNumber) in orders.Take(5))
        {
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(customerNumber)));
            logger.LogDebug("Cancelled {OrderId} for customer digest {Digest}", orderId, digest[..12]); // leak TC1002 hashes
            logger.LogDebug("Cancelled {OrderId} in shard {Shard}", orderId, hmac.ComputeHash(Encoding.UTF8.GetBytes(customerNumber))[0] % 8); // clean hashes
        }
    }

    public async Task ExportRefundsAsync(DateOnly day, StaffPrincipal financeAnalyst)
    {
        var request = new ExportRequest($"refunds-{day:yyyyMMdd}", "refunds", ["order_id", "amount", "method"], $"refunded_on = '{day:yyyy-MM-dd}'", financeAnalyst.Upn);
        using var span = Source.StartShopadminAdminAction("export", "refunds").SetShopadminExportDataset(request.Dataset); // clean generated-api
        var started = Stopwatch.GetTimestamp();
        var result = await writer.WriteAsync(request);
        _exportDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, request.Dataset); // clean generated-api
        logger.LogInformation("Refund export {ExportId} for {Analyst}: {Rows} rows", result.ExportId, financeAnalyst.DisplayName, result.Rows); // leak TC1001 direct
        logger.LogInformation("Refund export {ExportId} filter {Filter}", result.ExportId, request.Filter); // clean strings
    }
}
