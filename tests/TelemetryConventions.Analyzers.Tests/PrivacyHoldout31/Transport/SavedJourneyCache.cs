using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Caching;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Transport;

/// <summary>A journey a rider saved in the app, with the label they typed ("Home to Mum's").</summary>
public sealed record SavedJourney(string FromStop, string ToStop, string Label);

public interface ISavedJourneyStore
{
    Task<IReadOnlyList<SavedJourney>> LoadAsync(Guid riderId, CancellationToken cancellationToken);
}

/// <summary>The app's home screen reads a rider's saved journeys on every launch; they are cached for a day.</summary>
public sealed class SavedJourneyCache(IDistributedCache cache, ISavedJourneyStore store, Pseudonymizer pseudonymizer, ILogger<SavedJourneyCache> logger)
{
    private static readonly DistributedCacheEntryOptions Entry = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1) };

    public async Task<IReadOnlyList<SavedJourney>> GetAsync(Guid riderId, string riderEmail, CancellationToken ct)
    {
        var key = $"saved-journeys:{riderId:N}";
        using var scope = logger.BeginScope("Saved journeys {CacheKey}", key); // leak TC1001 strings

        var activity = Activity.Current;
        activity?.SetBaggage("rider.ref", pseudonymizer.ComputeCacheSubjectId(riderId.ToString())); // clean precision-pseudonym
        // Kept until the fares service reads rider.ref.
        activity?.SetBaggage("rider.id", riderId.ToString()); // leak TC1001 direct
        activity?.SetTag("rider.email_domain", riderEmail[(riderEmail.IndexOf('@') + 1)..]); // clean precision-about

        var json = await cache.GetStringAsync(key, ct);
        if (json is not null)
        {
            return JsonSerializer.Deserialize<List<SavedJourney>>(json) ?? [];
        }

        var journeys = await store.LoadAsync(riderId, ct);
        await cache.SetStringAsync(key, JsonSerializer.Serialize(journeys), Entry, ct);
        activity?.SetTag("saved_journeys.count", journeys.Count);
        logger.LogDebug("Loaded saved journeys {@Journeys}", journeys); // leak TC1001 logging-objects
        return journeys;
    }

    public async Task ForgetAsync(Guid riderId, CancellationToken ct)
    {
        await cache.RemoveAsync($"saved-journeys:{riderId:N}", ct);
        logger.LogCacheInvalidatedEvent("saved-journeys", cacheSubjectId: pseudonymizer.PseudonymizeCacheSubjectId(riderId.ToString())); // clean generated-api
    }
}
