namespace PrivacyHoldout111.Retail;

public sealed record CheckoutRequest(string CustomerNumber, Guid BasketId, string DeliveryPostcode, string PaymentMethod);

public sealed record OrderConfirmation(Guid OrderId, string CustomerNumber, string Email, decimal Total);

/// <summary>
/// Checkout: the shop session carries the customer and the delivery postcode between steps; the place-order call
/// is idempotent on the client's Idempotency-Key; loyalty points are counted in a Redis hash per customer.
/// </summary>
public sealed partial class CheckoutSessionState(IIdempotencyStore store, IConnectionMultiplexer redis, CacheOptions options, Pseudonymizer pseudonymizer, ILogger<CheckoutSessionState> logger)
{
    private static readonly ActivitySource Source = new("Shop.Checkout");
    private static readonly Meter Meter = new("Shop.Checkout");
    private static readonly Counter<long> Orders = Meter.CreateCounter<long>("checkout.orders");

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Checkout step {Step} without a customer in session {SessionId}")]
    private static partial void NoCustomer(ILogger logger, string step, string sessionId);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Delivery postcode {Postcode} kept for the session")]
    private static partial void PostcodeKept(ILogger logger, string postcode);

    public void SaveDelivery(StateHttpContext http, string postcode)
    {
        if (http.Session.GetString("customer") is null)
        {
            NoCustomer(logger, "delivery", http.Session.Id); // clean precision-names
            return;
        }
        http.Session.SetString("delivery.postcode", postcode);
        PostcodeKept(logger, postcode); // leak TC1001 direct
        Activity.Current?.SetTag("checkout.delivery.district", postcode.Split(' ')[0]); // clean precision-about
    }

    public async Task<(int Status, string Body)> PlaceAsync(StateHttpContext http, CheckoutRequest request, Func<Task<OrderConfirmation>> place, CancellationToken cancellationToken)
    {
        var key = http.Request.Headers["Idempotency-Key"];
        using var span = Source.StartCartstateSession("started").SetCartstateCacheKey(key); // clean generated-api
        span.SetCartstateCustomerId(pseudonymizer.PseudonymizeCartstateCustomerId(request.CustomerNumber)); // clean precision-pseudonym
        var (outcome, stored) = await store.TryBeginAsync(key, request.BasketId.ToString(), TimeSpan.FromSeconds(30), cancellationToken);
        if (outcome == IdempotencyOutcome.Replayed && stored is not null)
        {
            span.SetCartstateCacheOutcome("replayed").SetCartstateNote($"status {stored.StatusCode}"); // clean precision-about
            logger.LogInformation("Replayed order confirmation {Body}", stored.Body); // leak TC1001 strings
            return (stored.StatusCode, stored.Body);
        }
        if (outcome == IdempotencyOutcome.Mismatch)
        {
            try
            {
                throw new IdempotencyKeyReusedException(key, stored?.RequestFingerprint ?? "?", request.BasketId.ToString());
            }
            catch (IdempotencyKeyReusedException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "Key reused on basket {BasketId}", request.BasketId); // clean exceptions
                return (422, ex.Message);
            }
        }

        var confirmation = await place();
        await store.CompleteAsync(new StoredResponse(key, request.BasketId.ToString(), 201, JsonSerializer.Serialize(confirmation), DateTimeOffset.UtcNow), options.IdempotencyWindow, cancellationToken);
        Orders.Add(1, new KeyValuePair<string, object?>("payment", request.PaymentMethod)); // clean precision-names
        Orders.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeCartstateCustomerId(request.CustomerNumber))); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("checkout.order.id", confirmation.OrderId); // clean precision-names
        span.Activity?.SetTag("checkout.confirmation", confirmation.ToString()); // leak TC1001 logging-objects
        logger.LogInformation("Order {OrderId} total {Total}", confirmation.OrderId, confirmation.Total); // clean precision-about

        var db = redis.GetDatabase();
        var pointsKey = $"points:{request.CustomerNumber}";
        var balance = await db.HashIncrementAsync(pointsKey, "earned", (long)confirmation.Total);
        Activity.Current?.SetTag("loyalty.points.balance", balance); // clean precision-about
        logger.LogDebug("Points hash {PointsKey} now {Balance}", pointsKey, balance); // leak TC1001 strings
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("loyalty:changed"), request.CustomerNumber);
        return (201, JsonSerializer.Serialize(confirmation));
    }

    public void LogSessionOnError(StateHttpContext http, Exception error)
    {
        var snapshot = string.Join("; ", http.Session.Keys.Select(k => $"{k}={http.Session.GetString(k)}"));
        logger.LogError(error, "Checkout failed; session {Snapshot}", snapshot); // leak TC1001 strings
        Activity.Current?.SetTag("checkout.session.keys", http.Session.Keys.Count()); // clean precision-about
        Activity.Current?.SetTag("checkout.cookie.guest", http.Request.Cookies["guest"]); // leak TC1001 direct
    }
}
