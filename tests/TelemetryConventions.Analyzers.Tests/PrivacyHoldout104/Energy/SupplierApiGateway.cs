namespace PrivacyHoldout104.Energy;

public sealed record MeterReadSubmission(string AccountNumber, string MeterSerial, string Mpan, decimal Reading, DateOnly ReadOn);

/// <summary>
/// SupplyOS's partner API: each energy supplier calls with its API key in <c>X-Api-Key</c> and the
/// supplier code in <c>X-Supplier</c>; the gateway resolves the supplier, applies its per-minute limit
/// and forwards meter reads of the supplier's households.
/// </summary>
public sealed class SupplierApiGateway(
    IMultiTenantStore<TenantInfo> suppliers,
    IPartitionedRateLimiter limiter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SupplierApiGateway> logger)
{
    private static readonly ActivitySource Source = new("SupplyOS.Gateway");
    private static readonly Meter Meter = new("SupplyOS.Gateway");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("supplyos.gateway.requests");
    private static readonly SupplyosResolutionDurationHistogram Resolution = Meter.CreateSupplyosResolutionDurationHistogram();

    public async Task<bool> SubmitReadAsync(TenantRequest request, MeterReadSubmission read)
    {
        var started = Stopwatch.GetTimestamp();
        var code = await new HeaderStrategy("X-Supplier").GetIdentifierAsync(request);
        var supplier = code is null ? null : await suppliers.TryGetByIdentifierAsync(code);
        Resolution.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "header", supplier is null ? "unknown_tenant" : "resolved"); // clean generated-api
        if (supplier is null)
        {
            logger.LogWarning("Unknown supplier code {SupplierCode} from {UserAgent}", code, request.Headers["User-Agent"]); // clean precision-names
            return false;
        }

        using var span = Source.StartSupplyosTenantRequest(supplier.Id, "header");
        var apiKey = request.Headers["X-Api-Key"];
        span.Activity?.SetTag("supplyos.api_key.suffix", apiKey[^4..]); // clean precision-about
        Requests.Add(1, new KeyValuePair<string, object?>("supplyos.tenant.id", supplier.Id), new KeyValuePair<string, object?>("route", "/v1/reads")); // clean precision-names

        var lease = limiter.AttemptAcquire($"supplier:{supplier.Id}");
        if (!lease.IsAcquired)
        {
            span.SetSupplyosOutcome("throttled").SetSupplyosNote($"supplier {supplier.Name} over {lease.RetryAfter}"); // clean generated-api
            return false;
        }

        span.SetSupplyosTenantRegion(supplier.Region); // clean generated-api
        span.Activity?.SetTag("supplyos.account.id", pseudonymizer.ComputeSupplyosAccountId(read.AccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("supplyos.meter.serial", read.MeterSerial); // leak TC1001 cross-member
        span.Activity?.SetTag("supplyos.meter.model", read.MeterSerial[..3]); // clean precision-about
        logger.LogInformation("Read {Reading} for MPAN {Mpan} on {ReadOn}", read.Reading, read.Mpan, read.ReadOn); // leak TC1001 cross-member
        logger.LogDebug("Submission {Read}", read); // leak TC1001 logging-objects
        Requests.Add(1, new KeyValuePair<string, object?>("supplyos.account", read.AccountNumber)); // leak TC1003 cross-member

        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(read.Mpan))[0] & 7;
        span.Activity?.SetTag("supplyos.ingest.lane", lane); // clean hashes
        var dedupe = HashCode.Combine(read.Mpan, read.ReadOn);
        span.Activity?.SetTag("supplyos.read.dedupe", dedupe); // leak TC1002 hashes
        var household = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(read.AccountNumber)));
        logger.LogDebug("Household {Household} read accepted", household); // leak TC1002 hashes
        if (read.Reading < 0)
        {
            logger.LogWarning("Negative read refused for account {AccountNumber}", read.AccountNumber); // leak TC1001 cross-member
            return false;
        }

        span.SetSupplyosOutcome("accepted");
        return true;
    }
}
