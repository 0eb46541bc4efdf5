namespace PrivacyHoldout158.Gaming;

/// <summary>A chat message that suggests a player is at risk is flagged by moderation; the handler signposts the player to a helpline and alerts the welfare team.</summary>
public sealed class InGameCrisisReportHandler(ICallPlatform platform, ActivitySource source, Pseudonymizer pseudonymizer, ILogger<InGameCrisisReportHandler> logger)
{
    private readonly Dictionary<Guid, string> flaggedMessages = new();
    private int signposted;

    public async Task HandleAsync(Guid playerId, string gamertag, string chatMessage, string matchId, string region, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("saferplay.crisis.flag");
        activity?.SetTag("match.id", matchId); // clean precision-names
        activity?.SetTag("saferplay.region", region); // clean precision-names
        activity?.SetTag("saferplay.message_length", chatMessage.Length); // clean precision-about
        activity?.SetTag("saferplay.flagged_message", chatMessage); // leak TC1001 direct
        activity?.SetTag("saferplay.player.pseudonym", pseudonymizer.PseudonymizeSaferplayPlayerId(playerId.ToString()).Value); // clean precision-pseudonym
        activity?.SetTag("saferplay.player.lane", Convert.ToHexString(SHA256.HashData(playerId.ToByteArray()))[..16]); // leak TC1002 hashes

        flaggedMessages[playerId] = chatMessage;
        signposted++;
        logger.LogWarning("Crisis flag in match {MatchId} for {Player}", matchId, Roster(gamertag, region)); // leak TC1001 strings
        logger.LogWarning("Crisis flag in match {MatchId} in {Where}", matchId, Where(region, matchId)); // clean strings
        await platform.TextAsync(gamertag, "Support is available 24/7.", cancellationToken);
    }

    public void Digest()
    {
        logger.LogInformation("Flagged messages: {Messages}", flaggedMessages); // leak TC1001 cross-member
        logger.LogInformation("Players signposted: {Count}", signposted); // clean cross-member
        Activity.Current?.SetTag("saferplay.flagged_players", string.Join(",", flaggedMessages.Keys)); // leak TC1001 cross-member
    }

    private static string Roster(string gamertag, string region) => $"{gamertag}/{region}";

    private static string Where(string region, string matchId) => $"{region}:{matchId}";
}
