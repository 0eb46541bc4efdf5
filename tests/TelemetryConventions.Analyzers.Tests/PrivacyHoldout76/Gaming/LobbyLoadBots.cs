namespace PrivacyHoldout76.Gaming;

/// <summary>A load-test bot: its id is the harness's, its gamertag and email come from the fake-data generator.</summary>
public sealed record LoadBot(string BotId, string Gamertag, string Email, string Region);

/// <summary>Thrown by the lobby client when the identity service refuses a sign-in; quotes the gamertag and the service's reason code (throttled, unknown-account).</summary>
public sealed class LoginRejectedException(string gamertag, string reason)
    : Exception($"Sign-in rejected for {gamertag}: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>Spawns bots that join lobbies during the pre-season load test.</summary>
public sealed class LobbyLoadBots(ShardKey shardKey, Meter meter, ILogger<LobbyLoadBots> logger)
{
    private static readonly string[] Regions = ["eu-west", "eu-north", "us-east"];
    private readonly Counter<long> _spawned = meter.CreateCounter<long>("loadtest.bots.spawned");

    public List<LoadBot> Spawn(string runId, int count, int seed)
    {
        Randomizer.Seed = new Random(seed);
        var faker = new Faker("en");
        var bots = new List<LoadBot>(count);
        for (var i = 0; i < count; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var bot = new LoadBot($"bot-{i:0000}", faker.Internet.UserName(first, last), faker.Internet.Email(first, last), faker.Random.ArrayElement(Regions));
            bots.Add(bot);

            logger.LogDebug("Spawned {BotId} in {Region}", bot.BotId, bot.Region);
            logger.LogDebug("Spawned bot as {Gamertag}", bot.Gamertag); // leak TC1001 direct
            logger.LogTrace($"Bot {bot.BotId} is {bot.Gamertag} <{bot.Email}>"); // leak TC1001 strings
            Activity.Current?.SetTag("load.bot.email", bot.Email); // leak TC1001 direct
            _spawned.Add(1, new KeyValuePair<string, object?>("run", runId), new KeyValuePair<string, object?>("region", bot.Region));
            _spawned.Add(1, new KeyValuePair<string, object?>("gamertag", bot.Gamertag)); // leak TC1003 direct

            var lane = HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes(bot.Gamertag))[0] % 8;
            Activity.Current?.SetTag("load.lane", lane); // clean hashes
            var legacyLane = MD5.HashData(Encoding.UTF8.GetBytes(bot.Gamertag))[0] % 8;
            Activity.Current?.SetTag("load.legacy_lane", legacyLane); // leak TC1002 hashes
        }

        logger.LogInformation("Run {RunId} spawned {Count} bots from seed {Seed}", runId, count, seed);
        logger.LogInformation("Bot ids {Bots}", string.Join(",", bots.Select(b => b.BotId))); // clean precision-about
        logger.LogDebug("Bots {Bots}", string.Join(",", bots)); // leak TC1001 logging-objects
        return bots;
    }

    public async Task SignInAsync(LoadBot bot, Func<LoadBot, Task> signIn)
    {
        try
        {
            await signIn(bot);
        }
        catch (LoginRejectedException ex)
        {
            logger.LogWarning(ex, "Bot {BotId} could not sign in", bot.BotId); // leak TC1001 exceptions
            Activity.Current?.SetTag("load.signin.reason", ex.Reason); // clean exceptions
            Activity.Current?.SetTag("load.signin.error", ex.GetType().Name); // clean exceptions
        }
    }
}
