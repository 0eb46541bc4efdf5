using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PrivacyHoldout19.Transport;

public sealed record VehiclePosition(string VehicleId, string FleetPlate, string RouteId, double Lat, double Lon, int DelaySeconds, DateTimeOffset At);

public sealed record Rider(Guid Id, string CardNumber, string Email, string HomeStop);

public sealed record JourneySubscription(string CardNumber, string RouteId, string BoardingStop);

public sealed record DispatchMessage(string RouteId, string Body, bool Urgent);

public interface IVehicleFeed
{
    IAsyncEnumerable<VehiclePosition> PositionsAsync(string routeId, CancellationToken cancellationToken);
}

public interface IRiders
{
    Task<Rider?> ByCardAsync(string cardNumber, CancellationToken cancellationToken);
}

public interface IDutyRoster
{
    Task<bool> IsOnDutyAsync(string staffNumber, CancellationToken cancellationToken);

    Task<string?> RouteOfAsync(string staffNumber, CancellationToken cancellationToken);
}

internal static class TransitTelemetry
{
    public static readonly ActivitySource Source = new("Transit.Realtime");

    public static readonly Meter Meter = new("Transit.Realtime");
}
