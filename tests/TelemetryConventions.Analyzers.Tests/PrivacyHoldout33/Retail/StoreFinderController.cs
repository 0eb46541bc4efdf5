using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout33.Support.Geo;
using PrivacyHoldout33.Telemetry;

namespace PrivacyHoldout33.Retail;

public sealed record Store(string StoreId, string Name, GeoPoint Position, string Format, bool ClickAndCollect);

public sealed record StoreHit(string StoreId, string Name, double DistanceKm);

public interface IStoreIndex
{
    IReadOnlyList<Store> All();
}

public static class StoreFinderTelemetry
{
    /// <summary>Tags the search's origin on the request span.</summary>
    public static void TagOrigin(Activity? activity, string origin) => activity?.SetTag("storefinder.origin", origin);
}

[ApiController]
[Route("stores")]
public sealed class StoreFinderController(
    IGeocoder geocoder,
    IStoreIndex stores,
    ILogger<StoreFinderController> logger,
    Meter meter) : ControllerBase
{
    private readonly Histogram<double> _nearestKm = meter.CreateHistogram<double>("storefinder.nearest_distance", "km");

    [HttpGet("nearby")]
    public async Task<ActionResult> Nearby(string? q, double? lat, double? lon, string customerTier, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("storefinder.customer_tier", customerTier); // clean precision-names
        GeoPoint origin;
        if (lat is not null && lon is not null)
        {
            origin = new GeoPoint(lat.Value, lon.Value);
            StoreFinderTelemetry.TagOrigin(activity, string.Create(CultureInfo.InvariantCulture, $"{lat:F5},{lon:F5}")); // leak TC1001 cross-member
            activity?.SetTag("storefinder.origin.area", origin.Round(1).ToLatLng(1)); // clean precision-about
        }
        else if (!string.IsNullOrWhiteSpace(q))
        {
            activity?.SetTag("storefinder.query", q); // leak TC1001 direct
            activity?.SetTag("storefinder.query.length", q.Length); // clean precision-about
            var candidates = await geocoder.GeocodeAsync(q, "GB", cancellationToken);
            Activity.Current.EnrichGeoLookup(geocoder.Name).SetGeoCandidateCount(candidates.Count).SetGeoNote($"no match for {q}"); // leak TC1001 generated-api
            if (candidates.Count == 0)
            {
                return NotFound();
            }
            origin = candidates[0].Point;
            StoreFinderTelemetry.TagOrigin(activity, candidates[0].Locality ?? "unknown"); // clean cross-member
        }
        else
        {
            return BadRequest("q or lat/lon required");
        }

        var hits = stores.All()
            .Select(s => new StoreHit(s.StoreId, s.Name, Math.Round(GeoMath.HaversineMetres(origin, s.Position) / 1000, 1)))
            .OrderBy(h => h.DistanceKm)
            .Take(5)
            .ToList();
        activity?.SetTag("storefinder.results", string.Join(",", hits.Select(h => h.StoreId))); // clean precision-about
        logger.LogInformation("Store search near {Origin} returned {Hits}", origin, hits); // leak TC1001 logging-objects
        logger.LogInformation("Nearest stores {@Hits}", hits); // clean logging-objects
        if (hits.Count > 0)
        {
            _nearestKm.Record(hits[0].DistanceKm, new KeyValuePair<string, object?>("store.id", hits[0].StoreId)); // clean precision-about
        }
        meter.CreateGeoLookupsCounter().Add(1, geoProvider: q is null ? "browser" : geocoder.Name, geoOutcome: hits.Count > 0 ? "found" : "none", geoCell: H3.ToHex(H3.LatLngToCell(origin, 11))); // leak TC1003 generated-api
        return Ok(hits);
    }
}
