namespace PrivacyHoldout141.Support;

// A transit operator's on-demand minibuses: riders book from a virtual stop or their own position in a
// zone, pay a fare (or show a concession card) and are matched to a minibus in batches.

/// <summary>A booking in the rider app. Prints the booking, the rider's account id and email, the virtual stop, the rider's position, the zone, the seats, the promotion code and the concession card number.</summary>
public sealed record OnDemandBooking(
    string BookingId,
    string RiderAccountId,
    string RiderEmail,
    string? PickupStopId,
    GeoPoint? PickupPosition,
    string Zone,
    int Seats,
    string? PromoCode,
    string? ConcessionCardNumber);

/// <summary>A minibus shift. Prints the vehicle's fleet number and registration, the zone and the driver's staff number.</summary>
public sealed record MinibusShift(string FleetNumber, string Registration, string Zone, string DriverStaffNumber);

/// <summary>The concession card was refused; the message quotes the card number.</summary>
public sealed class ConcessionCardRefusedException(string cardNumber, string reasonCode) : Exception($"Concession card {cardNumber} refused: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The promotion code is unknown or spent; the message quotes the code.</summary>
public sealed class PromoCodeRejectedException(string code) : Exception($"Promotion code {code} cannot be used")
{
    public string Code { get; } = code;
}
