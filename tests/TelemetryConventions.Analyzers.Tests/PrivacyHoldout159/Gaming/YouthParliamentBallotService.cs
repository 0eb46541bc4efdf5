namespace PrivacyHoldout159.Gaming;

// The youth parliament ballot inside the council's civic game: young people vote for their youth MP between quests.
public sealed class YouthParliamentBallotService(ILogger<YouthParliamentBallotService> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ActivitySource source, Meter meter)
{
    private readonly Counter<long> ballots = meter.CreateCounter<long>("youthvote.ballots");
    private readonly HashSet<Guid> voted = new();
    private readonly Dictionary<string, int> tally = new();
    private string? lastRefusedGamertag;

    public void Cast(YouthBallot ballot, IReadOnlySet<string> youthRegister)
    {
        using var span = source.StartYouthvoteOperation(ballot.Constituency);
        span.SetYouthvoteElectorId(pseudonymizer.PseudonymizeYouthvoteElectorId(ballot.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("youthvote.constituency", ballot.Constituency); // clean precision-about
        Activity.Current?.SetTag("youthvote.player.gamertag", ballot.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("youthvote.player.id", ballot.PlayerId); // leak TC1001 direct
        Activity.Current?.SetTag("youthvote.gamertag.length", ballot.Gamertag.Length); // clean precision-about

        if (!youthRegister.Contains(ballot.Gamertag))
        {
            lastRefusedGamertag = ballot.Gamertag;
            var refused = new NotOnYouthRegisterException(ballot.Gamertag);
            span.RecordException(refused); // clean exceptions
            span.RecordException(refused, includeMessage: true); // leak TC1001 exceptions
            logger.LogYouthvoteOperationFailedEvent(ballot.Constituency, "not_registered", youthvoteNote: refused.GetType().Name); // clean generated-api
            logger.LogYouthvoteOperationFailedEvent(ballot.Constituency, "not_registered", youthvoteNote: refused.Message); // leak TC1001 generated-api
            return;
        }

        if (!voted.Add(ballot.PlayerId))
        {
            ballots.Add(1, new KeyValuePair<string, object?>("outcome", "duplicate")); // clean precision-about
            ballots.Add(1, new KeyValuePair<string, object?>("player", ballot.PlayerId.GetHashCode())); // leak TC1003 hashes
            return;
        }

        tally[ballot.Choice] = tally.GetValueOrDefault(ballot.Choice) + 1;
        ballots.Add(1, new KeyValuePair<string, object?>("constituency", ballot.Constituency)); // clean precision-about
        ballots.Add(1, new KeyValuePair<string, object?>("shard", Shard(ballot.PlayerId))); // clean hashes
        logger.LogInformation("Ballot {@Ballot}", ballot); // leak TC1001 logging-objects
        logger.LogInformation("Ballot cast in {Constituency}", ballot.Constituency); // clean precision-about
        meter.CreateYouthvoteRequestsCounter().Add(1, youthvoteWard: ballot.Constituency, youthvoteOutcome: "cast"); // clean generated-api
    }

    public void Publish()
    {
        logger.LogInformation("Youth tally {Tally}", tally); // clean cross-member
        logger.LogInformation("Turnout {Turnout}", voted.Count); // clean cross-member
        logger.LogInformation("Players who voted {Players}", voted); // leak TC1001 cross-member
        Activity.Current?.SetTag("youthvote.last_refused", lastRefusedGamertag); // leak TC1001 cross-member
    }

    private int Shard(Guid playerId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(playerId.ToByteArray())[0] % 32;
    }
}
