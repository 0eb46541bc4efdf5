namespace PrivacyHoldout145.Healthcare;

/// <summary>
/// Lets a clinician forward the trust's on-call handset to their own mobile for a night on call from home, and
/// lists the handsets a ward holds. The handsets and their numbers belong to the trust.
/// </summary>
[ApiController]
[Route("api/oncall/forwarding")]
public sealed partial class OnCallForwardingController(
    IPagingGateway paging,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<OnCallForwardingController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.OnCall.Forwarding");

    private readonly Counter<long> _forwards = meter.CreateCounter<long>("oncall.forwarding.changes", "{change}");

    [HttpPost("")]
    public async Task<ActionResult> ForwardAsync([FromBody] CallForward forward, OnCallHandset handset, CancellationToken ct)
    {
        using var span = Source.StartOncallOperation("royal-infirmary", "oncall.forward");
        span.SetOncallClinicianId(pseudonymizer.PseudonymizeOncallClinicianId(forward.StaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("oncall.handset.asset_tag", handset.AssetTag); // clean precision-names
        Activity.Current?.SetTag("oncall.handset.msisdn", handset.Msisdn); // clean precision-names
        Activity.Current?.SetTag(OncallAttributes.Contact, forward.PersonalMobile); // leak TC1001 generated-api
        Activity.Current?.SetTag("oncall.forward.mobile_prefix", forward.PersonalMobile[..3]); // clean precision-about
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Ward"] = handset.Ward, ["Bleep"] = forward.BleepNumber }); // clean precision-about

        try
        {
            await paging.SetForwardingAsync(handset.Msisdn, forward.PersonalMobile, ct);
            ForwardingLog.ForwardingSet(logger, forward.StaffId, forward.PersonalMobile); // clean logging-objects
            ForwardingLog.ForwardingSetFor(logger, forward.ClinicianName, handset.AssetTag); // leak TC1001 logging-objects
            _forwards.Add(1, new KeyValuePair<string, object?>("ward", handset.Ward), new KeyValuePair<string, object?>("bucket", ShardOf(forward.StaffId))); // clean hashes
            logger.LogInformation("Forwarding saved: {Forward}", forward); // leak TC1001 logging-objects
            logger.LogInformation("Handset now forwarding: {Handset}", handset); // clean logging-objects
            return Ok();
        }
        catch (ForwardingRejectedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetOncallNote(ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Forwarding refused for handset {AssetTag}", handset.AssetTag); // leak TC1001 exceptions
            logger.LogOncallOperationFailedEvent("royal-infirmary", "forwarding-rejected", pseudonymizer.PseudonymizeOncallClinicianId(forward.StaffId), ex.GetType().Name); // clean generated-api
            return BadRequest("forwarding-rejected");
        }
    }

    [HttpGet("{ward}")]
    public ActionResult Handsets(string ward, IReadOnlyList<OnCallHandset> handsets)
    {
        logger.LogInformation("Ward {Ward} holds handsets {Numbers}", ward, string.Join(",", handsets.Select(h => h.Msisdn))); // clean strings
        logger.LogDebug("Handset list {Handsets}", handsets); // clean logging-objects
        return Ok(handsets);
    }

    [HttpGet("audit/{staffId}")]
    public ActionResult Audit(string staffId, IReadOnlyList<CallForward> history)
    {
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(staffId)))[..12];
        Activity.Current?.SetTag("oncall.audit.staff_digest", digest); // leak TC1002 hashes
        logger.LogInformation("Forwarding audit for {Clinician}: {Count} entries", pseudonymizer.ComputeOncallClinicianId(staffId), history.Count); // clean precision-pseudonym
        logger.LogDebug("Forwarding audit mobiles {Mobiles}", history.Select(h => h.PersonalMobile).Distinct().ToArray()); // leak TC1001 direct
        return Ok(history.Count);
    }

    private string ShardOf(string staffId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return (hmac.ComputeHash(Encoding.UTF8.GetBytes(staffId))[0] % 16).ToString(CultureInfo.InvariantCulture);
    }
}

internal static partial class ForwardingLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Call forwarding set for {StaffId} to {Mobile}")]
    public static partial void ForwardingSet(ILogger logger, [PrivateData] string staffId, [PrivateData] string mobile);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Call forwarding set by {ClinicianName} on handset {AssetTag}")]
    public static partial void ForwardingSetFor(ILogger logger, string clinicianName, string assetTag);
}
