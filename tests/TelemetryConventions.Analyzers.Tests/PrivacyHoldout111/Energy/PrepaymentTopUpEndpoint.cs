namespace PrivacyHoldout111.Energy;

public sealed record TopUpRequest(string AccountNumber, string MeterSerial, decimal Amount, string Channel);

public sealed record TopUpReceipt(Guid TopUpId, decimal Amount, DateTimeOffset At);

/// <summary>
/// Prepayment top-ups from the app, the website and shop terminals. The app sends an Idempotency-Key; shop
/// terminals do not, so the endpoint makes one from the account, the amount and the minute.
/// </summary>
public sealed class PrepaymentTopUpEndpoint(IIdempotencyStore store, CacheOptions options, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<PrepaymentTopUpEndpoint> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Prepay");
    private static readonly Meter Meter = new("Supplier.Prepay");
    private static readonly Counter<long> TopUps = Meter.CreateCounter<long>("prepay.topups");

    public async Task<(int Status, string Body)> HandleAsync(StateHttpContext http, TopUpRequest request, Func<Task<TopUpReceipt>> vend, CancellationToken cancellationToken)
    {
        var key = http.Request.Headers.TryGetValue("Idempotency-Key", out var clientKey)
            ? clientKey
            : $"terminal:{request.AccountNumber}:{request.Amount:0.00}:{DateTime.UtcNow:yyyyMMddHHmm}";
        using var span = Source.StartMeterstateSession("started");
        span.SetMeterstateCacheKey(key); // leak TC1001 generated-api
        span.Activity?.SetTag("prepay.channel", request.Channel); // clean precision-names
        span.Activity?.SetTag("prepay.idempotency.shard", KeyedShard.Of(secrets.ShardKey, key, 32)); // clean hashes
        span.Activity?.SetTag("prepay.idempotency.key_md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(key)))); // leak TC1002 hashes

        var (outcome, stored) = await store.TryBeginAsync(key, request.Amount.ToString(CultureInfo.InvariantCulture), TimeSpan.FromSeconds(20), cancellationToken);
        if (outcome == IdempotencyOutcome.Replayed && stored is not null)
        {
            span.SetMeterstateCacheOutcome("replayed"); // clean precision-about
            logger.LogInformation("Top-up replayed: status {Status}, receipt {Receipt}", stored.StatusCode, stored.Body); // clean strings
            TopUps.Add(1, new KeyValuePair<string, object?>("channel", request.Channel), new KeyValuePair<string, object?>("outcome", "replayed")); // clean precision-names
            return (stored.StatusCode, stored.Body);
        }
        if (outcome == IdempotencyOutcome.Mismatch)
        {
            var ex = new IdempotencyKeyReusedException(key, stored?.RequestFingerprint ?? "?", request.Amount.ToString(CultureInfo.InvariantCulture));
            logger.LogWarning(ex, "Refused a reused key"); // leak TC1001 exceptions
            return (422, "Idempotency-Key reused");
        }

        var receipt = await vend();
        var body = JsonSerializer.Serialize(receipt);
        await store.CompleteAsync(new StoredResponse(key, request.Amount.ToString(CultureInfo.InvariantCulture), 201, body, DateTimeOffset.UtcNow), options.IdempotencyWindow, cancellationToken);
        span.SetMeterstateAccountId(pseudonymizer.PseudonymizeMeterstateAccountId(request.AccountNumber)); // clean precision-pseudonym
        TopUps.Add(1, new KeyValuePair<string, object?>("channel", request.Channel), new KeyValuePair<string, object?>("meter", pseudonymizer.ComputeMeterstateMeterId(request.MeterSerial))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Vended top-up {TopUpId} of {Amount} for {Account}", receipt.TopUpId, receipt.Amount, request.AccountNumber); // leak TC1001 direct
        logger.LogDebug("Top-up request {Request}", request); // leak TC1001 logging-objects
        Activity.Current?.SetBaggage("prepay.account", pseudonymizer.ComputeMeterstateAccountId(request.AccountNumber)); // clean precision-pseudonym
        return (201, body);
    }
}
