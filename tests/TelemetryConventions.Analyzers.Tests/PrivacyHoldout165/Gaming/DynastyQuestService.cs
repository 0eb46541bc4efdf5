namespace PrivacyHoldout165.Gaming;

/// <summary>A family-tree building game: players found a dynasty, marry heirs and unlock ancestors across generations.</summary>
public sealed class DynastyQuestService(
    IDynastyPlayers players,
    Pseudonymizer pseudonymizer,
    ILogger<DynastyQuestService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Dynasty.Quests");
    private readonly Counter<long> _completed = meter.CreateCounter<long>("dynasty.quests.completed");

    public async Task CompleteAsync(Guid playerId, DynastyQuest quest, CancellationToken cancellationToken)
    {
        using var span = Source.StartDynastyOperation(quest.Realm);
        var player = await players.FindAsync(playerId, cancellationToken);
        if (player is null)
        {
            return;
        }

        var pseudonym = pseudonymizer.PseudonymizeDynastyPlayerId(playerId.ToString());
        span.SetDynastyPlayerId(pseudonym); // clean generated-api
        span.SetDynastyMode("dynasty"); // clean generated-api
        span.SetDynastyNote($"heir {quest.HeirName} of generation {quest.Generation}"); // clean generated-api
        span.Activity?.SetTag("quest.id", quest.QuestId); // clean precision-names
        span.Activity?.SetTag("quest.generation", quest.Generation); // clean precision-about
        span.Activity?.SetTag("quest.heir", quest.HeirName); // clean precision-names
        span.Activity?.SetTag("player.id", playerId); // leak TC1001 direct
        span.Activity?.SetTag("player.gamertag", player.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("player.region", player.Region); // clean precision-about
        logger.LogInformation("{Gamertag} finished {Quest} in generation {Generation}", player.Gamertag, quest.QuestId, quest.Generation); // leak TC1001 direct
        logger.LogInformation("Quest done {@Quest}", quest); // clean logging-objects
        logger.LogDebug("Player {Player}", player); // leak TC1001 logging-objects
        _completed.Add(1, new KeyValuePair<string, object?>("realm", quest.Realm), new KeyValuePair<string, object?>("generation", quest.Generation)); // clean precision-about
        _completed.Add(1, new KeyValuePair<string, object?>("player", pseudonym.Value)); // leak TC1003 precision-pseudonym
        meter.CreateDynastyTradesCounter().Add(1, quest.Realm, player.Gamertag); // leak TC1003 generated-api
        Activity.Current?.AddBaggage("dynasty.player", pseudonym.Value); // clean precision-pseudonym
        Activity.Current?.AddBaggage("dynasty.gamertag", player.Gamertag); // leak TC1001 direct
    }
}
