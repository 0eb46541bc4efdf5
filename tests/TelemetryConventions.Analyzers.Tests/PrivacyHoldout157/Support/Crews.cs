namespace Stays.Crews;

// Accommodation for crews and disrupted travellers.

/// <summary>A crew member's layover. Prints staff number, name, rank, hotel and flight.</summary>
public sealed record CrewLayover(string StaffNumber, string CrewName, string Rank, string HotelCode, string FlightDesignator);

/// <summary>A hotel voucher for a disrupted passenger. Prints voucher code, passenger name, PNR and frequent flyer number.</summary>
public sealed record HotelVoucher(string VoucherCode, string PassengerName, string Pnr, string FrequentFlyerNumber);

/// <summary>An engineer's accommodation for a job away. Prints staff number, name, mobile, hotel and job.</summary>
public sealed record EngineerStay(string StaffNumber, string EngineerName, string Mobile, string HotelCode, string JobId);

/// <summary>A hotel's allotment for the night. Prints hotel, rooms held and rooms used.</summary>
public sealed record Allotment(string HotelCode, int RoomsHeld, int RoomsUsed);

public interface IHotelDesk
{
    Task<string> BookAsync(string hotelCode, string guestName, DateOnly night, CancellationToken cancellationToken = default);

    Task<Allotment> AllotmentAsync(string hotelCode, DateOnly night, CancellationToken cancellationToken = default);
}

/// <summary>No room left in the allotment; quotes the hotel and the night.</summary>
public sealed class AllotmentExhaustedException(string hotelCode, DateOnly night) : Exception($"No rooms left at {hotelCode} on {night:yyyy-MM-dd}");

/// <summary>A crew member is outside legal rest; quotes the staff number.</summary>
public sealed class RestRuleBreachException(string staffNumber, double hours) : Exception($"Crew {staffNumber} would rest only {hours:0.0} h");
