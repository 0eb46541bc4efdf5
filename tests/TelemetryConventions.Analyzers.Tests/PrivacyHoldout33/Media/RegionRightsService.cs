using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout33.Support.Geo;
using PrivacyHoldout33.Support.Web;

namespace PrivacyHoldout33.Media;

public sealed record ViewerProfile(Guid SubscriberId, string HomePostcode, string BillingCountry, string Plan);

public sealed record RightsWindow(string TitleId, string Territory, DateTimeOffset Opens, DateTimeOffset Closes);

/// <summary>A fix the mobile app sends for local sports blackouts.</summary>
public sealed record DeviceFix(double Latitude, double Longitude, double AccuracyMetres);

public sealed class RegionLockedException(string message) : Exception(message);

public sealed class LicensingWindowException(string message) : Exception(message);

public interface IRightsCatalogue
{
    RightsWindow? Window(string titleId, string territory);

    bool IsBlackedOut(string titleId, string postcodeDistrict);
}

public interface IViewerProfiles
{
    ViewerProfile Get(Guid subscriberId);
}

[ApiController]
[Route("playback")]
public sealed class RegionRightsController(
    IIpGeolocator geolocator,
    IRightsCatalogue catalogue,
    IViewerProfiles profiles,
    ILogger<RegionRightsController> logger,
    Meter meter) : ControllerBase
{
    private readonly Counter<long> _decisions = meter.CreateCounter<long>("rights.decisions", "{decision}");
    private readonly Counter<long> _proxyBlocks = meter.CreateCounter<long>("rights.proxy_blocks", "{block}");

    [HttpPost("{titleId}/authorise")]
    public ActionResult Authorise(string titleId, Guid subscriberId, LocationRequestContext request, DeviceFix? fix)
    {
        var activity = Activity.Current;
        var address = request.Connection.RemoteIpAddress;
        var location = geolocator.Lookup(address);
        activity?.SetTag("client.address", address.ToString()); // leak TC1001 direct
        activity?.SetTag("client.address_family", address.AddressFamily == AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4"); // clean precision-about
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            activity?.SetTag("client.network", $"{bytes[0]}.{bytes[1]}.0.0/16"); // clean precision-about
        }

        if (location is null)
        {
            return BadRequest("location unknown");
        }

        activity?.SetTag("viewer.country", location.CountryCode); // clean precision-names
        activity?.SetTag("viewer.region", location.Subdivision); // clean precision-names
        activity?.SetTag("viewer.city", location.City); // clean precision-about
        activity?.SetTag("viewer.asn", location.AutonomousSystemNumber); // clean precision-about

        if (location.IsAnonymousProxy)
        {
            _proxyBlocks.Add(1, new KeyValuePair<string, object?>("client.address", address.ToString())); // leak TC1003 direct
            logger.LogWarning("Anonymous proxy {Isp} used by subscriber {SubscriberId}", location.Isp, subscriberId); // leak TC1001 direct
            return BadRequest("proxy");
        }

        var window = catalogue.Window(titleId, location.CountryCode)
            ?? throw new RegionLockedException($"Title {titleId} is not licensed in {location.CountryCode} for subscriber {subscriberId}"); // leak TC1001 exceptions

        var profile = profiles.Get(subscriberId);
        var district = profile.HomePostcode.Split(' ')[0];
        activity?.SetTag("blackout.postcode", profile.HomePostcode); // leak TC1001 direct
        activity?.SetTag("blackout.district", district); // clean precision-about
        if (fix is not null)
        {
            var devicePoint = new GeoPoint(fix.Latitude, fix.Longitude);
            activity?.SetTag("blackout.device_position", devicePoint.ToLatLng(4)); // leak TC1001 direct
            activity?.SetTag("blackout.device_area", devicePoint.Round(1).ToLatLng(1)); // clean precision-about
        }

        try
        {
            CheckWindow(window, DateTimeOffset.UtcNow);
        }
        catch (LicensingWindowException ex)
        {
            logger.LogInformation(ex, "Title outside its window for {Plan}", profile.Plan); // clean exceptions
            return BadRequest("window");
        }

        var blackedOut = catalogue.IsBlackedOut(titleId, district);
        _decisions.Add(1, new KeyValuePair<string, object?>("rights.territory", window.Territory), new KeyValuePair<string, object?>("viewer.country", location.CountryCode), new KeyValuePair<string, object?>("blackout", blackedOut)); // clean precision-names
        return Ok(new { titleId, blackedOut });
    }

    private static void CheckWindow(RightsWindow window, DateTimeOffset now)
    {
        if (now < window.Opens || now > window.Closes)
        {
            throw new LicensingWindowException($"Title {window.TitleId} is outside its {window.Territory} window ({window.Opens:d} to {window.Closes:d})");
        }
    }
}
