namespace PetCare.Adoption;

// The shapes of a pet game's adoption events with partner shelters. Records print their members.

/// <summary>An application to adopt at an event. Prints the player's id, gamertag, full name, email, home postcode, the animal and whether there is a garden.</summary>
public sealed record AdoptionApplication(Guid PlayerId, string Gamertag, string FullName, string Email, string HomePostcode, string AnimalRef, bool HasGarden);

/// <summary>An animal a shelter offers for adoption. Prints the animal's reference, name, species, age in months and shelter.</summary>
public sealed record ShelterAnimal(string AnimalRef, string Name, string Species, int AgeMonths, string Shelter);

/// <summary>An adoption event. Prints event id, shelter, day and places.</summary>
public sealed record AdoptionEvent(string EventId, string Shelter, DateOnly Day, int Places);

/// <summary>A home check booked with a shelter volunteer. Prints check id, the applicant's address and the time.</summary>
public sealed record HomeCheckBooking(string CheckId, string ApplicantAddress, DateTimeOffset At);

public interface IShelterPartner
{
    Task<IReadOnlyList<ShelterAnimal>> AdoptableAsync(string shelter, CancellationToken cancellationToken = default);

    Task<HomeCheckBooking> BookHomeCheckAsync(AdoptionApplication application, CancellationToken cancellationToken = default);

    Task<string> SubmitAsync(AdoptionApplication application, CancellationToken cancellationToken = default);
}

/// <summary>The event has no places left; quotes the event.</summary>
public sealed class EventFullException(string eventId) : Exception($"Adoption event {eventId} is full")
{
    public string EventId { get; } = eventId;
}

/// <summary>The shelter refused the applicant; quotes the gamertag.</summary>
public sealed class ApplicantRefusedException(string gamertag) : Exception($"Shelter refused applicant {gamertag}");
