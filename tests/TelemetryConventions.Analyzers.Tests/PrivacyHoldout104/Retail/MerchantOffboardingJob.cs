namespace PrivacyHoldout104.Retail;

/// <summary>
/// A shop that closes (or stops paying) is frozen, its customers' data exported for the merchant and, after
/// the retention period, purged; its final staff seats are billed.
/// </summary>
public sealed class MerchantOffboardingJob(
    ITenantExporter exporter,
    ITenantPurger purger,
    ISeatLedger seats,
    IBillingAccounts accounts,
    ICustomerService customers,
    IInvoiceService invoices,
    ILogger<MerchantOffboardingJob> logger)
{
    private static readonly ActivitySource Source = new("ShopKit.Offboarding");
    private static readonly Meter Meter = new("ShopKit.Offboarding");
    private static readonly ShopkitSeatsBilledCounter SeatsBilled = Meter.CreateShopkitSeatsBilledCounter();
    private static readonly Counter<long> Offboarded = Meter.CreateCounter<long>("shopkit.shops.offboarded");

    public async Task RunAsync(OffboardingRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartShopkitTenantAdmin(request.TenantId, "shopkit.shop.offboard");
        logger.LogInformation("Offboarding requested {@Request}", request); // leak TC1001 logging-objects
        Offboarded.Add(1, new KeyValuePair<string, object?>("reason", request.Reason)); // clean precision-names
        Offboarded.Add(1, new KeyValuePair<string, object?>("requested_by", request.RequestedByEmail)); // leak TC1003 cross-member

        var account = await accounts.ForTenantAsync(request.TenantId);
        if (account is not null)
        {
            var customer = await customers.GetAsync(account.CustomerId);
            span.Activity?.SetTag("shopkit.billing.customer_id", customer.Id); // clean precision-names
            span.Activity?.SetTag("shopkit.billing.customer", customer.ToString()); // leak TC1001 logging-objects
            var invoice = await invoices.UpcomingAsync(account.CustomerId);
            span.Activity?.SetTag("shopkit.invoice.lines", invoice.Lines.Count); // clean precision-about
            span.Activity?.SetTag("shopkit.invoice.email", invoice.CustomerEmail); // leak TC1001 cross-member
            var staff = await seats.ActiveSeatsAsync(request.TenantId);
            SeatsBilled.Add(staff.Count, request.TenantId, account.Plan, "final"); // clean generated-api
        }

        var export = await exporter.ExportAsync(request.TenantId, cancellationToken);
        span.Activity?.SetTag("shopkit.export.id", export.ExportId); // clean precision-names
        var customersCsv = await exporter.PreviewAsync(request.TenantId, "customers", 10);
        var emails = customersCsv.Split('\n').Skip(1).Select(line => line.Split(',')[1]).ToList();
        logger.LogInformation("Customers to notify: {Count}, domains {Domains}", emails.Count, string.Join(",", emails.Select(e => e.Split('@')[^1]).Distinct())); // clean precision-about
        logger.LogDebug("Customers to notify {Emails}", emails); // leak TC1001 logging-objects

        try
        {
            var purged = await purger.PurgeAsync(request.TenantId, cancellationToken);
            span.SetShopkitOutcome("purged").SetShopkitNote($"{purged.RowsDeleted} rows in {purged.Duration.TotalMinutes:F0} min"); // clean generated-api
        }
        catch (PurgeStepFailedException failed)
        {
            span.SetStatus(ActivityStatusCode.Error, failed.Message); // clean exceptions
        }
    }
}
