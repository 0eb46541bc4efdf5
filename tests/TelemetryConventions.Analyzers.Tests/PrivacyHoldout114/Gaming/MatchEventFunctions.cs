namespace PrivacyHoldout114.Gaming;

public sealed record MatchEnded(string MatchId, string Mode, string Region, int DurationSeconds, IReadOnlyList<MatchParticipant> Participants);

public sealed record MatchParticipant(Guid PlayerId, string Gamertag, int Placement, int Kills);

public sealed record PurchaseMessage(Guid PlayerId, string Sku, int Coins, string Platform);

public sealed class InsufficientCoinsException(Guid playerId, int balance, int price)
    : Exception($"Player {playerId} has {balance} coins, needs {price}");

/// <summary>Match results come from Event Grid; purchases come on a Service Bus queue with sessions per player.</summary>
public sealed class MatchEventFunctions(ILogger<MatchEventFunctions> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, IWallets wallets)
{
    private static readonly ActivitySource Source = new("Studio.Match.Functions");
    private static readonly Meter Meter = new("Studio.Match.Functions");
    private static readonly MatchfnInvocationsCounter Invocations = Meter.CreateMatchfnInvocationsCounter();
    private static readonly Histogram<int> Placement = Meter.CreateHistogram<int>("matchfn.placement");
    private static readonly Counter<long> Purchases = Meter.CreateCounter<long>("matchfn.purchases");

    [Function("MatchEnded")]
    public void OnMatchEnded([EventGridTrigger] EventGridEvent gridEvent, FunctionContext context)
    {
        using var span = Source.StartMatchfnInvoke("MatchEnded", "eventgrid");
        var match = gridEvent.Data.ToObjectFromJson<MatchEnded>()!;
        span.SetMatchfnMode(match.Mode).SetMatchfnInstanceId(match.MatchId).SetMatchfnBatchSize(match.Participants.Count); // clean generated-api
        logger.LogInformation("Event {EventId} {EventType} subject {Subject}", gridEvent.Id, gridEvent.EventType, gridEvent.Subject); // clean precision-names
        var winner = match.Participants.OrderBy(p => p.Placement).First();
        span.SetMatchfnNote($"won by {winner.Gamertag}"); // leak TC1001 generated-api
        logger.LogInformation("Match {MatchId} won by {Winner}", match.MatchId, winner.PlayerId); // leak TC1001 direct
        logger.LogInformation("Match {MatchId} won by {Winner}", match.MatchId, pseudonymizer.ComputeMatchfnPlayerId(winner.PlayerId.ToString())); // clean precision-pseudonym
        foreach (var participant in match.Participants)
        {
            Placement.Record(participant.Placement, new KeyValuePair<string, object?>("mode", match.Mode)); // clean precision-about
        }
        logger.LogInformation("Participants {Participants}", match.Participants); // leak TC1001 logging-objects
        logger.LogInformation("Kills by placement {Kills}", match.Participants.OrderBy(p => p.Placement).Select(p => p.Kills)); // clean logging-objects
        logger.LogInformation("Top fraggers {Fraggers}", string.Join(", ", match.Participants.OrderByDescending(p => p.Kills).Take(3).Select(p => p.Gamertag))); // leak TC1001 strings
        Invocations.Add(1, "MatchEnded", "eventgrid", "completed"); // clean generated-api
    }

    [Function("ApplyPurchase")]
    public async Task ApplyPurchase(
        [ServiceBusTrigger("purchases", Connection = "EconomyBus", IsSessionsEnabled = true, AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        FunctionContext context)
    {
        using var span = Source.StartMatchfnInvoke("ApplyPurchase", "servicebus");
        span.Activity?.SetTag("messaging.servicebus.session_id", message.SessionId); // leak TC1001 precision-names
        span.Activity?.SetTag("messaging.servicebus.sequence_number", message.SequenceNumber); // clean precision-names
        var purchase = message.Body.ToObjectFromJson<PurchaseMessage>()!;
        span.SetMatchfnPlayerId(pseudonymizer.PseudonymizeMatchfnPlayerId(purchase.PlayerId.ToString())); // clean generated-api
        var shard = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, purchase.PlayerId.ToByteArray())) % 64;
        span.Activity?.SetTag("matchfn.wallet.shard", shard); // clean hashes
        var weak = new Guid(MD5.HashData(purchase.PlayerId.ToByteArray()));
        logger.LogDebug("Wallet lookup {WalletKey}", weak); // leak TC1002 hashes
        try
        {
            await wallets.DebitAsync(purchase.PlayerId, purchase.Coins);
            Purchases.Add(1, new KeyValuePair<string, object?>("sku", purchase.Sku), new KeyValuePair<string, object?>("platform", purchase.Platform)); // clean precision-about
            await actions.CompleteMessageAsync(message);
        }
        catch (InsufficientCoinsException ex)
        {
            await actions.DeadLetterMessageAsync(message, deadLetterReason: "InsufficientCoins", deadLetterErrorDescription: ex.Message);
            logger.LogWarning("Purchase dead-lettered: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogMatchfnFunctionFailedEvent("ApplyPurchase", "dead_lettered", pseudonymizer.PseudonymizeMatchfnPlayerId(purchase.PlayerId.ToString()), "InsufficientCoins"); // clean generated-api
            Purchases.Add(1, new KeyValuePair<string, object?>("player", purchase.PlayerId)); // leak TC1003 direct
        }
    }
}

public interface IWallets
{
    Task DebitAsync(Guid playerId, int coins);
}
