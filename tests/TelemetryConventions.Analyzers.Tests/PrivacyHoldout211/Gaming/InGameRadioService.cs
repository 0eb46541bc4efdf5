namespace PrivacyHoldout211.Gaming;

public sealed record StationRequest(string PlayerId, string Gamertag, string WorldId, string StationId);

public sealed record StationReply(string StationId, IReadOnlyList<string> TrackIds);

public sealed record SoundtrackRoyaltyRequest(string StatementId, string ArtistId);

/// <summary>In-game radio over gRPC: players tune stations; soundtrack artists are paid royalties.</summary>
public sealed partial class InGameRadioService(
    IRecommender recommender,
    IRoyaltyGateway royalties,
    ILogger<InGameRadioService> logger,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Publisher.InGameRadio");
    private readonly Counter<long> _tunes = meter.CreateCounter<long>("radio.tunes");
    private readonly Dictionary<string, RoyaltyStatement> _statements = new();

    public async Task<StationReply> Tune(StationRequest request, ServerCallContext context)
    {
        using var span = Source.StartQuestbeatsOperation(request.WorldId);
        var player = pseudonymizer.PseudonymizeQuestbeatsListenerId(request.PlayerId);
        span.SetQuestbeatsListenerId(player); // clean generated-api
        span.SetQuestbeatsFormat("radio"); // clean generated-api
        span.SetQuestbeatsNote(request.Gamertag + " tuned " + request.StationId); // leak TC1001 generated-api
        Activity.Current?.SetTag("rpc.method", context.Method); // clean precision-names
        Activity.Current?.SetTag("rpc.peer", context.Peer); // leak TC1001 direct
        Activity.Current?.SetTag("radio.station", request.StationId); // clean precision-names
        Activity.Current?.SetTag("radio.world", request.WorldId); // clean precision-names
        Activity.Current?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("player.gamertag_length", request.Gamertag.Length); // clean precision-about
        _tunes.Add(1, new KeyValuePair<string, object?>("station", request.StationId)); // clean precision-names
        _tunes.Add(1, new KeyValuePair<string, object?>("player", player.Value)); // leak TC1003 precision-pseudonym
        _tunes.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
        logger.LogInformation("Tune {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Tune {Player} to {StationId}", player, request.StationId); // clean precision-pseudonym
        LogTuned(logger, request.Gamertag, request.StationId); // clean logging-objects
        try
        {
            var batch = await recommender.RecommendAsync(request.PlayerId, 12, context.CancellationToken);
            var reply = new StationReply(request.StationId, batch.TrackIds);
            logger.LogInformation("Reply {@Reply}", reply); // clean logging-objects
            logger.LogInformation("Station {StationId} gets {Count} tracks", reply.StationId, reply.TrackIds.Count); // clean precision-about
            return reply;
        }
        catch (ListenerNotFoundException ex)
        {
            span.RecordException(ex); // clean exceptions
            var rpc = new RpcException("NotFound", $"player {request.PlayerId} has no radio profile");
            Activity.Current?.SetStatus(ActivityStatusCode.Error, rpc.Message); // leak TC1001 exceptions
            throw rpc;
        }
        catch (TrackNotLicensedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Track not licensed for world {WorldId}", request.WorldId); // clean exceptions
            throw new RpcException("FailedPrecondition", "track not licensed");
        }
    }

    public async Task<string> PaySoundtrackRoyalty(SoundtrackRoyaltyRequest request, RoyaltyStatement statement, ServerCallContext context)
    {
        _statements[request.StatementId] = statement;
        using var activity = Source.StartActivity("royalty.pay");
        activity?.SetTag("royalty.statement", statement.StatementId); // clean precision-names
        activity?.SetTag("royalty.artist", statement.ArtistId); // clean precision-names
        activity?.SetTag("royalty.period", statement.Period); // clean precision-names
        activity?.SetTag("royalty.amount", (double)statement.Amount); // clean precision-about
        activity?.SetTag("royalty.sort_code", statement.SortCode); // clean precision-about
        activity?.SetTag("royalty.account_last2", statement.AccountNumber[^2..]); // clean precision-about
        activity?.SetTag("royalty.payee", statement.PayeeLegalName); // leak TC1001 direct
        activity?.SetTag("royalty.account", statement.AccountNumber); // leak TC1001 direct
        activity?.SetTag("royalty.bank_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(statement.SortCode + statement.AccountNumber)))); // leak TC1002 hashes
        logger.LogInformation("Paying {Statement}", statement); // leak TC1001 logging-objects
        logger.LogInformation("Paying {Statement}", statement with { AccountNumber = "****" }); // leak TC1001 logging-objects
        try
        {
            return await royalties.PayAsync(statement, context.CancellationToken);
        }
        catch (RoyaltyPaymentRejectedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("error.type", "payment_rejected"); // clean exceptions
            throw;
        }
    }

    public void LogPending()
    {
        foreach (var statement in _statements.Values)
        {
            logger.LogInformation("Pending statement {StatementId} for {Payee}", statement.StatementId, statement.PayeeLegalName); // leak TC1001 cross-member
            logger.LogInformation("Pending statement {StatementId} of {Amount}", statement.StatementId, statement.Amount); // clean precision-about
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Gamertag} tuned to {StationId}")]
    private static partial void LogTuned(ILogger logger, [PrivateData] string gamertag, string stationId);
}
