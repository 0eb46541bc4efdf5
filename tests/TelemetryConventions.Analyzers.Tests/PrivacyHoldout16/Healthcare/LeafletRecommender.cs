using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.OpenFeature;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Support.Segment;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Healthcare;

/// <summary>A patient signed in to the portal, with the leaflets they have read.</summary>
public sealed record PortalReader(string PortalAccountId, string Email, string NhsNumber, IReadOnlyList<string> ReadLeafletIds);

/// <summary>Suggests patient-education leaflets similar to the ones a reader has opened.</summary>
public sealed class LeafletRecommender(
    IVectorIndex leaflets,
    IFeatureClient flags,
    IAnalytics analytics,
    Pseudonymizer pseudonymizer,
    ILogger<LeafletRecommender> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Portal.Recommendations");

    public async Task<IReadOnlyList<string>> RecommendAsync(PortalReader reader, int count, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("leaflets.recommend");

        var context = EvaluationContext.Builder()
            .SetTargetingKey(reader.PortalAccountId)
            .Set("email", reader.Email)
            .Set("region", "north-west")
            .Build();
        var model = await flags.GetStringDetailsAsync("leaflet-recs-model", "popularity", context);
        activity?.SetTag("recs.model", model.Value); // clean precision-about
        activity?.SetTag("feature_flag.variant", model.Variant); // clean precision-about
        activity?.SetTag("feature_flag.context.id", context.TargetingKey); // leak TC1001 cross-member

        var seeds = reader.ReadLeafletIds.TakeLast(5).ToList();
        activity?.SetTag("recs.seed.count", seeds.Count);
        activity?.SetTag("recs.seed.leaflets", string.Join(',', seeds)); // clean precision-about

        var candidates = new List<Neighbour>();
        foreach (var leafletId in seeds)
        {
            if (await leaflets.EmbeddingOfAsync(leafletId, cancellationToken) is { } embedding)
            {
                candidates.AddRange(await leaflets.NearestAsync(embedding, count * 2, cancellationToken));
            }
        }

        var picked = candidates
            .Where(c => !reader.ReadLeafletIds.Contains(c.ItemId))
            .OrderBy(c => c.Distance)
            .Select(c => c.ItemId)
            .Distinct()
            .Take(count)
            .ToList();

        logger.LogDebug("Recommended {Count} leaflets with {Model} for reader {Reader}", picked.Count, model.Value, pseudonymizer.ComputeAnalyticsUserId(reader.PortalAccountId)); // clean precision-pseudonym
        logger.LogDebug("Leaflet recommendations for {Email}: {Leaflets}", reader.Email, picked); // leak TC1001 cross-member
        analytics.Track(reader.PortalAccountId, "Leaflets Recommended", new Dictionary<string, object?> { ["count"] = picked.Count, ["model"] = model.Value }); // clean direct
        return picked;
    }
}
