namespace PrivacyHoldout203.Gaming;

public sealed record CastVoteRequest(string ElectionId, string PlayerId, string Gamertag, string NomineePlayerId, string Region, string? ProxyForPlayerId);

public sealed record CastVoteReply(string VoteId, bool Accepted);

public sealed record NomineeRequest(string ElectionId, string Region);

/// <summary>A publisher's player council elections, over gRPC: players vote for nominees, and may cast a vote as another player's proxy.</summary>
public sealed partial class CouncilElectionGrpcService(
    ISectorStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<CouncilElectionGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Publisher.PlayerCouncil");

    private readonly Counter<long> _votes = meter.CreateCounter<long>("council.votes");
    private readonly HashSet<string> _proxies = new();
    private string? _lastGamertag;
    private int _votesCast;

    public async Task<CastVoteReply> CastVote(CastVoteRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("council.cast_vote", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean precision-about
        activity?.SetTag("client.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("council.election", request.ElectionId); // clean precision-about
        activity?.SetTag("council.region", request.Region); // clean precision-about
        activity?.SetTag("council.player_id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("council.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("council.nominee", request.NomineePlayerId); // leak TC1001 direct
        activity?.SetTag("council.is_proxy_vote", request.ProxyForPlayerId is not null); // clean precision-about
        activity?.SetTag("council.voter", pseudonymizer.ComputeGuildvoteElectorId(request.PlayerId)); // clean precision-pseudonym
        activity?.SetTag("council.gamertag_length", request.Gamertag.Length); // clean precision-about

        if (request.ProxyForPlayerId is { } principal)
        {
            _proxies.Add(principal);
            activity?.SetTag("council.proxy_for", principal); // leak TC1001 direct
        }

        _lastGamertag = request.Gamertag;
        _votesCast++;

        var span = new GuildvoteOperationSpan(activity)
            .SetGuildvoteElectorId(pseudonymizer.PseudonymizeGuildvoteElectorId(request.PlayerId)) // clean generated-api
            .SetGuildvoteElection(request.ElectionId) // clean generated-api
            .SetGuildvoteChannel(request.ProxyForPlayerId is null ? "online" : "proxy"); // clean generated-api
        span.SetGuildvoteNote("vote for nominee " + request.NomineePlayerId); // leak TC1001 generated-api

        var vote = new CouncilVote(Guid.NewGuid().ToString("N"), request.PlayerId, request.Gamertag, request.NomineePlayerId, request.ElectionId, request.Region);
        logger.LogInformation("Vote cast {Vote}", vote); // leak TC1001 logging-objects
        logger.LogInformation("Vote cast {@Vote}", vote with { PlayerId = "", Gamertag = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Vote cast {VoteId} in {ElectionId} ({Region})", vote.VoteId, vote.ElectionId, vote.Region); // clean precision-about
        LogVoteFor(logger, vote.VoteId, request.NomineePlayerId); // clean logging-objects
        LogVoteByGamertag(logger, request.Gamertag); // leak TC1001 logging-objects

        try
        {
            if (request.NomineePlayerId == request.PlayerId)
            {
                throw new RpcException("InvalidArgument", $"Player {request.PlayerId} cannot vote for themselves");
            }

            await store.SaveAsync(vote, context.CancellationToken);
        }
        catch (RpcException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("rpc.grpc.status", ex.Status); // clean exceptions
            span.RecordException(ex); // clean generated-api
            logger.LogGuildvoteOperationFailedEvent(request.Region, "rejected", guildvoteNote: $"self vote by {request.Gamertag}"); // leak TC1001 generated-api
            return new CastVoteReply(vote.VoteId, false);
        }

        _votes.Add(1, new KeyValuePair<string, object?>("region", request.Region)); // clean precision-about
        _votes.Add(1, new KeyValuePair<string, object?>("nominee", request.NomineePlayerId)); // leak TC1003 direct
        _votes.Add(1, new KeyValuePair<string, object?>("voter", pseudonymizer.PseudonymizeGuildvoteElectorId(request.PlayerId).Value)); // leak TC1003 precision-pseudonym
        meter.CreateGuildvoteOperationDurationHistogram().Record(0.2, request.Region); // clean generated-api
        activity?.SetTag("council.voter_bucket", HashCode.Combine(request.PlayerId) % 64); // leak TC1002 hashes
        activity?.SetTag("council.voter_partition", BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.PlayerId))) % 64); // clean hashes
        return new CastVoteReply(vote.VoteId, true);
    }

    public Task<IReadOnlyList<NomineeCard>> ListNominees(NomineeRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("council.list_nominees", ActivityKind.Server);
        IReadOnlyList<NomineeCard> nominees = new List<NomineeCard>();
        activity?.SetTag("council.nominee_count", nominees.Count); // clean precision-names
        activity?.SetTag("council.nominee_names", string.Join(", ", nominees.Select(n => n.DisplayName))); // leak TC1001 strings
        activity?.SetTag("council.manifesto_chars", nominees.Sum(n => n.Manifesto.Length)); // clean precision-about
        activity?.SetTag("council.nominee_card_layout", "compact"); // clean precision-names
        return Task.FromResult(nominees);
    }

    public void ReportTally()
    {
        using var activity = Source.StartActivity("council.tally");
        activity?.SetTag("council.votes_cast", _votesCast); // clean cross-member
        activity?.SetTag("council.proxy_count", _proxies.Count); // clean cross-member
        activity?.SetTag("council.last_gamertag", _lastGamertag); // leak TC1001 cross-member
        activity?.SetTag("council.proxies", string.Join(",", _proxies)); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Vote {VoteId} for nominee {NomineePlayerId}")]
    private static partial void LogVoteFor(ILogger logger, string voteId, [PrivateData] string nomineePlayerId);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Vote by {Gamertag}")]
    private static partial void LogVoteByGamertag(ILogger logger, string gamertag);
}
