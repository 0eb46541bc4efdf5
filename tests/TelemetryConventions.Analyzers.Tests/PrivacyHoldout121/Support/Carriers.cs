namespace ParcelKit;

// A multi-carrier shipping client in the shape of the aggregators' .NET SDKs (addresses, parcels,
// shipments, labels, tracking), reduced to what the services call.

/// <summary>A postal address. Prints its members.</summary>
public sealed record Address(string Name, string Line1, string? Line2, string City, string Postcode, string Country)
{
    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Company { get; init; }

    /// <summary>The address as one line, as carriers print it on a label.</summary>
    public string OneLine => string.Join(", ", new[] { Line1, Line2, City, Postcode }.Where(p => !string.IsNullOrEmpty(p)));
}

/// <summary>A parcel's size and weight. Prints its members.</summary>
public sealed record Parcel(int WeightGrams, int LengthCm, int WidthCm, int HeightCm);

/// <summary>A shipment booked with a carrier. Prints its members (the address as its own text).</summary>
public sealed record Shipment(string Id, string Carrier, string Service, string TrackingNumber, Address To, Parcel Parcel)
{
    public string? Reference { get; init; }

    public bool SignatureRequired { get; init; }
}

/// <summary>The label bought for a shipment. Prints its members.</summary>
public sealed record Label(string ShipmentId, string TrackingNumber, Uri LabelUrl, decimal Cost, string Currency);

/// <summary>The carrier's normalised tracking statuses.</summary>
public enum TrackingStatus
{
    PreTransit,
    InTransit,
    OutForDelivery,
    Delivered,
    AvailableForPickup,
    DeliveryAttempted,
    ReturnToSender,
    Failure,
}

/// <summary>Where a carrier scanned a parcel: a depot, hub or locker. Prints its members.</summary>
public sealed record TrackingLocation(string Facility, string City, string Country);

/// <summary>One scan of a parcel. Prints its members.</summary>
public sealed record TrackingEvent(string TrackingNumber, TrackingStatus Status, string StatusDetail, DateTimeOffset OccurredAt, TrackingLocation? Location)
{
    /// <summary>The name the recipient gave at the door, as the driver typed it.</summary>
    public string? SignedBy { get; init; }

    /// <summary>The carrier's message for the scan ("Delivered to neighbour at 14").</summary>
    public string? Message { get; init; }
}

/// <summary>A tracker and its scans. Prints its members (the scans as their list's type name).</summary>
public sealed record Tracker(string Id, string TrackingNumber, string Carrier, TrackingStatus Status, IReadOnlyList<TrackingEvent> Events)
{
    public DateTimeOffset? EstimatedDelivery { get; init; }

    public Uri? PublicUrl { get; init; }
}

public interface ICarrierClient
{
    Task<Shipment> CreateShipmentAsync(Address to, Parcel parcel, string service, string reference, CancellationToken cancellationToken = default);

    Task<Label> BuyLabelAsync(string shipmentId, CancellationToken cancellationToken = default);

    Task<Tracker> TrackAsync(string trackingNumber, string carrier, CancellationToken cancellationToken = default);

    Task<Address> VerifyAddressAsync(Address address, CancellationToken cancellationToken = default);

    Task RequestRedeliveryAsync(string trackingNumber, DateOnly date, CancellationToken cancellationToken = default);
}

/// <summary>An error from the carrier's API: an HTTP status, an error code and the carrier's message about the request.</summary>
public sealed class CarrierApiException(int status, string code, string message) : Exception($"{status} {code}: {message}")
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}

/// <summary>The address check refused an address; the message quotes it as it was given.</summary>
public sealed class AddressVerificationException(Address address, string reason) : Exception($"Address could not be verified ({reason}): {address.Name}, {address.OneLine}")
{
    public string Reason { get; } = reason;
}

/// <summary>The carrier does not deliver to a postcode; the message quotes it.</summary>
public sealed class PostcodeNotServedException(string carrier, string postcode) : Exception($"{carrier} does not deliver to {postcode}")
{
    public string Carrier { get; } = carrier;
}

/// <summary>No tracker for a tracking number; the message quotes the number.</summary>
public sealed class UnknownTrackingNumberException(string trackingNumber) : Exception($"No tracker for {trackingNumber}");

/// <summary>Sends delivery notifications by SMS or email (not telemetry).</summary>
public interface IDeliveryNotifier
{
    Task SendSmsAsync(string phone, string text, CancellationToken cancellationToken = default);

    Task SendEmailAsync(string email, string subject, string body, CancellationToken cancellationToken = default);
}

/// <summary>Postcode helpers.</summary>
public static class Postcodes
{
    /// <summary>The outward code (district) of a UK postcode: <c>LS6 2AB</c> gives <c>LS6</c>.</summary>
    public static string District(string postcode) => postcode.Trim().Split(' ')[0].ToUpperInvariant();
}
