namespace PrivacyHoldout178.Gaming;

/// <summary>Law enforcement's emergency disclosure requests (a threat to life): checks the agency, finds the player, discloses.</summary>
[ApiController]
[Route("api/disclosures")]
public sealed class EmergencyDisclosureController(Pseudonymizer pseudonymizer, ILogger<EmergencyDisclosureController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.LawEnforcement");
    private readonly Dictionary<string, string> _lastDisclosed = new();

    [HttpPost("")]
    public ActionResult Request([FromBody] EmergencyDisclosureRequest request)
    {
        using var span = Source.StartPlayersafeOperation("le-portal").SetPlayersafePriority(request.Urgency); // clean precision-about
        span.Activity?.SetTag("disclosure.request", request.RequestId); // clean precision-names
        span.Activity?.SetTag("disclosure.agency", request.Agency); // clean precision-names
        span.Activity?.SetTag("disclosure.officer", request.OfficerEmail); // leak TC1001 direct
        span.Activity?.SetTag("disclosure.officer.domain", request.OfficerEmail[(request.OfficerEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag("disclosure.requester", HttpContext.User.Email); // leak TC1001 direct
        try
        {
            Find(request.PlayerId);
        }
        catch (PlayerNotFoundException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.Activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogPlayersafeOperationFailedEvent("le-portal", "not-found", playersafeCallerId: pseudonymizer.PseudonymizePlayersafeCallerId(request.PlayerId)); // clean precision-pseudonym
            return NotFound();
        }

        _lastDisclosed[request.RequestId] = request.PlayerId;
        logger.LogInformation("Disclosed {Disclosures}", _lastDisclosed); // leak TC1001 cross-member
        logger.LogInformation("Disclosed {Count} requests today", _lastDisclosed.Count); // clean precision-about
        logger.LogInformation("Disclosure {RequestId} by {Agency}", request.RequestId, request.Agency); // clean precision-names
        using (logger.BeginScope(new { request.RequestId, request.Urgency })) // clean precision-names
        {
            logger.LogInformation("Disclosure sent");
        }

        using (logger.BeginScope(new { request.RequestId, request.PlayerId })) // leak TC1001 direct
        {
            logger.LogInformation("Disclosure audited");
        }

        return Ok();
    }

    private static void Find(string playerId)
    {
        if (playerId.StartsWith("0", StringComparison.Ordinal))
        {
            throw new PlayerNotFoundException(playerId);
        }
    }
}
