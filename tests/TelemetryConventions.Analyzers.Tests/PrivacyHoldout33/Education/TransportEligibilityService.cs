using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout33.Support.Geo;
using PrivacyHoldout33.Telemetry;

namespace PrivacyHoldout33.Education;

/// <summary>A parent's application for free home-to-school transport.</summary>
public sealed record EligibilityApplication(string ApplicationId, string StudentNumber, string HomeAddress, string Postcode, string SchoolUrn, int YearGroup);

public sealed record School(string Urn, string Name, GeoPoint Gate);

public sealed record EligibilityDecision(string ApplicationId, bool Eligible, double WalkingKm, string Reason);

public interface ISchoolDirectory
{
    School Get(string urn);
}

public sealed partial class TransportEligibilityService(
    IGeocoder geocoder,
    ISchoolDirectory schools,
    TelemetrySecrets secrets,
    ILogger<TransportEligibilityService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("SchoolTransport.Eligibility");
    private readonly Counter<long> _assessed = meter.CreateCounter<long>("school_transport.applications", "{application}");

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Application {ApplicationId} (year {YearGroup}): {WalkingKm} km, eligible {Eligible}")]
    private static partial void LogDecision(ILogger logger, string applicationId, int yearGroup, double walkingKm, bool eligible);

    public async Task<EligibilityDecision?> AssessAsync(EligibilityApplication application, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("eligibility.assess");
        activity?.SetTag("application.id", application.ApplicationId);
        var query = application.HomeAddress + ", " + application.Postcode;
        activity?.SetTag("geocode.query", query); // leak TC1001 strings

        IReadOnlyList<GeocodeCandidate> candidates;
        try
        {
            candidates = await geocoder.GeocodeAsync(query, "GB", cancellationToken);
        }
        catch (GeocodingException ex)
        {
            logger.LogWarning(ex, "Could not geocode the home of application {ApplicationId}", application.ApplicationId); // leak TC1001 exceptions
            return null;
        }
        catch (GeocoderQuotaException ex)
        {
            logger.LogWarning(ex, "Geocoder quota reached while assessing {ApplicationId}", application.ApplicationId); // clean exceptions
            return null;
        }

        activity?.SetTag("geocode.candidates", candidates.Count); // clean precision-about
        var best = candidates.OrderByDescending(c => c.Confidence).FirstOrDefault();
        if (best is null)
        {
            return null;
        }
        activity?.SetTag("geocode.match_level", best.MatchLevel); // clean precision-about
        activity?.SetTag("geocode.confidence", best.Confidence); // clean precision-about
        activity?.SetTag("home.formatted_address", best.FormattedAddress); // leak TC1001 direct
        activity?.SetTag("home.place_id", best.PlaceId); // leak TC1001 direct

        var school = schools.Get(application.SchoolUrn);
        var walkingKm = GeoMath.HaversineMetres(best.Point, school.Gate) * 1.3 / 1000;
        var eligible = walkingKm > (application.YearGroup <= 3 ? 3.2 : 4.8);
        var decision = new EligibilityDecision(application.ApplicationId, eligible, Math.Round(walkingKm, 1), eligible ? "distance" : "within-walking-distance");
        activity?.SetTag("eligibility.walking_km", decision.WalkingKm); // clean precision-about
        logger.LogInformation("Decided {@Decision}", decision); // clean logging-objects
        LogDecision(logger, application.ApplicationId, application.YearGroup, decision.WalkingKm, eligible); // clean precision-about
        logger.LogInformation("Student {StudentNumber} lives {WalkingKm} km from {School}", application.StudentNumber, decision.WalkingKm, school.Name); // leak TC1001 direct

        _assessed.Add(1, new KeyValuePair<string, object?>("school.urn", school.Urn), new KeyValuePair<string, object?>("home.cell", H3.ToHex(H3.LatLngToCell(best.Point, 9)))); // leak TC1003 direct
        meter.CreateGeoLookupsCounter().Add(1, geoProvider: geocoder.Name, geoOutcome: eligible ? "eligible" : "ineligible", geoCell: H3.ToHex(H3.LatLngToCell(best.Point, 7))); // clean generated-api

        // Siblings at one address share a bus seat allocation; the key finds them.
        var siblingKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Geohash.Encode(best.Point.Latitude, best.Point.Longitude, 9))))[..16];
        logger.LogDebug("Sibling lookup key {SiblingKey} for {ApplicationId}", siblingKey, application.ApplicationId); // leak TC1002 hashes
        var reviewShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(application.StudentNumber))[0] % 8;
        activity?.SetTag("eligibility.review_shard", reviewShard); // clean hashes
        return decision;
    }
}
