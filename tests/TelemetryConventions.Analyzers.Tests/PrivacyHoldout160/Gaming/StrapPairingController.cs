namespace PrivacyHoldout160.Gaming;

/// <summary>Pairs players' own heart-rate straps with their accounts.</summary>
[ApiController]
[Route("api/straps")]
public sealed class StrapPairingController(
    ILogger<StrapPairingController> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly Dictionary<string, Guid> OwnerByMac = new();
    private readonly Counter<long> pairings = meter.CreateCounter<long>("rehabplay.strap.pairings");

    [HttpPost("pair")]
    public ActionResult Pair([FromBody] StrapPairing pairing)
    {
        using var activity = source.StartActivity("PairStrap");
        activity?.SetTag("strap.model", pairing.StrapModel); // clean precision-about
        activity?.SetTag("strap.mac", pairing.StrapMac); // leak TC1001 direct
        activity?.SetTag("strap.vendor_prefix", pairing.StrapMac[..8]); // clean precision-about
        activity?.SetTag("user.subject", HttpContext.User.SubjectId); // leak TC1001 direct
        activity?.SetTag("user.authenticated", HttpContext.User.IsAuthenticated); // clean precision-about
        activity?.SetTag("http.request_id", HttpContext.TraceIdentifier); // clean precision-names

        if (OwnerByMac.TryGetValue(pairing.StrapMac, out var owner) && owner != pairing.PlayerId)
        {
            var ex = new StrapAlreadyPairedException(pairing.StrapMac);
            logger.LogWarning(ex, "Pairing refused"); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            pairings.Add(1, new KeyValuePair<string, object?>("outcome", "already-paired")); // clean precision-about
            return BadRequest("already paired");
        }

        OwnerByMac[pairing.StrapMac] = pairing.PlayerId;
        pairings.Add(1, new KeyValuePair<string, object?>("model", pairing.StrapModel)); // clean precision-about
        pairings.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputeRehabplayPlayerId(pairing.PlayerId.ToString()))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Strap paired: {Pairing}", pairing); // leak TC1001 logging-objects
        logger.LogInformation("{PairedStraps} straps paired", OwnerByMac.Count); // clean precision-about
        return Ok();
    }

    [HttpGet("owners")]
    public ActionResult Owners()
    {
        logger.LogDebug("Strap owners: {Owners}", OwnerByMac.Keys); // leak TC1001 cross-member
        logger.LogDebug("Strap models: {Models}", OwnerByMac.Count); // clean cross-member
        return Ok();
    }
}
