namespace PrivacyHoldout170.Energy;

/// <summary>Vets smart meter engineers from the installation agency before they may enter customers' homes.</summary>
[ApiController]
[Route("api/engineer-vetting")]
public sealed partial class EngineerVettingController(
    IScreeningProvider screening,
    ICandidateStore candidates,
    ILogger<EngineerVettingController> logger,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly Meter Meter = new("Supplier.FieldForce.Vetting");
    private static readonly FieldvettingChecksCounter Checks = Meter.CreateFieldvettingChecksCounter();
    private static readonly UpDownCounter<long> Pending = Meter.CreateUpDownCounter<long>("vetting.pending");

    [HttpPost("")]
    public async Task<ActionResult> Start([FromBody] EngineerVetting vetting, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichFieldvettingOperation(vetting.Region)
            .SetFieldvettingEngineerId(pseudonymizer.PseudonymizeFieldvettingEngineerId(vetting.EngineerNumber)) // clean generated-api
            .SetFieldvettingCheckType("bpss"); // clean precision-about
        Activity.Current?.SetTag("vetting.bpss_level", vetting.BpssLevel); // clean precision-about
        Activity.Current?.SetTag("engineer.number", vetting.EngineerNumber); // leak TC1001 direct
        if (Activity.Current is { } current) { current.DisplayName = $"vetting {vetting.EngineerNumber}"; } // leak TC1001 strings
        logger.LogInformation("Vetting requested {Vetting}", vetting); // leak TC1001 logging-objects
        Pending.Add(1, new KeyValuePair<string, object?>("region", vetting.Region)); // clean precision-about
        Pending.Add(1, new KeyValuePair<string, object?>("engineer", vetting.EngineerNumber)); // leak TC1003 direct
        Activity.Current?.SetBaggage("engineer.number", vetting.EngineerNumber); // leak TC1001 direct

        var order = new ScreeningOrder(Guid.NewGuid().ToString("N"), vetting.CandidateId, "bpss-plus-credit");
        logger.LogInformation("Ordering screening {@Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Ordering package {Package} as {OrderId}", order.Package, order.OrderId); // clean precision-names
        try
        {
            var result = await screening.OrderAsync(order, cancellationToken);
            logger.LogInformation("Screening answered {@Result}", result); // clean logging-objects
            span.SetFieldvettingOutcome(result.Adjudication); // clean precision-about
            Checks.Add(1, vetting.Region, result.Status); // clean generated-api
        }
        catch (ScreeningProviderException ex)
        {
            span.RecordException(ex, "screening provider failed", includeMessage: true); // clean exceptions
            logger.LogError(ex, "Screening provider error {Code}", ex.Code); // clean exceptions
            Checks.Add(1, vetting.Region, "provider_error"); // clean generated-api
            return BadRequest(ex.Code);
        }

        var candidate = await candidates.FindAsync(vetting.CandidateId, cancellationToken);
        if (candidate is not null)
        {
            LogVettedCandidate(logger, candidate.FullName, vetting.Region); // clean precision-names
            Activity.Current?.SetTag("candidate.postcode_district", candidate.Postcode.Split(' ')[0]); // clean precision-about
            Activity.Current?.SetTag("candidate.postcode", candidate.Postcode); // leak TC1001 direct
        }
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Vetted {FullName} for region {Region}")]
    private static partial void LogVettedCandidate(ILogger logger, [PrivateData] string fullName, string region);
}
