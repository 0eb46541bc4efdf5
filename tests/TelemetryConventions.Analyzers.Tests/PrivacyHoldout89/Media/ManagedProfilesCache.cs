namespace PrivacyHoldout89.Media;

/// <summary>
/// Which viewing profiles a subscriber manages, from the relationship store
/// (<c>type profile relations define owner: [subscriber]; define manager: [subscriber] or manager from plan</c>),
/// cached per subscriber because the home screen asks on every load.
/// </summary>
public sealed class ManagedProfilesCache(IOpenFgaClient fga, IMemoryCache cache, TelemetrySecrets secrets, ActivitySource source, Meter meter, ILogger<ManagedProfilesCache> logger, Pseudonymizer pseudonymizer)
{
    private readonly ConcurrentDictionary<string, int> _missesBySubscriber = new();

    public async Task<IReadOnlyList<string>> GetAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        var key = $"managed-profiles:{subscriberId:N}";
        var started = Stopwatch.GetTimestamp();
        if (cache.TryGetValue<IReadOnlyList<string>>(key, out var cached) && cached is not null)
        {
            meter.CreateStreamauthzCheckDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, streamauthzResourceType: "profile", streamauthzCacheResult: "hit"); // clean precision-about
            return cached;
        }

        using var span = source.StartStreamauthzRelationCheck("manager", "profile");
        span.SetStreamauthzCacheResult("miss");
        span.SetStreamauthzActorId(pseudonymizer.PseudonymizeStreamauthzActorId(subscriberId.ToString())); // clean precision-pseudonym
        _missesBySubscriber.AddOrUpdate(subscriberId.ToString(), 1, (_, n) => n + 1);
        try
        {
            var response = await fga.ListObjects(new ClientListObjectsRequest { User = $"subscriber:{subscriberId}", Relation = "manager", Type = "profile" }, cancellationToken: cancellationToken);
            cache.Set(key, response.Objects, TimeSpan.FromMinutes(2));
            span.SetStreamauthzNote($"{response.Objects.Count} managed profiles"); // clean generated-api
            logger.LogDebug("Managed profiles for {CacheKey}: {Count}", key, response.Objects.Count); // leak TC1001 strings
            logger.LogDebug("Managed profiles: {Profiles}", string.Join(",", response.Objects)); // leak TC1001 strings
            return response.Objects;
        }
        catch (FgaApiRateLimitExceededError ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Relationship store throttled on {Store}", ex.StoreId); // clean precision-names
            return Array.Empty<string>();
        }
        catch (FgaApiValidationError ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return Array.Empty<string>();
        }
        finally
        {
            meter.CreateStreamauthzCheckDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, streamauthzResourceType: "profile", streamauthzCacheResult: "miss"); // clean precision-about
        }
    }

    public void Invalidate(Guid subscriberId, string reason)
    {
        cache.Remove($"managed-profiles:{subscriberId:N}");
        var partition = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, subscriberId.ToByteArray()), 0) % 64;
        logger.LogInformation("Invalidated managed profiles ({Reason}) in partition {Partition}", reason, partition); // clean hashes
        var legacyPartition = subscriberId.GetHashCode() % 64;
        logger.LogInformation("Invalidated managed profiles in legacy partition {Partition}", legacyPartition); // leak TC1002 hashes
    }

    public void ReportMisses()
    {
        logger.LogInformation("Managed-profile cache misses by subscriber: {Misses}", _missesBySubscriber); // leak TC1001 cross-member
        logger.LogInformation("Managed-profile cache misses: {Subscribers} subscribers, {Total} misses", _missesBySubscriber.Count, _missesBySubscriber.Values.Sum()); // clean precision-about
    }
}
