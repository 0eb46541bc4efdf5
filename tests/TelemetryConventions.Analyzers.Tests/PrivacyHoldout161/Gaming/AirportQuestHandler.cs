namespace PrivacyHoldout161.Gaming;

/// <summary>Awards miles when a player completes a quest at an airport.</summary>
public sealed class AirportQuestHandler(ILoyaltyLedger ledger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<AirportQuestHandler> logger)
{
    private static readonly ActivitySource Source = new("Game.Miles.Quests");
    private static readonly Meter Meter = new("Game.Miles.Quests");

    private MilesAward? biggestAward;
    private readonly Dictionary<Guid, int> milesByPlayer = new();

    public async Task CompleteAsync(Quest quest, MilesAward award, CancellationToken cancellationToken)
    {
        using var span = Source.StartSkymilesOperation(quest.Region);
        span.SetSkymilesPlayerId(pseudonymizer.PseudonymizeSkymilesPlayerId(award.PlayerId.ToString())); // clean precision-pseudonym
        span.SetSkymilesMemberId(pseudonymizer.PseudonymizeSkymilesMemberId(award.MemberNumber)); // clean precision-pseudonym
        span.SetSkymilesNote($"{quest.QuestId} at {quest.Airport}: {award.Miles} miles"); // clean generated-api
        Activity.Current?.SetTag("quest.id", quest.QuestId); // clean precision-names
        Activity.Current?.SetTag("quest.airport", quest.Airport); // clean precision-names
        logger.LogInformation("Quest {@Quest}", quest); // clean logging-objects
        logger.LogInformation("Award {Award}", award); // leak TC1001 logging-objects

        try
        {
            await ledger.CreditAsync(award.MemberNumber, award.Miles, cancellationToken);
            milesByPlayer[award.PlayerId] = milesByPlayer.GetValueOrDefault(award.PlayerId) + award.Miles;
            biggestAward = biggestAward is null || award.Miles > biggestAward.Miles ? award : biggestAward;
            Meter.CreateSkymilesAwardsCounter().Add(1, quest.Region, skymilesOutcome: "credited"); // clean generated-api
        }
        catch (QuestExpiredException ex)
        {
            span.SetSkymilesNote(ex.Message); // clean exceptions
            span.SetSkymilesOutcome("expired"); // clean generated-api
        }
        catch (LoyaltyNumberUnknownException ex)
        {
            span.SetSkymilesNote(ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogSkymilesOperationFailedEvent(quest.Region, "unknown_member", skymilesPlayerId: pseudonymizer.PseudonymizeSkymilesPlayerId(award.PlayerId.ToString())); // clean precision-pseudonym
        }

        var sample = HMACSHA256.HashData(secrets.PseudonymKey, award.PlayerId.ToByteArray())[0] < 26;
        Activity.Current?.SetTag("quest.sampled", sample); // clean hashes
        Activity.Current?.SetTag("quest.player_key", award.PlayerId.GetHashCode()); // leak TC1002 hashes
    }

    public void Publish()
    {
        Activity.Current?.SetTag("quest.top.player", biggestAward?.PlayerId.ToString()); // leak TC1001 cross-member
        Activity.Current?.SetTag("quest.top.miles", biggestAward?.Miles); // clean cross-member
        logger.LogInformation("Miles per player {Miles}", milesByPlayer); // leak TC1001 cross-member
        logger.LogInformation("Miles awarded to {Players} players", milesByPlayer.Count); // clean cross-member
    }
}
