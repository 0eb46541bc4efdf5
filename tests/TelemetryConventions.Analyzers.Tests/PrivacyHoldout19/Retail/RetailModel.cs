using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PrivacyHoldout19.Retail;

public sealed record RegisterDeviceRequest(string InstallationId, string DeviceToken, string Platform, string AppVersion, string OsVersion, string Locale, string DeviceModel);

public sealed record Order(string Id, string CustomerNumber, string DeliveryPostcode, string Status, string CarrierCode, int Items);

public sealed record Shipment(string TrackingNumber, string CarrierCode, string Status, DateTimeOffset? Eta);

public sealed record SupportAgent(string StaffId, string Upn, string Team);

public sealed class PushRegistrationException(string message) : Exception(message);

public interface IDeviceRegistry
{
    Task<string?> BoundCustomerAsync(string installationId, CancellationToken cancellationToken);

    Task SaveAsync(string customerNumber, RegisterDeviceRequest request, CancellationToken cancellationToken);
}

public interface IShipments
{
    Task<IReadOnlyList<Shipment>> ForOrdersAsync(IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken);
}

internal static class ShopTelemetry
{
    public static readonly ActivitySource Source = new("Shop.AppBackend");

    public static readonly Meter Meter = new("Shop.AppBackend");
}
