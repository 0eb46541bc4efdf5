namespace PetCare.Grooming;

// The shapes of a pet retailer's grooming salon. Records print their members.

/// <summary>A grooming booking. Prints booking id, the customer's loyalty card, pet id, service, the groomer's staff id and time.</summary>
public sealed record GroomingBooking(string BookingId, string LoyaltyCard, Guid PetId, string Service, string GroomerStaffId, DateTimeOffset At);

/// <summary>A grooming service. Prints code, name, minutes and price.</summary>
public sealed record GroomingService(string Code, string Name, int Minutes, decimal Price);

/// <summary>A salon's day. Prints store, day, bookings and free slots.</summary>
public sealed record SalonDay(string Store, DateOnly Day, int Bookings, int FreeSlots);

public interface ISalonDiary
{
    Task<GroomingService?> ServiceAsync(string code, CancellationToken cancellationToken = default);

    Task<GroomingBooking> BookAsync(string store, string service, string loyaltyCard, Guid petId, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<SalonDay> DayAsync(string store, DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>The salon has no groomer free for the service; quotes store and service.</summary>
public sealed class NoGroomerFreeException(string store, string service) : Exception($"No groomer free at {store} for {service}");

/// <summary>The dog's vaccinations are not up to date for the salon; quotes the customer's loyalty card.</summary>
public sealed class VaccinationProofMissingException(string loyaltyCard) : Exception($"No vaccination proof on file for card {loyaltyCard}");
