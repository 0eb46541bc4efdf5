namespace PrivacyHoldout203.Energy;

/// <summary>An energy co-operative's board election: ballots returned online arrive on a topic keyed by member number.</summary>
public sealed partial class MemberBallotConsumer(
    IConsumer<string, MemberBallot> consumer,
    ISectorStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<MemberBallotConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Coop.BoardBallot");

    private readonly Counter<long> _ballots = meter.CreateCounter<long>("coop.board_ballots.returned");
    private readonly Dictionary<string, int> _returnedByRegion = new();
    private string? _lastMemberEmail;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var ballot = result.Message.Value;
            using var activity = Source.StartActivity("board_ballot.returned", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-about
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-about
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("ballot.id", ballot.BallotId); // clean precision-about
            activity?.SetTag("ballot.region", ballot.Region); // clean precision-about
            activity?.SetTag("ballot.member_number", ballot.MemberNumber); // leak TC1001 direct
            activity?.SetTag("ballot.member_name", ballot.MemberName); // leak TC1001 direct
            activity?.SetTag("ballot.member_email_domain", ballot.Email[(ballot.Email.IndexOf('@') + 1)..]); // clean precision-about
            activity?.SetTag("ballot.member_pseudonym", pseudonymizer.ComputeCoopballotElectorId(ballot.MemberNumber)); // clean precision-pseudonym
            activity?.SetTag("ballot.voted", ballot.Voted); // clean precision-about
            activity?.SetTag("ballot.correlation", result.Message.Headers.GetValueOrDefault("correlation-id")); // clean precision-about

            _lastMemberEmail = ballot.Email;
            _returnedByRegion[ballot.Region] = _returnedByRegion.GetValueOrDefault(ballot.Region) + 1;

            using var span = Source.StartCoopballotOperation(ballot.Region)
                .SetCoopballotElectorId(pseudonymizer.PseudonymizeCoopballotElectorId(ballot.MemberNumber)) // clean generated-api
                .SetCoopballotElection(ballot.BallotId) // clean generated-api
                .SetCoopballotChannel("online"); // clean generated-api
            span.SetCoopballotNote($"ballot returned by {ballot.Email}"); // leak TC1001 generated-api
            span.SetCoopballotItems(_returnedByRegion[ballot.Region]); // clean generated-api

            logger.LogInformation("Ballot returned {Ballot}", ballot); // leak TC1001 logging-objects
            logger.LogInformation("Ballot returned {@Ballot}", ballot with { Email = "redacted" }); // leak TC1001 logging-objects
            logger.LogInformation("Ballot returned {@Ballot}", new { ballot.BallotId, ballot.Region, ballot.Voted }); // clean logging-objects
            LogBallotReturned(logger, ballot.BallotId, ballot.MemberName); // clean logging-objects

            try
            {
                await store.SaveAsync(ballot, stoppingToken);
                consumer.Commit(result);
            }
            catch (DeadlinePassedException ex)
            {
                activity?.AddException(ex); // clean exceptions
                span.RecordException(ex); // clean generated-api
                logger.LogCoopballotOperationFailedEvent(ballot.Region, "late", coopballotElectorId: pseudonymizer.PseudonymizeCoopballotElectorId(ballot.MemberNumber)); // clean generated-api
            }
            catch (Exception ex)
            {
                var wrapped = new InvalidOperationException($"Could not store ballot for member {ballot.MemberNumber}", ex);
                activity?.AddException(wrapped); // leak TC1001 exceptions
                logger.LogError("Storing ballot failed: {Reason}", wrapped.Message); // leak TC1001 exceptions
                logger.LogError("Storing ballot failed: {Type}", ex.GetType().FullName); // clean exceptions
            }

            _ballots.Add(1, new KeyValuePair<string, object?>("region", ballot.Region)); // clean precision-about
            _ballots.Add(1, new KeyValuePair<string, object?>("member", ballot.MemberNumber)); // leak TC1003 direct
            _ballots.Add(1, new KeyValuePair<string, object?>("member.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(ballot.MemberNumber))[0] & 7)); // clean hashes
            activity?.SetTag("ballot.member_hash", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(ballot.MemberNumber)))); // leak TC1002 hashes
        }
    }

    public void ReportTurnout()
    {
        using var activity = Source.StartActivity("board_ballot.turnout");
        activity?.SetTag("turnout.regions", _returnedByRegion.Count); // clean cross-member
        activity?.SetTag("turnout.by_region", string.Join(",", _returnedByRegion.Select(kv => $"{kv.Key}={kv.Value}"))); // clean cross-member
        activity?.SetTag("turnout.last_member", _lastMemberEmail); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Ballot {BallotId} returned by {MemberName}")]
    private static partial void LogBallotReturned(ILogger logger, string ballotId, [PrivateData] string memberName);
}
