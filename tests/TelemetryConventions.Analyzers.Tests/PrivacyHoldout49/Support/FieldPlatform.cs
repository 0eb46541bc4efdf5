using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout49.Support;

// Stand-ins for the dispatch platform, storage and messaging the field services use. Only the shapes matter.

public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public GeoPoint Rounded(int decimals) => new(Math.Round(Latitude, decimals), Math.Round(Longitude, decimals));

    public double DistanceMetresTo(GeoPoint other)
    {
        const double R = 6_371_000;
        var dLat = (other.Latitude - Latitude) * Math.PI / 180;
        var dLon = (other.Longitude - Longitude) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Latitude * Math.PI / 180) * Math.Cos(other.Latitude * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return R * 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
    }

    public override string ToString() => $"{Latitude:F6},{Longitude:F6}";
}

public sealed record RouteStop(string JobId, string Postcode, GeoPoint Location, TimeOnly WindowStart, TimeOnly WindowEnd);

public sealed record OptimisedRoute(string RouteId, IReadOnlyList<RouteStop> Stops, double TotalKm, TimeSpan Drive);

public interface IRouteOptimiser
{
    Task<OptimisedRoute> OptimiseAsync(string depot, IReadOnlyList<RouteStop> stops, CancellationToken cancellationToken);
}

public interface IBlobStore
{
    Task<Uri> UploadAsync(string container, string blobName, Stream content, CancellationToken cancellationToken);
}

public interface ISmsSender
{
    Task<string> SendAsync(string to, string body, CancellationToken cancellationToken);
}

public sealed record ExifSummary(string? Make, string? Model, DateTimeOffset? TakenAt, GeoPoint? Position, string? Artist);

public interface IExifReader
{
    ExifSummary Read(Stream image);
}

/// <summary>The dispatch platform's own failure; its message is whatever the service wrote.</summary>
public sealed class DispatchException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class GeocodingException(string status) : Exception($"Geocoder returned {status}")
{
    public string Status { get; } = status;
}

public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

public interface IJobQueue<T>
{
    IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken);
}

public sealed class FieldOptions
{
    public string Region { get; set; } = "north-west";

    public TimeSpan WelfareInterval { get; set; } = TimeSpan.FromMinutes(60);

    public bool TraceAddresses { get; set; }
}
