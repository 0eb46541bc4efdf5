namespace PrivacyHoldout140.Gaming;

/// <summary>The screener survey a player fills in from the community hub.</summary>
public sealed record ScreenerAnswers(Guid PlayerId, string Gamertag, string Email, int Age, string Platform, string DiscordHandle, int HoursPerWeek, string[] GenresPlayed);

/// <summary>
/// User research's screener: picks players for a build's playtest by age, platform and play habits, checks the
/// studio's ban list and collects the NDA before a lab seat is offered.
/// </summary>
public sealed partial class PlaytestScreenerService(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PlaytestScreenerService> logger)
{
    private const string CurrentNda = "NDA-2025-03";
    private static readonly HashSet<string> BanList = new(StringComparer.OrdinalIgnoreCase) { "leaky_larry" };
    private readonly Counter<long> _screened = meter.CreateCounter<long>("playtest.screeners", "{screener}");

    public bool Screen(string buildId, ScreenerAnswers answers)
    {
        using var span = source.StartPlaytestOperation(buildId);
        span.SetPlaytestPlatform(answers.Platform); // clean precision-about
        span.SetPlaytestPlayerId(pseudonymizer.PseudonymizePlaytestPlayerId(answers.PlayerId.ToString())); // clean precision-pseudonym
        var applicant = new PlaytestApplicant(answers.PlayerId, answers.Gamertag, answers.Email, answers.Age, answers.Platform, answers.DiscordHandle);

        try
        {
            if (BanList.Contains(answers.Gamertag))
            {
                throw new ApplicantBannedException(answers.Gamertag);
            }
        }
        catch (ApplicantBannedException ex)
        {
            logger.LogWarning(ex, "Screener refused"); // leak TC1001 exceptions
            span.SetPlaytestOutcome("banned");
            return false;
        }

        var eligible = answers.Age >= 18 && answers.HoursPerWeek >= 3;
        span.Activity?.SetTag("playtest.applicant.age", answers.Age); // clean precision-about
        span.Activity?.SetTag("playtest.applicant.hours_per_week", answers.HoursPerWeek); // clean precision-about
        span.Activity?.SetTag("playtest.applicant.genres", string.Join(",", answers.GenresPlayed)); // clean precision-about
        _screened.Add(1, new("platform", answers.Platform), new("eligible", eligible)); // clean precision-about
        LogScreened(logger, answers.Gamertag, eligible); // leak TC1001 logging-objects
        logger.LogInformation("Applicant {Applicant}", applicant); // leak TC1001 logging-objects
        span.Activity?.SetTag("playtest.applicant.discord", answers.DiscordHandle); // leak TC1001 direct
        span.Activity?.SetTag(PlaytestAttributes.Contact, pseudonymizer.Pseudonymize("playtest.email", answers.Email).Value); // leak TC1001 precision-pseudonym
        meter.CreatePlaytestApplicationsCounter().Add(1, buildId, playtestOutcome: eligible ? "eligible" : "not-eligible"); // clean generated-api
        return eligible;
    }

    public bool AcceptNda(string buildId, NdaSignature signature)
    {
        using var span = source.StartPlaytestOperation(buildId);
        try
        {
            if (signature.NdaVersion != CurrentNda)
            {
                throw new NdaVersionException(signature.NdaVersion, CurrentNda);
            }
        }
        catch (NdaVersionException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogPlaytestSessionFailedEvent(buildId, "nda-outdated", playtestPlayerId: pseudonymizer.PseudonymizePlaytestPlayerId(signature.PlayerId.ToString()), playtestNote: ex.Message); // clean generated-api
            return false;
        }

        span.Activity?.SetTag("playtest.nda.version", signature.NdaVersion); // clean precision-names
        logger.LogInformation("NDA signed by {SignedName} at {SignedAt}", signature.SignedName, signature.SignedAt); // leak TC1001 direct
        LogNdaSigned(logger, signature.PlayerId, signature.NdaVersion); // clean logging-objects
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Screened {Gamertag}: eligible {Eligible}")]
    private static partial void LogScreened(ILogger logger, string gamertag, bool eligible);

    [LoggerMessage(Level = LogLevel.Information, Message = "NDA accepted by {PlayerId} on {Version}")]
    private static partial void LogNdaSigned(ILogger logger, [PrivateData] Guid playerId, string version);
}
