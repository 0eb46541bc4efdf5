namespace PrivacyHoldout158.Gaming;

/// <summary>The safer play helpline's self-exclusion API: players (or the helpline's advisers on their behalf) exclude themselves from play and spending.</summary>
[ApiController]
[Route("api/safer-play/exclusions")]
public sealed partial class SelfExclusionController(
    ICaseStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SelfExclusionController> logger) : ControllerBase
{
    private static readonly Counter<long> Exclusions = new Meter("Helplines.SaferPlay").CreateCounter<long>("saferplay.exclusions");

    private SelfExclusion? lastRefused;

    [HttpPost]
    public async Task<ActionResult> Exclude([FromBody] SelfExclusion exclusion, string region)
    {
        using var span = source.StartSaferplayOperation(region);
        span.SetSaferplayPlayerId(pseudonymizer.PseudonymizeSaferplayPlayerId(exclusion.PlayerId.ToString())); // clean precision-pseudonym
        span.SetSaferplayTool("self-exclusion"); // clean generated-api
        Activity.Current?.SetTag("saferplay.player", exclusion.PlayerId); // leak TC1001 direct
        Activity.Current?.SetTag("saferplay.gamertag", exclusion.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("saferplay.months", exclusion.Months); // clean precision-about
        Activity.Current?.SetTag("saferplay.email_domain", exclusion.Email[(exclusion.Email.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetBaggage("saferplay.gamertag", exclusion.Gamertag); // leak TC1001 direct

        await store.SaveAsync(exclusion);
        Exclusions.Add(1, new KeyValuePair<string, object?>("months", exclusion.Months)); // clean precision-about
        Exclusions.Add(1, new KeyValuePair<string, object?>("player", exclusion.PlayerId)); // leak TC1003 direct
        Exclusions.Add(1, new KeyValuePair<string, object?>("player_sample", HMACSHA256.HashData(secrets.PseudonymKey, exclusion.PlayerId.ToByteArray())[0] < 26)); // clean hashes
        meter.CreateSaferplayInterventionsCounter().Add(1, region, saferplayOutcome: "excluded"); // clean generated-api
        LogExcluded(logger, exclusion.Months, exclusion.Gamertag); // leak TC1001 logging-objects
        LogExcludedPlayer(logger, exclusion.Months, exclusion.Email); // clean logging-objects
        logger.LogInformation("Self-exclusion {@Exclusion}", exclusion); // leak TC1001 logging-objects
        return new OkResult(exclusion.Months);
    }

    [HttpPost("check")]
    public ActionResult Check([FromBody] SelfExclusion exclusion, DateOnly endsOn)
    {
        try
        {
            throw new ExclusionActiveException(exclusion.Gamertag, endsOn);
        }
        catch (ExclusionActiveException ex)
        {
            lastRefused = exclusion;
            logger.LogInformation(ex, "Purchase refused during exclusion"); // leak TC1001 exceptions
            logger.LogInformation("Purchase refused during exclusion ending {EndsOn}", endsOn); // clean exceptions
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            logger.LogSaferplayOperationFailedEvent("eu-west", "excluded", saferplayNote: ex.Message); // leak TC1001 generated-api
            logger.LogSaferplayOperationFailedEvent("eu-west", "excluded", saferplayPlayerId: pseudonymizer.PseudonymizeSaferplayPlayerId(exclusion.PlayerId.ToString())); // clean precision-pseudonym
            return new BadRequestResult("excluded");
        }
    }

    [HttpGet("refused/last")]
    public ActionResult LastRefused()
    {
        logger.LogInformation("Last refused: {Gamertag}", lastRefused?.Gamertag); // leak TC1001 cross-member
        logger.LogInformation("Last refused exclusion length: {Months}", lastRefused?.Months); // clean cross-member
        Activity.Current?.SetTag("saferplay.refused.hash", lastRefused?.PlayerId.GetHashCode()); // leak TC1002 hashes
        return new OkResult(lastRefused?.Months);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Excluded for {Months} months: {Gamertag}")]
    private static partial void LogExcluded(ILogger logger, int months, string gamertag);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Excluded for {Months} months, confirmation to {Email}")]
    private static partial void LogExcludedPlayer(ILogger logger, int months, [PrivateData] string email);
}
