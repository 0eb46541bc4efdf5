namespace PrivacyHoldout165.Support;

// Courier returns of DNA swab kits to the lab, and a heritage tour operator's ancestral tours.

/// <summary>A returned kit parcel. Prints tracking number, kit id, the sender's name and home address.</summary>
public sealed record ReturnParcel(string TrackingNumber, string KitId, string SenderName, string SenderAddress, string Depot);

/// <summary>A scan of a parcel at a depot. Prints tracking number, depot and time.</summary>
public sealed record DepotScan(string TrackingNumber, string Depot, DateTimeOffset ScannedAt);

/// <summary>A tour booking. Prints booking id, the traveller's profile id, name, passport number and the ancestral parish.</summary>
public sealed record TourBooking(string BookingId, string TravellerProfileId, string TravellerName, string PassportNumber, string AncestralParish, string TourCode);

/// <summary>A coach seat on a tour. Prints tour code, coach and seat; names no one.</summary>
public sealed record CoachSeat(string TourCode, string Coach, string Seat);

public interface ITourBookings
{
    Task<TourBooking?> FindAsync(string bookingId, CancellationToken cancellationToken = default);

    Task<CoachSeat> SeatAsync(TourBooking booking, CancellationToken cancellationToken = default);
}

/// <summary>The passport is not valid for the trip; quotes the passport number.</summary>
public sealed class PassportInvalidException(string passportNumber) : Exception($"Passport {passportNumber} expires before travel");

/// <summary>The tour is full; quotes the tour code.</summary>
public sealed class TourFullException(string tourCode) : Exception($"Tour {tourCode} is full");

/// <summary>The parcel was lost; quotes the tracking number.</summary>
public sealed class ParcelLostException(string trackingNumber) : Exception($"Parcel {trackingNumber} lost in transit");
