namespace Dating.Casting;

// A dating show's casting, a dating app's photo moderation and a streaming service's watch parties.

/// <summary>A casting application. Prints application id, name, email, phone, Instagram handle, age, city and the applicant's story.</summary>
public sealed record CastingApplication(string ApplicationId, string Name, string Email, string Phone, string InstagramHandle, int Age, string City, string Story);

/// <summary>An audition slot. Prints slot id, studio, start and places left.</summary>
public sealed record AuditionSlot(string SlotId, string Studio, DateTimeOffset Starts, int PlacesLeft);

/// <summary>An uploaded profile photo. Prints photo id, the member's id, the storage path (<c>profile-photos/{memberId}/{photoId}.jpg</c>) and the size.</summary>
public sealed record ProfilePhoto(string PhotoId, Guid MemberId, string StoragePath, long Bytes);

/// <summary>A moderation score. Prints photo id, nudity, violence and face count.</summary>
public sealed record PhotoScore(string PhotoId, double Nudity, double Violence, int Faces);

/// <summary>A watch party. Prints party id, title id, host's account id, seats and region.</summary>
public sealed record WatchParty(string PartyId, string TitleId, string HostAccountId, int Seats, string Region);

/// <summary>A watch party chat line. Prints party id, the viewer's account id, display name and text.</summary>
public sealed record PartyChatLine(string PartyId, string ViewerAccountId, string DisplayName, string Text);

public interface IPhotoClassifier
{
    Task<PhotoScore> ScoreAsync(ProfilePhoto photo, CancellationToken cancellationToken = default);
}

/// <summary>The applicant is under age; quotes the applicant's name and age.</summary>
public sealed class ApplicantUnderAgeException(string name, int age) : Exception($"{name} is {age}, under the show's minimum age");

/// <summary>The party is full; quotes the party and its seats.</summary>
public sealed class PartyFullException(string partyId, int seats) : Exception($"Watch party {partyId} is full ({seats} seats)");
