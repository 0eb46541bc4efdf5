using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Telemetry;

namespace PrivacyHoldout16.Energy;

public sealed record SupplyPointDoc(string Mpan, string FeederId, string Postcode, string AddressLine);

public sealed record OutageAnswer(bool Affected, int Feeders, DateTimeOffset? EstimatedRestore);

/// <summary>"Is there a power cut at my address?": a postcode typed into the outage map.</summary>
public sealed class OutageLookup(ISearchClient search, ILogger<OutageLookup> logger, Meter meter)
{
    public async Task<OutageAnswer> ByPostcodeAsync(string postcode, CancellationToken cancellationToken)
    {
        var normalised = postcode.Replace(" ", string.Empty).ToUpperInvariant();
        var outward = normalised.Length > 3 ? normalised[..^3] : normalised;

        Activity.Current?.SetTag("outage.postcode.outward", outward); // clean precision-about
        logger.LogInformation("Outage lookup for {Postcode}", normalised); // leak TC1001 direct

        var hits = await search.SearchAsync<SupplyPointDoc>(new SearchRequest("supply-points", normalised) { Size = 200 }, cancellationToken);
        var feeders = hits.Hits.Select(h => h.Source.FeederId).Distinct().ToList();
        Activity.Current?.SetTag("outage.feeders", string.Join(',', feeders));
        Activity.Current?.SetTag("outage.supply_points", string.Join(',', hits.Hits.Select(h => h.Source.Mpan))); // leak TC1001 cross-member
        meter.CreateSearchRequestsCounter().Add(1, "supply-points", SearchQueryKind.Postcode); // clean precision-names

        if (hits.Total == 0)
        {
            logger.LogWarning("No supply points under {Address}", hits.SuggestedQuery ?? postcode); // leak TC1001 direct
            return new OutageAnswer(false, 0, null);
        }

        return new OutageAnswer(true, feeders.Count, DateTimeOffset.UtcNow.AddHours(3));
    }
}
