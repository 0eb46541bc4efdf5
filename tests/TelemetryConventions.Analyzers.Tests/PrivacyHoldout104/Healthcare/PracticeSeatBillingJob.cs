namespace PrivacyHoldout104.Healthcare;

/// <summary>
/// Nightly: counts each practice's active clinician seats and reports them to billing as the quantity of
/// the practice's per-seat subscription item; also processes practices that are leaving the platform.
/// </summary>
public sealed class PracticeSeatBillingJob(
    IMultiTenantStore<TenantInfo> tenants,
    ISeatLedger seats,
    IBillingAccounts accounts,
    IUsageRecordService usage,
    ICustomerService customers,
    ITenantExporter exporter,
    ITenantPurger purger,
    TelemetrySecrets secrets,
    ILogger<PracticeSeatBillingJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("ClinicDesk.Billing");
    private static readonly Meter Meter = new("ClinicDesk.Billing");
    private static readonly ClinicdeskSeatsBilledCounter SeatsBilled = Meter.CreateClinicdeskSeatsBilledCounter();
    private static readonly Histogram<double> PurgeSeconds = Meter.CreateHistogram<double>("clinicdesk.offboarding.purge.duration", "s");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var tenant in await tenants.GetAllAsync())
        {
            await BillAsync(tenant);
        }
    }

    private async Task BillAsync(TenantInfo tenant)
    {
        using var span = Source.StartClinicdeskTenantAdmin(tenant.Id);
        var account = await accounts.ForTenantAsync(tenant.Id);
        if (account is null)
        {
            return;
        }

        var active = await seats.ActiveSeatsAsync(tenant.Id);
        span.SetClinicdeskSeatCount(active.Count); // clean generated-api
        logger.LogDebug("Billing {Count} seats of SKUs {Skus} for practice {TenantId}", active.Count, string.Join(",", active.Select(s => s.Sku).Distinct()), tenant.Id); // clean precision-about
        logger.LogDebug("Seat holders {Holders}", string.Join(", ", active.Select(s => s.Email))); // leak TC1001 strings

        try
        {
            var record = await usage.CreateAsync(account.SubscriptionItemId, new UsageRecordCreateOptions { Quantity = active.Count, Timestamp = DateTime.UtcNow, Action = "set" });
            logger.LogInformation("Reported usage {UsageRecord}", record); // clean logging-objects
            SeatsBilled.Add(active.Count, tenant.Id, tenant.Plan, "billed"); // clean generated-api
        }
        catch (StripeException ex) when (ex.StripeError.Code == "resource_missing")
        {
            span.RecordException(ex, includeMessage: true).SetClinicdeskOutcome("missing_item"); // clean exceptions
            var customer = await customers.GetAsync(account.CustomerId);
            logger.LogError("Subscription item missing for customer {Customer}", customer); // leak TC1001 logging-objects
            logger.LogError("Billing contact domain {Domain}", customer.Email?.Split('@').Last()); // clean precision-about
            SeatsBilled.Add(0, tenant.Id, tenant.Plan, "missing_item"); // clean generated-api
        }

        var newest = active.OrderByDescending(s => s.AssignedAt).FirstOrDefault();
        if (newest is not null)
        {
            span.Activity?.SetTag("clinicdesk.seat.newest", newest); // leak TC1001 logging-objects
            span.Activity?.SetTag("clinicdesk.seat.newest_sku", newest.Sku); // clean precision-names
            var sample = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(newest.UserId)))[..12];
            span.Activity?.SetTag("clinicdesk.seat.newest_holder", sample); // leak TC1002 hashes
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(newest.UserId))[0] % 8;
            span.Activity?.SetTag("clinicdesk.seat.lane", lane); // clean hashes
        }
    }

    public async Task OffboardAsync(OffboardingRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartClinicdeskTenantAdmin(request.TenantId, "clinicdesk.tenant.offboard");
        Baggage.SetBaggage("offboarding.request", request.RequestId); // clean precision-names
        Baggage.SetBaggage("offboarding.requested_by", request.RequestedByEmail); // leak TC1001 cross-member
        logger.LogInformation("Offboarding {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Offboarding {RequestId} of practice {TenantId} for {Reason}, retained until {RetainUntil}", request.RequestId, request.TenantId, request.Reason, request.RetainUntil); // clean precision-names

        var export = await exporter.ExportAsync(request.TenantId, cancellationToken);
        logger.LogInformation("Exported practice data {Export}", export); // clean logging-objects
        var preview = await exporter.PreviewAsync(request.TenantId, "patients", 3);
        logger.LogDebug("Patients export preview: {Preview}", preview); // leak TC1001 strings

        try
        {
            var result = await purger.PurgeAsync(request.TenantId, cancellationToken);
            PurgeSeconds.Record(result.Duration.TotalSeconds, new KeyValuePair<string, object?>("clinicdesk.tenant.region", "uk-south")); // clean precision-names
            span.SetClinicdeskOutcome("purged").SetClinicdeskNote($"{result.TablesPurged} tables, {result.RowsDeleted} rows, {result.BlobsDeleted} blobs"); // clean generated-api
        }
        catch (LegalHoldException hold)
        {
            span.SetStatus(ActivityStatusCode.Error, hold.Message); // clean exceptions
        }
    }
}
