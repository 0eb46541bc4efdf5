namespace PrivacyHoldout104.Energy;

/// <summary>
/// When a supplier leaves SupplyOS (or fails and its customers move to a supplier of last resort), the
/// worker exports its households, bills the final seats and purges the tenant.
/// </summary>
public sealed class SupplierOffboardingWorker(
    IQueueReceiver<OffboardingRequest> queue,
    ITenantExporter exporter,
    ITenantPurger purger,
    ISeatLedger seats,
    IBillingAccounts accounts,
    IInvoiceService invoices,
    ILogger<SupplierOffboardingWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("SupplyOS.Offboarding");
    private static readonly Meter Meter = new("SupplyOS.Offboarding");
    private static readonly SupplyosSeatsBilledCounter SeatsBilled = Meter.CreateSupplyosSeatsBilledCounter();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }

            using var span = Source.StartSupplyosTenantAdmin(request.TenantId, "supplyos.supplier.offboard");
            span.Activity?.SetTag("supplyos.offboarding.reason", request.Reason); // clean precision-names
            span.Activity?.SetTag("supplyos.offboarding.requested_by", request.RequestedByEmail); // leak TC1001 cross-member

            var export = await exporter.ExportAsync(request.TenantId, stoppingToken);
            span.Activity?.AddEvent(new ActivityEvent("supplyos.export.done", tags: new ActivityTagsCollection { ["export.id"] = export.ExportId, ["rows"] = export.Rows, ["bytes"] = export.Bytes })); // clean precision-about
            var preview = await exporter.PreviewAsync(request.TenantId, "accounts", 5);
            var header = preview.Split('\n')[0];
            logger.LogInformation("Accounts export columns {Header}", header); // clean strings
            logger.LogDebug("Accounts export first rows {Preview}", preview); // leak TC1001 strings

            var released = await seats.ActiveSeatsAsync(request.TenantId);
            var account = await accounts.ForTenantAsync(request.TenantId);
            if (account is not null)
            {
                var invoice = await invoices.UpcomingAsync(account.CustomerId);
                logger.LogInformation("Final invoice {Invoice}", invoice); // leak TC1001 logging-objects
                logger.LogInformation("Final invoice {InvoiceId}: {Amount} {Currency} for {Seats} seats", invoice.Id, invoice.AmountDue, invoice.Currency, released.Count); // clean precision-names
                SeatsBilled.Add(released.Count, request.TenantId, account.Plan, "final"); // clean generated-api
            }

            foreach (var seat in released)
            {
                try
                {
                    await seats.ReleaseAsync(seat.SeatId);
                    logger.LogDebug("Released {Seat}", seat); // leak TC1001 logging-objects
                }
                catch (Exception ex)
                {
                    var failed = new UserDeprovisionException(seat.Email, ex.Message);
                    span.Activity?.AddException(failed); // leak TC1001 exceptions
                    logger.LogWarning("Seat {SeatId} not released: {Error}", seat.SeatId, ex.GetType().Name); // clean exceptions
                }
            }

            try
            {
                var purged = await purger.PurgeAsync(request.TenantId, stoppingToken);
                logger.LogInformation("Purged {Result}", purged); // clean logging-objects
            }
            catch (LegalHoldException hold)
            {
                logger.LogWarning(hold, "Supplier {SupplierId} kept under hold {HoldId}", request.TenantId, hold.HoldId); // clean exceptions
            }
        }
    }
}
