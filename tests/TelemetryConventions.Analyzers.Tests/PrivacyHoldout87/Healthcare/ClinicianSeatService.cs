namespace PrivacyHoldout87.Healthcare;

/// <summary>
/// Clinician seats on the trust's clinical apps. Each department or partner organisation is a
/// tenant that buys seats of an app licence (EPR, e-prescribing, PACS viewer) and assigns them to
/// named clinicians; a seat is held by the clinician's NHS.net email.
/// </summary>
public sealed partial class ClinicianSeatService(
    ITenantStore tenants,
    ISeatStore seats,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ClinicianSeatService> logger)
{
    private static readonly ActivitySource Source = new("Trust.Tenancy.Seats");

    private readonly Counter<long> _seatChanges = meter.CreateCounter<long>("trust.seat.changes", "{seat}");
    private string? _lastRefusedClinician;

    public async Task<SeatLicence?> AssignAsync(string tenantId, string sku, TenantMember clinician, CancellationToken ct)
    {
        var tenant = await tenants.FindAsync(tenantId, ct) ?? throw new InvalidOperationException($"Unknown tenant {tenantId}");
        using var span = Source.StartTrustseatsSeatAssign(tenant.TenantId);
        span.SetTrustseatsTenantPlan(tenant.Plan.ToString().ToLowerInvariant()); // clean precision-about
        span.SetTrustseatsSeatSku(sku); // clean precision-about
        span.SetTrustseatsClinicianId(pseudonymizer.PseudonymizeTrustseatsClinicianId(clinician.MemberId)); // clean precision-pseudonym
        span.SetTrustseatsRole(clinician.Role); // clean precision-about
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenant.TenantId, ["TenantName"] = tenant.Name }); // clean precision-about

        var taken = (await seats.SeatsAsync(tenantId, ct)).Count(s => !s.IsFree);
        if (taken >= tenant.SeatLimit)
        {
            var ex = new SeatLimitExceededException(tenant.TenantId, tenant.Plan, tenant.SeatLimit);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            _lastRefusedClinician = clinician.Email;
            logger.LogTrustseatsSeatRejectedEvent(tenant.TenantId, "limit", trustseatsClinicianId: pseudonymizer.PseudonymizeTrustseatsClinicianId(clinician.MemberId), trustseatsNote: $"{taken}/{tenant.SeatLimit} seats in use"); // clean generated-api
            _seatChanges.Add(1, new KeyValuePair<string, object?>("tenant", tenant.TenantId), new KeyValuePair<string, object?>("outcome", "limit")); // clean precision-about
            return null;
        }

        var seat = await seats.AssignAsync(tenantId, sku, clinician.Email, ct);
        logger.LogInformation("Seat {SeatId} assigned to {Clinician} in {Tenant}", seat.SeatId, clinician.Email, tenant.Name); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("seat.assigned", tags: new ActivityTagsCollection { ["seat.id"] = seat.SeatId, ["seat.holder"] = seat.AssignedTo })); // leak TC1001 cross-member
        logger.LogDebug("Seat state {@Seat}", seat); // leak TC1001 logging-objects
        logger.LogDebug("Tenant after assignment {@Tenant}", tenant); // clean logging-objects
        meter.CreateTrustseatsSeatsAssignedCounter().Add(1, tenant.TenantId, "ok", trustseatsTenantPlan: tenant.Plan.ToString()); // clean precision-about
        span.SetTrustseatsSeatCount(taken + 1); // clean precision-about
        _seatChanges.Add(1, new KeyValuePair<string, object?>("tenant", tenant.TenantId), new KeyValuePair<string, object?>("holder", pseudonymizer.ComputeTrustseatsClinicianId(clinician.MemberId))); // leak TC1003 precision-pseudonym
        return seat;
    }

    public async Task ReleaseAsync(SeatLicence seat, string adminEmail, CancellationToken ct)
    {
        await seats.ReleaseAsync(seat.SeatId, ct);
        Activity.Current?.SetTag("seat.released_by", adminEmail); // leak TC1001 direct
        SeatReleased(logger, seat.SeatId, seat.Sku, seat.AssignedAt); // clean precision-about
        SeatReleasedFrom(logger, seat.SeatId, seat.AssignedTo ?? "-"); // leak TC1001 cross-member
    }

    public void ReportLastRefusal()
    {
        if (_lastRefusedClinician is { } who)
        {
            logger.LogWarning("Last clinician refused a seat: {Who}", who); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seat {SeatId} ({Sku}) released, held since {Since}")]
    private static partial void SeatReleased(ILogger logger, string seatId, string sku, DateTimeOffset? since);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Seat {SeatId} released from {Holder}")]
    private static partial void SeatReleasedFrom(ILogger logger, string seatId, string holder);
}
