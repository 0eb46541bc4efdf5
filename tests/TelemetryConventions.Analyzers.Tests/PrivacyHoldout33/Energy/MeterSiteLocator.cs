using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout33.Support.Geo;

namespace PrivacyHoldout33.Energy;

/// <summary>Where a household's smart meter is installed.</summary>
public sealed record MeterSite(string Mpan, string MeterSerial, GeoPoint Position, string What3Words, string AccessNotes, bool PriorityServices);

public sealed record Substation(string SubstationId, string Name, GeoPoint Position, string FeederId);

/// <summary>An outage area drawn by the control room around the faulted network.</summary>
public sealed record OutageZone(string OutageId, string ZoneId, GeoPoint Centre, double RadiusMetres);

public interface IMeterSiteRepository
{
    MeterSite? Find(string mpan);

    IReadOnlyList<MeterSite> Within(GeoPoint centre, double radiusMetres);
}

public interface ISubstationIndex
{
    Substation Nearest(GeoPoint point);
}

public sealed class MeterSiteLocator(
    IMeterSiteRepository sites,
    ISubstationIndex substations,
    ILogger<MeterSiteLocator> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Metering.Sites");
    private readonly Counter<long> _affected = meter.CreateCounter<long>("outage.affected_sites", "{site}");

    public Substation? LocateSupply(string mpan)
    {
        using var activity = Source.StartActivity("site.locate");
        var site = sites.Find(mpan);
        if (site is null)
        {
            activity?.SetTag("site.found", false);
            return null;
        }

        activity?.SetTag("meter.serial", site.MeterSerial); // leak TC1001 direct
        activity?.SetTag("meter.model", site.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("meter.site.geohash", Geohash.Encode(site.Position.Latitude, site.Position.Longitude, 8)); // leak TC1001 direct
        activity?.SetTag("meter.site.area", Geohash.Encode(site.Position.Latitude, site.Position.Longitude, 5)); // clean precision-about
        activity?.SetTag("meter.access.w3w", site.What3Words); // leak TC1001 direct

        var substation = substations.Nearest(site.Position);
        activity?.SetTag("substation.id", substation.SubstationId); // clean precision-about
        activity?.SetTag("substation.position", substation.Position.ToLatLng()); // clean direct
        activity?.SetTag("substation.distance_m", Math.Round(GeoMath.HaversineMetres(site.Position, substation.Position))); // clean precision-about
        Activity.Current?.SetBaggage("site.geohash", Geohash.Encode(site.Position.Latitude, site.Position.Longitude, 7)); // leak TC1001 direct
        return substation;
    }

    public void NotifyOutage(OutageZone zone)
    {
        using var activity = Source.StartActivity("outage.sites");
        Baggage.SetBaggage("outage.zone", zone.ZoneId); // clean precision-about
        var affected = sites.Within(zone.Centre, zone.RadiusMetres);
        var priority = affected.Where(s => s.PriorityServices).ToList();
        activity?.SetTag("outage.id", zone.OutageId);
        activity?.SetTag("outage.centre", zone.Centre.ToLatLng()); // clean direct
        activity?.SetTag("outage.priority_site_count", priority.Count); // clean precision-about
        _affected.Add(affected.Count, new KeyValuePair<string, object?>("outage.zone", zone.ZoneId)); // clean precision-about
        logger.LogWarning("Outage {OutageId} affects {Count} supply points: {Mpans}", zone.OutageId, affected.Count, string.Join(",", affected.Select(s => s.Mpan))); // leak TC1001 strings
        foreach (var site in priority)
        {
            logger.LogWarning("Priority services customer in outage area at {Position}", site.Position); // leak TC1001 direct
        }
        logger.LogInformation("Distributors in zone: {Distributors}", string.Join(",", affected.Select(s => s.Mpan[..2]).Distinct())); // clean precision-about
    }
}
