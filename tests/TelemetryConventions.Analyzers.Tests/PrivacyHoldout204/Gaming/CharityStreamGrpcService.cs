namespace PrivacyHoldout204.Gaming;

public sealed record DonateRequest(string PlayerId, string Gamertag, string StreamId, decimal Amount, string Currency, bool GiftAid, string? Message, string? DonorEmail);

public sealed record DonateReply(string DonationId, bool Accepted);

public sealed record StreamTotals(string StreamId, int Donations, decimal Raised, int GiftAided);

/// <summary>A publisher's charity stream: players donate to a foodbank appeal in game, over gRPC.</summary>
public sealed partial class CharityStreamGrpcService(
    DonorCrm crm,
    Pseudonymizer pseudonymizer,
    CharityOptions options,
    ILogger<CharityStreamGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Publisher.CharityStream");
    private static readonly Meter Meter = new("Publisher.CharityStream");
    private static readonly Counter<long> Donations = Meter.CreateCounter<long>("stream.donations");
    private readonly Dictionary<string, decimal> _topDonors = new();

    public async Task<DonateReply> Donate(DonateRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("CharityStream/Donate", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("stream.id", request.StreamId); // clean precision-names
        activity?.SetTag("player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("player.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("donation.amount", (double)request.Amount); // clean precision-about
        activity?.SetTag("donation.currency", request.Currency); // clean precision-about
        activity?.SetTag("donation.gift_aid", request.GiftAid); // clean precision-about
        activity?.SetTag("donation.message", request.Message); // leak TC1001 direct
        activity?.SetTag("donation.message_length", request.Message?.Length ?? 0); // clean precision-about

        var donor = pseudonymizer.Pseudonymize(Spaces.Donor, request.PlayerId);
        activity?.SetTag("donor.pseudonym", donor.Value); // clean precision-pseudonym
        logger.LogInformation("Donation from {Donor} to {Stream}", donor, request.StreamId); // clean precision-pseudonym
        Donations.Add(1, new KeyValuePair<string, object?>("stream", request.StreamId)); // clean precision-names
        Donations.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
        Donations.Add(1, new KeyValuePair<string, object?>("donor", donor.Value)); // leak TC1003 precision-pseudonym

        using var op = Source.StartStreamgiveOperation(request.StreamId).SetStreamgiveClientId(pseudonymizer.Pseudonymize(Spaces.Client, request.PlayerId)); // clean generated-api
        op.SetStreamgiveScheme(request.GiftAid ? "gift-aid" : "donation"); // clean generated-api
        op.SetStreamgiveNote(request.Message); // leak TC1001 generated-api
        op.SetStreamgiveClientId(Pseudonym.FromComputed(request.PlayerId)); // leak TC1001 generated-api

        if (request.DonorEmail is not null && await crm.FindByEmailAsync(request.DonorEmail, context.CancellationToken) is null)
        {
            var ex = new DonorNotFoundException(request.DonorEmail);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            var rpc = new RpcException("NotFound", $"no donor record for player {request.PlayerId}");
            activity?.AddException(rpc); // leak TC1001 exceptions
            activity?.AddException(new RpcException("NotFound", "donor record missing")); // clean exceptions
            logger.LogStreamgiveOperationFailedEvent(request.StreamId, "no-donor"); // clean generated-api
            throw rpc;
        }

        var donation = new Donation(Guid.NewGuid().ToString("N"), request.PlayerId, request.Amount, request.Currency, request.GiftAid);
        await crm.RecordAsync(donation, context.CancellationToken);
        activity?.SetTag("donation.id", donation.DonationId); // clean precision-names
        logger.LogInformation("Recorded {Donation}", donation); // leak TC1001 logging-objects
        logger.LogInformation("Recorded {@Donation}", new { donation.DonationId, donation.Amount, donation.GiftAid }); // clean logging-objects
        logger.LogInformation("Recorded {@Request}", request with { DonorEmail = null, Message = null }); // leak TC1001 logging-objects
        _topDonors[request.Gamertag] = _topDonors.GetValueOrDefault(request.Gamertag) + request.Amount;
        LogDonated(logger, request.Gamertag, request.Amount, request.StreamId); // clean logging-objects
        LogDonatedUnclassified(logger, request.Gamertag, request.StreamId); // leak TC1001 logging-objects
        Meter.CreateStreamgiveOperationsCounter().Add(1, request.StreamId, "accepted"); // clean generated-api
        return new DonateReply(donation.DonationId, true);
    }

    public Task<StreamTotals> Totals(string streamId, ServerCallContext context)
    {
        using var activity = Source.StartActivity("CharityStream/Totals", ActivityKind.Server);
        var totals = new StreamTotals(streamId, _topDonors.Count, _topDonors.Values.Sum(), 0);
        logger.LogInformation("Totals {@Totals}", totals); // clean logging-objects
        activity?.SetTag("stream.donor_count", _topDonors.Count); // clean precision-about
        activity?.SetTag("stream.leaderboard", string.Join(",", _topDonors.OrderByDescending(d => d.Value).Take(3).Select(d => d.Key))); // leak TC1001 strings
        activity?.SetTag("stream.top_donor", TopDonor()); // leak TC1001 cross-member
        activity?.SetTag("stream.top_amount", (double)_topDonors.Values.DefaultIfEmpty().Max()); // clean precision-about
        activity?.SetTag("stream.leader_hash", TopDonor().GetHashCode()); // leak TC1002 hashes
        activity?.SetTag("stream.leader_lane", HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(TopDonor()))[0] % 4); // clean hashes
        activity?.AddEvent(new ActivityEvent("totals.read", tags: new ActivityTagsCollection { ["stream.id"] = streamId, ["donations"] = totals.Donations })); // clean precision-names
        activity?.SetTag("stream.top_donor_count", _topDonors.Keys.Count(k => k.Length > 0)); // clean precision-about
        Donations.Add(0, new KeyValuePair<string, object?>("leader", TopDonor())); // leak TC1003 cross-member
        logger.LogInformation("Leader board {@Board}", _topDonors); // leak TC1001 logging-objects
        logger.LogInformation("Leader board size {Size}, stream {StreamId}", _topDonors.Count, streamId); // clean precision-names
        Meter.CreateStreamgiveOperationDurationHistogram().Record(0.02, streamId); // clean generated-api
        return Task.FromResult(totals);
    }

    private string TopDonor() => _topDonors.OrderByDescending(d => d.Value).Select(d => d.Key).FirstOrDefault() ?? string.Empty;

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "{Gamertag} donated {Amount} on {StreamId}")]
    private static partial void LogDonated(ILogger logger, [PrivateData] string gamertag, decimal amount, string streamId);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "{Gamertag} donated on {StreamId}")]
    private static partial void LogDonatedUnclassified(ILogger logger, string gamertag, string streamId);
}
