namespace PrivacyHoldout130.Energy;

public sealed record TenantChangeNotice(string PropertyRef, string Mpan, string LandlordEmail, string OutgoingTenantName, string? IncomingTenantName, DateOnly ChangeDate, decimal ClosingReading, string ForwardingAddress);

public sealed record LandlordProperty(string PropertyRef, string Mpan, bool Void, int TenanciesThisYear);

/// <summary>
/// The landlord and letting agent portal: agents tell the supplier when tenants change, so the outgoing tenant's
/// final bill and the property's void period are billed to the right people.
/// </summary>
[ApiController]
[Route("api/landlords")]
public sealed class LandlordPortalController(ILogger<LandlordPortalController> logger, Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.LandlordPortal");
    private static readonly Meter Meter = new("Supplier.LandlordPortal");
    private static readonly Counter<long> Notices = Meter.CreateCounter<long>("landlord.notices");

    private LandlordProperty? _lastVoid;
    private string? _lastOutgoing;

    [HttpPost("tenant-changes")]
    public ActionResult NotifyChange([FromBody] TenantChangeNotice notice)
    {
        using var span = Source.StartCotTenancy(notice.PropertyRef);
        span.SetCotOutcome(notice.IncomingTenantName is null ? "void" : "change");
        span.Activity?.SetTag("landlord.agent", HttpContext.User.Email); // leak TC1001 direct
        span.Activity?.SetTag("landlord.agent.signed_in", HttpContext.User.IsAuthenticated); // clean precision-about
        span.Activity?.SetTag("landlord.notice.closing_reading", notice.ClosingReading); // clean precision-about
        span.Activity?.SetTag("landlord.notice.forwarding", notice.ForwardingAddress); // leak TC1001 direct
        logger.LogInformation("Tenant change at {PropertyRef} on {ChangeDate}", notice.PropertyRef, notice.ChangeDate); // clean precision-names
        logger.LogInformation("Outgoing tenant {Outgoing} at {PropertyRef}", notice.OutgoingTenantName, notice.PropertyRef); // leak TC1001 direct
        logger.LogDebug("Notice: {@Notice}", notice); // leak TC1001 logging-objects
        Notices.Add(1, new KeyValuePair<string, object?>("void", notice.IncomingTenantName is null)); // clean precision-about
        _lastOutgoing = notice.OutgoingTenantName;

        var tenantName = notice.IncomingTenantName ?? "The Occupier";
        span.Activity?.SetTag("landlord.incoming.name", tenantName); // leak TC1001 direct
        span.Activity?.SetTag("landlord.placeholder", "The Occupier"); // clean precision-names

        if (notice.IncomingTenantName is null)
        {
            _lastVoid = new LandlordProperty(notice.PropertyRef, notice.Mpan, true, 1);
        }
        return Ok();
    }

    [HttpGet("voids/latest")]
    public ActionResult LatestVoid()
    {
        logger.LogInformation("Latest void {Void}", _lastVoid); // leak TC1001 cross-member
        logger.LogInformation("Latest void property {PropertyRef}", _lastVoid?.PropertyRef); // clean cross-member
        Activity.Current?.SetTag("landlord.last_outgoing", _lastOutgoing); // leak TC1001 cross-member
        Activity.Current?.SetTag("landlord.last_outgoing.present", _lastOutgoing is not null); // clean cross-member
        return Ok(_lastVoid);
    }
}
