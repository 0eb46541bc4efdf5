namespace PrivacyHoldout155.Gaming;

/// <summary>
/// Players qualified for a major ask for a signed invitation letter for their visa application; the letter names
/// them as on their passport and goes to the embassy the player chose.
/// </summary>
[ApiController]
[Route("api/tournaments/{tournamentId}/letters")]
public sealed class InvitationLetterController(
    ILetterSigner signer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<InvitationLetterController> logger) : ControllerBase
{
    private readonly Counter<long> _letters = meter.CreateCounter<long>("letters.requested", "{letter}");

    [HttpPost]
    public async Task<ActionResult> Request(string tournamentId, [FromBody] InvitationRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartTourvisaOperation(tournamentId);
        span.SetTourvisaPlayerId(pseudonymizer.PseudonymizeTourvisaPlayerId(request.PlayerId)); // clean generated-api
        span.SetTourvisaNote($"Letter for {request.LegalName}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("player.nationality", request.Nationality); // clean precision-about
        Activity.Current?.SetTag("player.passport.last4", request.PassportNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("player.legal_name.length", request.LegalName.Length); // clean precision-about
        _letters.Add(1, new KeyValuePair<string, object?>("tournament", tournamentId), new KeyValuePair<string, object?>("nationality", request.Nationality)); // clean precision-about
        _letters.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
        logger.LogInformation("Letter requested: {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Letter requested by player {PlayerId}", request.PlayerId); // leak TC1001 direct
        logger.LogInformation("Letter requested for {Tournament} by a player from {Nationality}", tournamentId, request.Nationality); // clean precision-about
        try
        {
            var letter = await signer.SignAsync(request, cancellationToken);
            logger.LogInformation("Letter signed: {Letter}", letter); // clean logging-objects
            span.SetTourvisaOutcome("signed").SetTourvisaLetterCount(1); // clean generated-api
            meter.CreateTourvisaLetterDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tourvisaTournament: tournamentId); // clean generated-api
            return Ok(letter.LetterId);
        }
        catch (NotOnRosterException ex)
        {
            logger.LogWarning("Refused: {Reason}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
            meter.CreateTourvisaLettersCounter().Add(1, tourvisaTournament: tournamentId, tourvisaOutcome: "not-on-roster"); // clean generated-api
            return BadRequest("not on roster");
        }
        catch (EmbassyBookedOutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return BadRequest("embassy booked out");
        }
    }

    [HttpGet("passport-check")]
    public ActionResult PassportCheck(string tournamentId, string passportNumber)
    {
        var key = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(passportNumber)));
        Activity.Current?.SetTag("player.passport_key", key); // leak TC1002 hashes
        Activity.Current?.SetTag("player.passport_encoded", Convert.ToBase64String(Encoding.UTF8.GetBytes(passportNumber))); // leak TC1001 hashes
        return Ok();
    }
}
