namespace PrivacyHoldout141.Gaming;

/// <summary>
/// When a ride event ends, reads its leaderboard, grants the top drivers their coins and cab skins, and puts
/// players into the cohorts the next event's ride-bonus test compares.
/// </summary>
public sealed partial class RideEventRewardsWorker(
    IQueueReceiver<RideEvent> endedEvents,
    IGameEventsClient events,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<RideEventRewardsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ended = await endedEvents.ReceiveAsync(stoppingToken);
            if (ended is not null)
            {
                await RewardAsync(ended, stoppingToken);
            }
        }
    }

    private async Task RewardAsync(RideEvent ended, CancellationToken cancellationToken)
    {
        using var span = source.StartRidequestOperation(ended.EventId, "ridequest.rewards");
        span.SetRidequestMap(ended.MapId);
        logger.LogInformation("Rewarding {@Event}", ended); // clean logging-objects

        var top = await events.LeaderboardAsync(ended.EventId, 10, cancellationToken);
        span.SetRidequestRideCount(top.Sum(r => r.Rides)); // clean generated-api
        logger.LogInformation("Top ten {Rows}", top); // leak TC1001 logging-objects
        span.SetRidequestNote($"Winner {top[0].Gamertag} with {top[0].Coins} coins"); // leak TC1001 generated-api
        span.Activity?.SetTag("ridequest.winner.coins", top[0].Coins);
        Log.Podium(logger, top[0].Gamertag, top[1].Gamertag, top[2].Gamertag); // clean logging-objects

        foreach (var row in top)
        {
            var cohort = (row.Gamertag.GetHashCode() & 0x7fffffff) % 3;
            span.Activity?.AddEvent(new ActivityEvent("reward.cohort", tags: new ActivityTagsCollection { ["cohort"] = cohort, ["rank"] = row.Rank })); // leak TC1002 hashes

            using var hmac = new HMACSHA256(secrets.PseudonymKey);
            var keyed = hmac.ComputeHash(Encoding.UTF8.GetBytes(row.Gamertag))[0] % 3;
            span.Activity?.AddEvent(new ActivityEvent("reward.cohort.keyed", tags: new ActivityTagsCollection { ["cohort"] = keyed })); // clean hashes
        }

        meter.CreateRidequestRidesCounter().Add(top.Count, ended.EventId, "rewarded");
        meter.CreateCounter<long>("ridequest.rewards.granted").Add(top.Count, new KeyValuePair<string, object?>("winner", top[0].Gamertag)); // leak TC1003 direct
    }

    public async Task GrantBonusAsync(string eventId, Guid playerId, int coins, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("ridequest.bonus");
        var bucket = playerId.GetHashCode() % 10;
        activity?.SetTag("ridequest.bonus.bucket", bucket); // leak TC1002 hashes
        activity?.SetTag("ridequest.bonus.coins", coins);
        activity?.SetTag("ridequest.bonus.player", pseudonymizer.PseudonymizeRidequestPlayerId(playerId.ToString()).Value); // clean precision-pseudonym

        await events.GrantAsync(playerId, "skin-cab-neon", coins, cancellationToken);
        logger.LogInformation("Granted {Coins} coins in {Event} to {GrantKey}", coins, eventId, GrantKey(eventId, playerId)); // leak TC1001 strings
        logger.LogInformation("Granted {Coins} coins in {Event} for SKU {Sku}", coins, eventId, "skin-cab-neon"); // clean precision-names
    }

    private static string GrantKey(string eventId, Guid playerId) => $"grant:{eventId}:{playerId:N}";

    private static partial class Log
    {
        [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Podium {First}, {Second}, {Third}")]
        public static partial void Podium(ILogger logger, [PrivateData] string first, [PrivateData] string second, [PrivateData] string third);
    }
}
