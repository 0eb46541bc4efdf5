namespace PrivacyHoldout168.Gaming;

/// <summary>
/// Consumes chargebacks from the payment provider (topic <c>payments.chargebacks</c>, keyed by dispute id); a
/// chargeback on a pay-later instalment puts the player's pay-later account into arrears and blocks new credit.
/// </summary>
public sealed class ChargebackConsumer(
    IConsumer<string, Chargeback> consumer,
    IArrearsLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<ChargebackConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Store.Chargebacks");
    private static readonly Meter Meter = new("Store.Chargebacks");
    private static readonly Counter<long> Disputes = Meter.CreateCounter<long>("chargebacks.received");

    public Dictionary<Guid, string> Gamertags { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var chargeback = result.Message.Value;
            using var activity = Source.StartActivity("chargeback.process", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
            activity?.SetTag("dispute.reason_code", chargeback.ReasonCode); // clean precision-about
            Disputes.Add(1, new KeyValuePair<string, object?>("reason", chargeback.ReasonCode)); // clean precision-about
            logger.LogInformation("Chargeback {DisputeId} on order {OrderId} for {Amount}", chargeback.DisputeId, chargeback.OrderId, chargeback.Amount); // clean precision-about
            logger.LogInformation("Chargeback {Chargeback}", chargeback); // leak TC1001 logging-objects
            activity?.AddEvent(new ActivityEvent("chargeback.player", tags: new ActivityTagsCollection { ["player"] = chargeback.PlayerId.ToString() })); // leak TC1001 direct
            TagGamertag(activity, chargeback.PlayerId);

            try
            {
                var gamertag = Gamertags.GetValueOrDefault(chargeback.PlayerId, "unknown");
                if (chargeback.ReasonCode == "fraud")
                {
                    throw new PlayerCreditBlockedException(gamertag);
                }
                var account = await ledger.FindAsync("PL-" + chargeback.PlayerId.ToString("N"), stoppingToken);
                logger.LogInformation("Pay-later account now {Days} days in arrears", account?.DaysInArrears ?? 0); // clean precision-about
            }
            catch (PlayerCreditBlockedException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Credit blocked ({Type})", ex.GetType().Name); // clean exceptions
                logger.LogPlaypayOperationFailedEvent("store", "blocked", playpayPlayerId: pseudonymizer.PseudonymizePlaypayPlayerId(chargeback.PlayerId.ToString()), playpayNote: ex.Message); // leak TC1001 exceptions
            }
            consumer.Commit(result);
        }
    }

    private void TagGamertag(Activity? activity, Guid playerId)
    {
        activity?.SetTag("player.gamertag", Gamertags.GetValueOrDefault(playerId)); // leak TC1001 cross-member
    }
}
