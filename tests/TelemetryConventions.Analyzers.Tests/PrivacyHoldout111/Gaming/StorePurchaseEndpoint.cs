namespace PrivacyHoldout111.Gaming;

public sealed record PurchaseRequest(Guid PlayerId, string OfferId, string Platform, string ReceiptId);

public sealed record PurchaseGrant(Guid GrantId, string OfferId, IReadOnlyList<string> Items, int NewBalance);

/// <summary>
/// The in-game store: the client sends the platform receipt, retried on flaky networks, so the grant is stored
/// under `grant:{player}:{receipt}` and replayed; the store session lives in a cookie-backed session.
/// </summary>
public sealed partial class StorePurchaseEndpoint(IIdempotencyStore store, CacheOptions options, Pseudonymizer pseudonymizer, ILogger<StorePurchaseEndpoint> logger)
{
    private static readonly ActivitySource Source = new("Studio.Store");
    private static readonly Meter Meter = new("Studio.Store");
    private static readonly Counter<long> Grants = Meter.CreateCounter<long>("store.grants");

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Grant replayed for {GrantKey}")]
    private static partial void GrantReplayed(ILogger logger, string grantKey);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Grant stored for {GrantKey}")]
    private static partial void GrantStored(ILogger logger, [PrivateData] string grantKey);

    public async Task<(int Status, string Body)> PurchaseAsync(StateHttpContext http, PurchaseRequest request, Func<Task<PurchaseGrant>> grant, CancellationToken cancellationToken)
    {
        var grantKey = $"grant:{request.PlayerId:N}:{request.ReceiptId}";
        using var span = Source.StartPlaystateSession("started").SetPlaystatePlayerId(pseudonymizer.PseudonymizePlaystatePlayerId(request.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("store.offer", request.OfferId); // clean precision-names
        span.Activity?.SetTag("store.receipt", request.ReceiptId); // clean precision-names
        span.Activity?.SetTag("store.session", http.Session.Id); // clean precision-names

        var (outcome, stored) = await store.TryBeginAsync(grantKey, request.OfferId, TimeSpan.FromSeconds(15), cancellationToken);
        if (outcome == IdempotencyOutcome.Replayed && stored is not null)
        {
            GrantReplayed(logger, grantKey); // leak TC1001 logging-objects
            span.SetPlaystateCacheOutcome("replayed").SetPlaystateNote($"stored {stored.StoredAt:O}"); // clean precision-about
            Grants.Add(1, new KeyValuePair<string, object?>("platform", request.Platform), new KeyValuePair<string, object?>("outcome", "replayed")); // clean precision-names
            return (stored.StatusCode, stored.Body);
        }
        if (outcome == IdempotencyOutcome.InFlight)
        {
            var busy = new IdempotencyInFlightException(TimeSpan.FromSeconds(1));
            logger.LogInformation(busy, "Purchase still in flight"); // clean exceptions
            return (409, busy.Message);
        }

        var granted = await grant();
        var body = JsonSerializer.Serialize(granted);
        await store.CompleteAsync(new StoredResponse(grantKey, request.OfferId, 200, body, DateTimeOffset.UtcNow), options.IdempotencyWindow, cancellationToken);
        GrantStored(logger, grantKey); // clean logging-objects
        logger.LogDebug("Grant body {Body}", body); // clean strings
        span.SetPlaystateCacheKey(grantKey); // leak TC1001 generated-api
        Grants.Add(1, new KeyValuePair<string, object?>("platform", request.Platform), new KeyValuePair<string, object?>("player", request.PlayerId)); // leak TC1003 direct
        http.Session.SetString("last-offer", request.OfferId);
        http.Session.SetString("buyer", request.PlayerId.ToString("N"));
        return (200, body);
    }

    public void DescribeSession(StateHttpContext http)
    {
        var buyer = http.Session.GetString("buyer");
        var lastOffer = http.Session.GetString("last-offer");
        Activity.Current?.SetTag("store.session.last_offer", lastOffer); // clean cross-member
        Activity.Current?.SetBaggage("store.buyer", buyer); // leak TC1001 cross-member
        logger.LogDebug("Store session cookies {Cookies}", http.Request.Cookies.Keys); // clean precision-names
        logger.LogDebug("Request {Request}", JsonSerializer.Serialize(new { http.Request.Path, Session = http.Session.Id, Buyer = buyer })); // leak TC1001 strings
    }
}
