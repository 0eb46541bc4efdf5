using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Caching;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Media;

public sealed record Entitlement(Guid SubscriberId, string TitleId, string Plan, bool Allowed, DateTimeOffset CheckedAt);

public interface IEntitlementService
{
    Task<Entitlement> CheckAsync(Guid subscriberId, string titleId, CancellationToken cancellationToken);
}

/// <summary>Entitlement checks cost a call to the rights service; they are cached per subscriber and title.</summary>
public sealed class EntitlementCache(HybridCache cache, IEntitlementService entitlements, Pseudonymizer pseudonymizer, Meter meter, ILogger<EntitlementCache> logger)
{
    private const string Region = "entitlements";
    private static readonly HybridCacheEntryOptions Options = new() { Expiration = TimeSpan.FromMinutes(15) };

    public async Task<Entitlement> CheckAsync(Guid subscriberId, string titleId, CancellationToken ct)
    {
        var key = $"ent:{subscriberId:N}:{titleId}";
        var fromSource = false;
        var entitlement = await cache.GetOrCreateAsync(
            key,
            (subscriberId, titleId, entitlements),
            async (state, token) =>
            {
                fromSource = true;
                return await state.entitlements.CheckAsync(state.subscriberId, state.titleId, token);
            },
            Options,
            tags: [$"subscriber:{subscriberId:N}", $"title:{titleId}"],
            cancellationToken: ct);

        var span = Activity.Current.EnrichCacheLookup(Region);
        span.SetCacheOutcome(fromSource ? "miss" : "hit"); // clean generated-api
        span.SetCacheSubjectId(pseudonymizer.PseudonymizeCacheSubjectId(subscriberId.ToString())); // clean precision-pseudonym
        meter.CreateCacheLookupsCounter().Add(1, Region, cacheOutcome: entitlement.Allowed ? "allowed" : $"denied:{entitlement.Plan}"); // clean generated-api
        if (!entitlement.Allowed)
        {
            span.SetCacheNote($"denied {key}"); // leak TC1001 generated-api
        }

        logger.LogDebug("Entitlement resolved {Entitlement}", entitlement); // leak TC1001 logging-objects
        return entitlement;
    }

    public async Task OnPlanChangedAsync(Guid subscriberId, string oldPlan, string newPlan, CancellationToken ct)
    {
        await cache.RemoveByTagAsync($"subscriber:{subscriberId:N}", ct);
        logger.LogInformation("Entitlements dropped after a plan change {OldPlan} -> {NewPlan}", oldPlan, newPlan); // clean precision-about
        logger.LogCacheInvalidatedEvent(Region, cacheNote: "plan changed", cacheSubjectId: pseudonymizer.PseudonymizeCacheSubjectId(subscriberId.ToString())); // clean generated-api
    }

    public async Task OnTitleWithdrawnAsync(string titleId, string territory, CancellationToken ct)
    {
        await cache.RemoveByTagAsync($"title:{titleId}", ct);
        logger.LogCacheInvalidatedEvent(Region, cacheNote: $"title {titleId} withdrawn in {territory}"); // clean generated-api
    }
}
