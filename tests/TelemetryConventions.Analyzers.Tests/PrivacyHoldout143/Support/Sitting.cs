namespace PetCare.Sitting;

// The shapes of pet sitting, dog walking and boarding kennels. Records print their members.

/// <summary>A pet sitter or dog walker. Prints sitter id, name, email, phone and DBS certificate number.</summary>
public sealed record Sitter(string SitterId, string Name, string Email, string Phone, string DbsCertificate);

/// <summary>A walk booked with a walker. Prints booking id, the owner's client number, the walker's id, number of dogs, pickup time and the key safe code of the owner's home.</summary>
public sealed record WalkBooking(string BookingId, string ClientNumber, string WalkerId, int Dogs, DateTimeOffset Pickup, string KeySafeCode);

/// <summary>A position from the walker's phone. Prints booking id, latitude, longitude and time.</summary>
public sealed record WalkPing(string BookingId, double Latitude, double Longitude, DateTimeOffset At);

/// <summary>A stay at a boarding kennel. Prints stay id, the dog's name, run, check-in, check-out and the emergency contact's phone.</summary>
public sealed record KennelStay(string StayId, string DogName, string Run, DateOnly CheckIn, DateOnly CheckOut, string EmergencyPhone);

/// <summary>A kennel run. Prints run id, size and whether occupied.</summary>
public sealed record KennelRun(string RunId, string Size, bool Occupied);

public interface IKennelPartner
{
    Task<KennelRun?> FreeRunAsync(string kennel, string size, DateOnly from, DateOnly until, CancellationToken cancellationToken = default);

    Task<KennelStay> BookAsync(string kennel, string runId, string dogName, DateOnly from, DateOnly until, string emergencyPhone, CancellationToken cancellationToken = default);
}

public interface IWalkerDirectory
{
    Task<Sitter?> FindAsync(string sitterId, CancellationToken cancellationToken = default);

    Task AssignAsync(string bookingId, string sitterId, CancellationToken cancellationToken = default);
}

/// <summary>The kennel has no run free; quotes the kennel and the night.</summary>
public sealed class KennelFullException(string kennel, DateOnly night) : Exception($"Kennel {kennel} is full on {night:yyyy-MM-dd}")
{
    public string Kennel { get; } = kennel;
}

/// <summary>The sitter cannot take the booking; quotes the sitter's name.</summary>
public sealed class SitterUnavailableException(string sitterName) : Exception($"{sitterName} is not available");
