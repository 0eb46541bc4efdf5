namespace PrivacyHoldout213.Gaming;

/// <summary>Reads gardeners' grove profiles for the in-game allotment club page.</summary>
public sealed partial class GroveProfileRepository(ILogger<GroveProfileRepository> logger)
{
    private static readonly ActivitySource Source = new("SeedQuest.Profiles");

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded grove profile for {MemberNumber}")]
    private static partial void LogLoaded(ILogger logger, [PrivateData] string memberNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded grove profile for player {PlayerId}")]
    private static partial void LogLoadedPlain(ILogger logger, string playerId);

    public GardenerProfile Load(string memberNumber, string playerId)
    {
        using var activity = Source.StartActivity("LoadProfile");
        var profile = new GardenerProfile { MemberNumber = memberNumber, DisplayName = "GreenThumb99", YearsOnSite = 3 };
        LogLoaded(logger, memberNumber); // clean logging-objects
        LogLoadedPlain(logger, playerId); // leak TC1001 logging-objects
        logger.LogDebug("Profile {Profile}", profile); // clean logging-objects
        logger.LogDebug("Profile {@Profile}", profile); // leak TC1001 logging-objects
        activity?.SetTag("seedquest.profile.years", profile.YearsOnSite); // clean precision-about
        activity?.SetTag("seedquest.profile.display_name", profile.DisplayName); // leak TC1001 direct
        try
        {
            throw new TenantNotFoundException(memberNumber);
        }
        catch (TenantNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, nameof(TenantNotFoundException)); // clean exceptions
            logger.LogWarning("Profile lookup failed: {Message}", ex.Message); // leak TC1001 exceptions
        }

        return profile;
    }
}
