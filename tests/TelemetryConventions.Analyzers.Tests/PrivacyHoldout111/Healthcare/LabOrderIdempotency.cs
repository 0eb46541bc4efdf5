namespace PrivacyHoldout111.Healthcare;

public sealed record LabOrderRequest(string HospitalNumber, string TestCode, string Ward, string RequestedBy);

public sealed record LabOrderAccepted(Guid OrderId, string HospitalNumber, string TestCode, DateTimeOffset DueBy);

/// <summary>Order comms retry on timeouts; the endpoint stores the first response under the client's Idempotency-Key.</summary>
public sealed class LabOrderIdempotency(IIdempotencyStore store, CacheOptions options, ILogger<LabOrderIdempotency> logger)
{
    private static readonly ActivitySource Source = new("Trust.OrderComms");
    private static readonly Meter Meter = new("Trust.OrderComms");
    private static readonly Counter<long> Replays = Meter.CreateCounter<long>("ordercomms.idempotency.replays");

    public async Task<(int Status, string Body)> PlaceAsync(StateHttpContext http, LabOrderRequest request, Func<Task<LabOrderAccepted>> place, CancellationToken cancellationToken)
    {
        var key = http.Request.Headers.TryGetValue("Idempotency-Key", out var header) ? header : Guid.NewGuid().ToString();
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        using var span = Source.StartChartcacheSession("started").SetChartcacheCacheKey(key); // clean generated-api
        span.Activity?.SetTag("idempotency.fingerprint", fingerprint[..16]); // leak TC1002 hashes

        var (outcome, stored) = await store.TryBeginAsync(key, fingerprint, TimeSpan.FromSeconds(30), cancellationToken);
        switch (outcome)
        {
            case IdempotencyOutcome.Replayed when stored is not null:
                span.SetChartcacheCacheOutcome("replayed"); // clean precision-about
                Replays.Add(1, new KeyValuePair<string, object?>("test", request.TestCode), new KeyValuePair<string, object?>("ward", request.Ward)); // clean precision-names
                logger.LogInformation("Replaying stored response {Stored}", stored); // leak TC1001 logging-objects
                logger.LogDebug("Replayed {Status} stored at {StoredAt} for key {IdempotencyKey}", stored.StatusCode, stored.StoredAt, stored.Key); // clean precision-names
                return (stored.StatusCode, stored.Body);
            case IdempotencyOutcome.Mismatch:
                var conflict = new IdempotencyKeyReusedException(key, stored?.RequestFingerprint ?? "?", fingerprint);
                span.RecordException(conflict, includeMessage: true); // leak TC1002 exceptions
                return (422, conflict.Message);
            case IdempotencyOutcome.InFlight:
                var busy = new IdempotencyInFlightException(TimeSpan.FromSeconds(2));
                span.SetStatus(ActivityStatusCode.Error, busy.Message); // clean exceptions
                return (409, busy.Message);
        }

        try
        {
            var accepted = await place();
            var body = JsonSerializer.Serialize(accepted);
            await store.CompleteAsync(new StoredResponse(key, fingerprint, 201, body, DateTimeOffset.UtcNow), options.IdempotencyWindow, cancellationToken);
            span.Activity?.SetTag("ordercomms.order.id", accepted.OrderId); // clean precision-names
            logger.LogDebug("Stored {Length} bytes for the order: {Body}", body.Length, body); // leak TC1001 strings
            return (201, body);
        }
        catch (Exception ex)
        {
            await store.ReleaseAsync(key, cancellationToken);
            logger.LogError(ex, "Order for {Test} on {Ward} failed; released key {IdempotencyKey}", request.TestCode, request.Ward, key); // clean exceptions
            span.Activity?.SetTag("ordercomms.request", request.ToString()); // leak TC1001 logging-objects
            throw;
        }
    }
}
