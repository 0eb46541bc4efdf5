namespace PrivacyHoldout104.Transport;

/// <summary>
/// FleetDesk serves bus operators: the driver app's token names the operator (<c>operator</c> claim) and the
/// driver (<c>sub</c>, and <c>staff_no</c>, the operator's staff number); the planners' web app carries the
/// operator in its route (<c>/o/{operator}/…</c>). Each operator's settings set its limits.
/// </summary>
public sealed class OperatorTenantResolver(
    IMultiTenantStore<TenantInfo> operators,
    ITenantMembers members,
    ITenantSettingsStore settings,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<OperatorTenantResolver> logger)
{
    private static readonly ActivitySource Source = new("FleetDesk.Tenancy");
    private static readonly Meter Meter = new("FleetDesk.Tenancy");
    private static readonly FleetdeskResolutionDurationHistogram Resolution = Meter.CreateFleetdeskResolutionDurationHistogram();
    private static readonly Counter<long> DriverSignIns = Meter.CreateCounter<long>("fleetdesk.driver.sign_ins");

    public async Task<TenantInfo?> ResolveAsync(TenantRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var isDriverApp = request.Path.StartsWith("/driver/", StringComparison.Ordinal);
        IMultiTenantStrategy strategy = isDriverApp ? new ClaimStrategy("operator") : new RouteStrategy("operator");
        var code = await strategy.GetIdentifierAsync(request);
        var op = code is null ? null : await operators.TryGetByIdentifierAsync(code);
        Resolution.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, strategy.Name, op is null ? "unknown_tenant" : "resolved"); // clean generated-api
        if (op is null)
        {
            Activity.Current?.SetTag("fleetdesk.operator.code", code); // clean precision-names
            return null;
        }

        using var span = Source.StartFleetdeskTenantRequest(op.Id, strategy.Name);
        span.SetFleetdeskTenantPlan(op.Plan).SetFleetdeskTenantRegion(op.Region); // clean generated-api
        if (!isDriverApp)
        {
            var plannerUpn = request.User.FindFirst("upn")?.Value;
            span.Activity?.SetTag("fleetdesk.planner.upn", plannerUpn); // leak TC1001 direct
            span.Activity?.SetTag("fleetdesk.planner.upn_suffix", plannerUpn?.Split('@').Last()); // clean precision-about
            return op;
        }

        var staffNumber = request.User.FindFirst("staff_no")?.Value ?? string.Empty;
        var depot = request.User.FindFirst("depot")?.Value;
        span.Activity?.SetTag("fleetdesk.depot", depot); // clean precision-names
        span.Activity?.SetTag("fleetdesk.driver.staff_no", staffNumber); // leak TC1001 direct
        span.SetFleetdeskUserId(pseudonymizer.PseudonymizeFleetdeskUserId(request.User.FindFirst("sub")!.Value)); // clean precision-pseudonym
        span.Activity?.SetTag("fleetdesk.driver.id", pseudonymizer.ComputeFleetdeskDriverId(staffNumber)); // clean precision-pseudonym
        DriverSignIns.Add(1, new KeyValuePair<string, object?>("fleetdesk.tenant.id", op.Id), new KeyValuePair<string, object?>("depot", depot)); // clean precision-names
        DriverSignIns.Add(1, new KeyValuePair<string, object?>("fleetdesk.driver", staffNumber)); // leak TC1003 direct

        var member = await members.FindAsync(op.Id, staffNumber);
        if (member is null)
        {
            var stranger = new NotATenantMemberException(staffNumber, op.Id);
            span.SetStatus(ActivityStatusCode.Error, stranger.Message); // leak TC1001 exceptions
            logger.LogFleetdeskTenantDeniedEvent(op.Id, "not_member", fleetdeskNote: $"driver {staffNumber}"); // leak TC1001 generated-api
            return null;
        }

        using var scope = logger.BeginScope("Driver {DriverName} at {Depot}", member.DisplayName, depot); // leak TC1001 cross-member
        var operatorSettings = await settings.GetAsync(op.Id);
        var shiftLimitHours = operatorSettings["duty.max_shift_hours"];
        logger.LogDebug("Operator {OperatorId} max shift {Hours}h", op.Id, shiftLimitHours); // clean precision-names
        var bucket = (staffNumber.GetHashCode() & 0x7fffffff) % 32;
        span.Activity?.SetTag("fleetdesk.driver.bucket", bucket); // leak TC1002 hashes
        return op;
    }
}
