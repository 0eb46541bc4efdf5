using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PrivacyHoldout72.Education;

/// <summary>
/// Per-client rate limiting of the student app's gateway: each signed-in student gets a token
/// bucket, the timetable scrapers that hammer the API anonymously are limited per IP address, and
/// partner systems (the MIS connector) per client id. Rejections are logged and counted.
/// </summary>
public sealed class StudentRateLimiting(ShardKey shardKey, Pseudonymizer pseudonymizer, Meter meter, ILogger<StudentRateLimiting> logger)
{
    private readonly GatewayQuotaRejectedCounter _rejected = meter.CreateGatewayQuotaRejectedCounter();
    private readonly Counter<long> _partitionsCreated = meter.CreateCounter<long>("campus.ratelimit.partitions");

    public void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = 429;
        options.AddPolicy("per-student", PartitionFor);
        options.OnRejected = OnRejectedAsync;
    }

    public RateLimitPartition<string> PartitionFor(HttpContext context)
    {
        var studentNumber = context.User.FindFirst("student_number")?.Value;
        var clientId = context.User.FindFirst("client_id")?.Value;

        if (clientId is not null && studentNumber is null)
        {
            _partitionsCreated.Add(1, new KeyValuePair<string, object?>("campus.partition.kind", "client"), new KeyValuePair<string, object?>("campus.client_id", clientId)); // clean precision-names
            return RateLimitPartition.GetFixedWindowLimiter("client:" + clientId, _ => new FixedWindowRateLimiterOptions { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) });
        }

        var key = studentNumber is not null
            ? $"student:{studentNumber}"
            : $"ip:{context.Connection.RemoteIpAddress}";
        logger.LogTrace("Rate-limit partition {Partition}", key); // leak TC1001 strings
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions { TokenLimit = 60, TokensPerPeriod = 20, ReplenishmentPeriod = TimeSpan.FromSeconds(10) });
    }

    private ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var studentNumber = http.User.FindFirst("student_number")?.Value;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait.TotalSeconds : 0d;

        http.Response.Headers["Retry-After"] = ((int)retryAfter).ToString();
        logger.LogWarning("Student app request throttled; retry after {RetryAfterSeconds}s", retryAfter); // clean precision-about

        if (studentNumber is null)
        {
            var address = http.Connection.RemoteIpAddress;
            logger.LogWarning("Anonymous client {ClientAddress} throttled on {Path}", address, http.Request.Path); // leak TC1001 direct
            _rejected.Add(1, "anonymous", gatewayPartition: NetworkOf(address)); // clean precision-about
            return ValueTask.CompletedTask;
        }

        _rejected.Add(1, "per-student", gatewayPartition: Shard(studentNumber)); // clean hashes
        _rejected.Add(1, "per-student", gatewayPartition: LegacyBucket(studentNumber)); // leak TC1002 hashes
        _rejected.Add(1, "per-student", gatewayPartition: "student:" + studentNumber); // leak TC1003 strings
        Activity.Current.EnrichCampusRequest("campus-api").SetCampusStudentId(pseudonymizer.PseudonymizeCampusStudentId(studentNumber)).SetCampusOutcome("throttled"); // clean precision-pseudonym
        return ValueTask.CompletedTask;
    }

    private string Shard(string studentNumber)
    {
        var mac = HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes(studentNumber));
        return "shard-" + (mac[0] % 16);
    }

    // Kept for the dashboards built before the shard key existed.
    private static string LegacyBucket(string studentNumber) =>
        "bucket-" + Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(studentNumber)))[..4];

    private static string NetworkOf(System.Net.IPAddress? address)
    {
        var bytes = address?.GetAddressBytes();
        return bytes is { Length: 4 } ? $"{bytes[0]}.{bytes[1]}.0.0/16" : "other";
    }
}
