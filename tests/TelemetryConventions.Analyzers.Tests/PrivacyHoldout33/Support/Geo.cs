using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout33.Support.Geo;

// Stand-ins for the location libraries and providers the services use (a geocoder, an IP
// geolocation database, a map-matching engine, geohash and H3-style cells), so that the corpus
// compiles without them. Only the shapes matter.

/// <summary>A WGS84 position.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public GeoPoint Round(int decimals) => new(Math.Round(Latitude, decimals), Math.Round(Longitude, decimals));

    public string ToLatLng(int decimals = 6) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(Latitude, decimals)},{Math.Round(Longitude, decimals)}");
}

public static class GeoMath
{
    private const double EarthRadiusMetres = 6_371_008.8;

    public static double HaversineMetres(GeoPoint a, GeoPoint b)
    {
        double dLat = ToRadians(b.Latitude - a.Latitude);
        double dLon = ToRadians(b.Longitude - a.Longitude);
        double h = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(ToRadians(a.Latitude)) * Math.Cos(ToRadians(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Sqrt(h));
    }

    public static double BearingDegrees(GeoPoint from, GeoPoint to)
    {
        double y = Math.Sin(ToRadians(to.Longitude - from.Longitude)) * Math.Cos(ToRadians(to.Latitude));
        double x = Math.Cos(ToRadians(from.Latitude)) * Math.Sin(ToRadians(to.Latitude))
            - Math.Sin(ToRadians(from.Latitude)) * Math.Cos(ToRadians(to.Latitude)) * Math.Cos(ToRadians(to.Longitude - from.Longitude));
        return (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360;
    }

    public static TimeSpan Eta(double metres, double speedKph) =>
        TimeSpan.FromHours(metres / 1000 / Math.Max(speedKph, 1));

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

public static class Geohash
{
    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    public static string Encode(double latitude, double longitude, int precision)
    {
        var hash = new StringBuilder(precision);
        double latMin = -90, latMax = 90, lonMin = -180, lonMax = 180;
        bool even = true;
        int bit = 0, ch = 0;
        while (hash.Length < precision)
        {
            if (even)
            {
                double mid = (lonMin + lonMax) / 2;
                if (longitude >= mid) { ch |= 1 << (4 - bit); lonMin = mid; } else { lonMax = mid; }
            }
            else
            {
                double mid = (latMin + latMax) / 2;
                if (latitude >= mid) { ch |= 1 << (4 - bit); latMin = mid; } else { latMax = mid; }
            }
            even = !even;
            if (++bit == 5)
            {
                hash.Append(Alphabet[ch]);
                bit = 0;
                ch = 0;
            }
        }
        return hash.ToString();
    }
}

/// <summary>H3-style hexagonal cells: the index packs the resolution (0 to 15) and the cell.</summary>
public static class H3
{
    public static ulong LatLngToCell(GeoPoint point, int resolution)
    {
        double cellsPerDegree = Math.Pow(2.65, resolution);
        ulong row = (ulong)Math.Floor((point.Latitude + 90) * cellsPerDegree) & 0xFFFFFF;
        ulong column = (ulong)Math.Floor((point.Longitude + 180) * cellsPerDegree) & 0xFFFFFF;
        return (0x8UL << 56) | ((ulong)resolution << 52) | (row << 26) | column;
    }

    public static int GetResolution(ulong cell) => (int)((cell >> 52) & 0xF);

    public static string ToHex(ulong cell) => cell.ToString("x15", CultureInfo.InvariantCulture);
}

public static class PolylineEncoder
{
    public static string Encode(IEnumerable<GeoPoint> points, int precision = 5)
    {
        var text = new StringBuilder();
        double factor = Math.Pow(10, precision);
        long lastLat = 0, lastLon = 0;
        foreach (var point in points)
        {
            long lat = (long)Math.Round(point.Latitude * factor);
            long lon = (long)Math.Round(point.Longitude * factor);
            Append(lat - lastLat);
            Append(lon - lastLon);
            (lastLat, lastLon) = (lat, lon);
        }
        return text.ToString();

        void Append(long value)
        {
            value = value < 0 ? ~(value << 1) : value << 1;
            while (value >= 0x20)
            {
                text.Append((char)((0x20 | (value & 0x1F)) + 63));
                value >>= 5;
            }
            text.Append((char)(value + 63));
        }
    }
}

public sealed record GeocodeCandidate(
    GeoPoint Point, string FormattedAddress, string? PlaceId, double Confidence, string MatchLevel, string? Postcode, string? Locality, string CountryCode);

public sealed record ReverseGeocodeResult(string? HouseNumber, string? Street, string? Locality, string? Postcode, string? Region, string CountryCode)
{
    /// <summary>The outward part of a UK postcode ("SW1A" of "SW1A 1AA").</summary>
    public string? OutwardCode => Postcode?.Split(' ')[0];
}

public interface IGeocoder
{
    string Name { get; }

    Task<IReadOnlyList<GeocodeCandidate>> GeocodeAsync(string query, string countryCode, CancellationToken cancellationToken = default);

    Task<ReverseGeocodeResult?> ReverseAsync(GeoPoint point, CancellationToken cancellationToken = default);
}

/// <summary>Raised by the geocoding client when the provider rejects a query; the message quotes the query.</summary>
public sealed class GeocodingException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>Raised when the provider's daily quota is spent.</summary>
public sealed class GeocoderQuotaException() : Exception("The geocoding quota for today is exhausted.");

/// <summary>The geocoding provider's HTTP client (a Pelias instance).</summary>
public sealed class PeliasGeocoder(HttpClient http) : IGeocoder
{
    public string Name => "pelias";

    public async Task<IReadOnlyList<GeocodeCandidate>> GeocodeAsync(string query, string countryCode, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"v1/search?text={Uri.EscapeDataString(query)}&boundary.country={countryCode}", cancellationToken);
        if ((int)response.StatusCode == 429)
        {
            throw new GeocoderQuotaException();
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new GeocodingException($"Geocoding '{query}' failed with status {(int)response.StatusCode}", (int)response.StatusCode);
        }
        return Array.Empty<GeocodeCandidate>();
    }

    public async Task<ReverseGeocodeResult?> ReverseAsync(GeoPoint point, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"v1/reverse?point.lat={point.Latitude}&point.lon={point.Longitude}", cancellationToken);
        return null;
    }
}

/// <summary>A city-level IP geolocation database (MaxMind-style).</summary>
public sealed record IpLocation(
    string CountryCode, string? Subdivision, string? City, int AccuracyRadiusKm, int? AutonomousSystemNumber, string? Isp, bool IsAnonymousProxy);

public interface IIpGeolocator
{
    IpLocation? Lookup(IPAddress address);
}

public readonly record struct TracePoint(GeoPoint Point, DateTimeOffset At, double AccuracyMetres);

public sealed record MatchedRoute(string Polyline, double DistanceMetres, double Confidence, IReadOnlyList<long> WayIds, string DominantRoadClass);

public interface IMapMatcher
{
    Task<MatchedRoute> MatchAsync(IReadOnlyList<TracePoint> trace, string profile, CancellationToken cancellationToken = default);
}

/// <summary>Raised by the map-matching engine; its message names the index of the point it could not snap.</summary>
public sealed class MapMatchingException(int pointIndex, double toleranceMetres)
    : Exception($"No road within {toleranceMetres} m of trace point {pointIndex}.")
{
    public int PointIndex { get; } = pointIndex;
}

public enum FenceTransition
{
    Enter,
    Exit,
    Dwell,
}

public sealed record Geofence(string Id, GeoPoint Centre, double RadiusMetres, string Kind)
{
    public bool Contains(GeoPoint point) => GeoMath.HaversineMetres(Centre, point) <= RadiusMetres;
}

public sealed record GeofenceTransition(string FenceId, FenceTransition Transition, string DeviceId, GeoPoint Position, DateTimeOffset At);
