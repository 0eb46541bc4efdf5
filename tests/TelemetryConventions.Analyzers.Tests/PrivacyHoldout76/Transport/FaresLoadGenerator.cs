namespace PrivacyHoldout76.Transport;

public sealed class FakeRider
{
    public Guid RiderId { get; set; }

    public string Email { get; set; } = string.Empty;

    public string CardNumber { get; set; } = string.Empty;

    public string HomePostcode { get; set; } = string.Empty;
}

/// <summary>A load-test tap: positional, so it prints the card number with the stop.</summary>
public sealed record LoadTap(int VirtualUser, string CardNumber, string StopId, DateTimeOffset At);

/// <summary>Generates riders and their taps for the fares engine's rush-hour load test.</summary>
public sealed partial class FaresLoadGenerator(ShardKey shardKey, Pseudonymizer pseudonymizer, Meter meter, ILogger<FaresLoadGenerator> logger)
{
    private static readonly ActivitySource Source = new("Transit.Fares.LoadTest");
    private static readonly string[] Stops = ["STP-1001", "STP-1002", "STP-2040", "STP-3310"];
    private readonly Counter<long> _taps = meter.CreateCounter<long>("loadtest.taps");

    public IEnumerable<LoadTap> Generate(string runId, int riders, int seed)
    {
        Randomizer.Seed = new Random(seed);
        var generated = new Faker<FakeRider>("en_GB")
            .RuleFor(r => r.RiderId, f => f.Random.Uuid())
            .RuleFor(r => r.Email, f => f.Internet.Email())
            .RuleFor(r => r.CardNumber, f => f.Finance.CreditCardNumber())
            .RuleFor(r => r.HomePostcode, f => f.Address.ZipCode())
            .Generate(riders);

        using var span = Source.StartTransitopsProbe("load:rush-hour") // clean generated-api
            .SetTransitopsNote($"run {runId}: {riders} riders, seed {seed}"); // clean generated-api
        RunStarted(logger, runId, riders, seed); // clean precision-about

        for (var vu = 0; vu < generated.Count; vu++)
        {
            var rider = generated[vu];
            var tap = new LoadTap(vu, rider.CardNumber, Stops[vu % Stops.Length], DateTimeOffset.UtcNow);
            var lane = HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes(rider.CardNumber))[0] % 4;
            Activity.Current?.SetTag("load.lane", lane); // clean hashes
            var tapKey = string.Join(':', runId, rider.CardNumber, vu);
            Activity.Current?.SetTag("load.tap.key", tapKey); // leak TC1001 strings
            Activity.Current?.SetTag("load.rider", rider.RiderId.ToString()); // leak TC1001 direct
            Activity.Current?.SetTag("load.card.last4", rider.CardNumber[^4..]); // clean precision-about
            Activity.Current?.SetTag("load.card.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rider.CardNumber)))[..12]); // leak TC1002 hashes
            Activity.Current?.SetTag("load.home", rider.HomePostcode); // leak TC1001 direct
            span.Activity?.SetTag(TransitopsAttributes.RiderEmail, rider.Email); // leak TC1001 generated-api
            span.SetTransitopsRiderId(pseudonymizer.PseudonymizeTransitopsRiderId(rider.RiderId.ToString())); // clean precision-pseudonym
            _taps.Add(1, new KeyValuePair<string, object?>("run", runId), new KeyValuePair<string, object?>("stop", tap.StopId)); // clean precision-about
            _taps.Add(1, new KeyValuePair<string, object?>("card", tap.CardNumber)); // leak TC1003 direct
            logger.LogTrace("Tap {Tap}", tap); // leak TC1001 logging-objects
            logger.LogTrace("Tap by virtual user {VirtualUser} at {Stop}", tap.VirtualUser, tap.StopId);
            yield return tap;
        }
    }

    [LoggerMessage(EventId = 7671, Level = LogLevel.Information, Message = "Load run {RunId}: {Riders} riders from seed {Seed}")]
    private static partial void RunStarted(ILogger logger, string runId, int riders, int seed);
}
