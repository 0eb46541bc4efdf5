namespace PrivacyHoldout102.Media;

public sealed record Entitlement(Guid SubscriberId, string TitleId, string Plan, DateTimeOffset ExpiresAt);

/// <summary>Entitlement checks for playback: Redis first, then the entitlements table, and the support tool's raw lookups.</summary>
public sealed class EntitlementLookups(IDatabase redis, IDbConnection connection, ILogger<EntitlementLookups> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Streaming.Entitlements");
    private static readonly Meter Meter = new("Streaming.Entitlements");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("entitlements.lookups");

    public async Task<Entitlement?> CheckAsync(Guid subscriberId, string titleId, string plan, CancellationToken ct)
    {
        var key = $"ent:{subscriberId}:{titleId}";
        using var span = Source.StartSubsstoreQuery("entitlement-check").SetSubsstoreEntity(nameof(Entitlement)); // clean generated-api
        span.SetSubsstoreCacheKey(key); // leak TC1001 generated-api
        span.SetSubsstoreCacheKey($"ent:{{subscriber}}:{titleId}"); // clean strings
        Lookups.Add(1, new KeyValuePair<string, object?>("plan", plan), new KeyValuePair<string, object?>("subscriber", subscriberId)); // leak TC1003 direct
        try
        {
            var cached = await redis.StringGetAsync(key);
            if (cached.HasValue)
            {
                return null;
            }
        }
        catch (RedisTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
        }
        var entitlement = await connection.QuerySingleOrDefaultAsync<Entitlement>("SELECT SubscriberId, TitleId, Plan, ExpiresAt FROM Entitlements WHERE SubscriberId = @subscriberId AND TitleId = @titleId", new { subscriberId, titleId });
        logger.LogDebug("Entitlement {Entitlement}", entitlement); // leak TC1001 logging-objects
        logger.LogDebug("Entitlement on {Plan} expires {ExpiresAt}", entitlement?.Plan, entitlement?.ExpiresAt); // clean precision-about
        return entitlement;
    }

    public async Task<int> SupportLookupAsync(string subscriberEmail, string agentStaffNumber, CancellationToken ct)
    {
        var sql = "SELECT COUNT(*) FROM Subscribers WHERE Email = '" + subscriberEmail.Replace("'", "''") + "'";
        logger.LogInformation("Support lookup by {Agent}: {Sql}", pseudonymizer.ComputeSubsstoreStaffId(agentStaffNumber), sql); // leak TC1001 strings
        var count = await connection.ExecuteScalarAsync<int>(sql);
        Activity.Current?.SetTag(SubsstoreAttributes.SubscriberContact, subscriberEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("support.lookup.matches", count); // clean precision-about
        return count;
    }
}
