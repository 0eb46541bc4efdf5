namespace GeoKit;

/// <summary>A WGS84 position. Prints its latitude and longitude.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public GeoPoint Rounded(int decimals) => new(Math.Round(Latitude, decimals), Math.Round(Longitude, decimals));

    public double DistanceKmTo(GeoPoint other)
    {
        const double R = 6371.0;
        var dLat = (other.Latitude - Latitude) * Math.PI / 180;
        var dLon = (other.Longitude - Longitude) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Latitude * Math.PI / 180) * Math.Cos(other.Latitude * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}

public static class Geohash
{
    private const string Base32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    public static string Encode(GeoPoint point, int precision)
    {
        double latMin = -90, latMax = 90, lonMin = -180, lonMax = 180;
        var hash = new StringBuilder();
        var bit = 0;
        var ch = 0;
        var even = true;
        while (hash.Length < precision)
        {
            if (even)
            {
                var mid = (lonMin + lonMax) / 2;
                if (point.Longitude > mid) { ch |= 1 << (4 - bit); lonMin = mid; } else { lonMax = mid; }
            }
            else
            {
                var mid = (latMin + latMax) / 2;
                if (point.Latitude > mid) { ch |= 1 << (4 - bit); latMin = mid; } else { latMax = mid; }
            }
            even = !even;
            if (++bit == 5)
            {
                hash.Append(Base32[ch]);
                bit = 0;
                ch = 0;
            }
        }
        return hash.ToString();
    }
}

/// <summary>A geofence: an organisation's polygon or circle around a place. Prints its members.</summary>
public sealed record Geofence(string Id, string Name, GeoPoint Centre, double RadiusMetres)
{
    public bool Contains(GeoPoint point) => Centre.DistanceKmTo(point) * 1000 <= RadiusMetres;
}

public enum TransitionKind
{
    Enter,
    Exit,
    Dwell,
}

/// <summary>A geofence transition as the fence engine raises it: the tracked subject, the fence, the position. Prints its members.</summary>
public sealed record GeofenceTransition(string SubjectId, string FenceId, TransitionKind Kind, GeoPoint Position, DateTimeOffset At);

/// <summary>A trip as the trip store keeps it. Prints its members.</summary>
public sealed record TripRecord(
    Guid TripId,
    string VehicleId,
    string? PassengerId,
    GeoPoint Origin,
    GeoPoint Destination,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    double DistanceKm);

/// <summary>The geofence engine: evaluates positions against the fences it holds.</summary>
public interface IGeofenceEngine
{
    IReadOnlyList<GeofenceTransition> Evaluate(string subjectId, GeoPoint position, DateTimeOffset at);

    IReadOnlyCollection<Geofence> Fences { get; }
}
