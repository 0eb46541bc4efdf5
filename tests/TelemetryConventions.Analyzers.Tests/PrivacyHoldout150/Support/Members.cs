namespace Dating.Members;

// The shapes of the dating platform's member API as the services use them. Records print their members.

/// <summary>A member. Prints id, handle, display name, email, phone, date of birth, city, plan and whether verified.</summary>
public sealed record Member(
    Guid MemberId,
    string Handle,
    string DisplayName,
    string Email,
    string Phone,
    DateOnly DateOfBirth,
    string City,
    string Plan,
    bool Verified);

/// <summary>Where a member's phone last was. Prints the member's id, the coordinates and the city.</summary>
public sealed record MemberLocation(Guid MemberId, double Latitude, double Longitude, string City);

/// <summary>Discovery preferences. Prints the age range, the distance and who the member wants to see.</summary>
public sealed record DiscoveryPreferences(int MinAge, int MaxAge, int DistanceKm, string ShowMe);

public interface IMemberDirectory
{
    Task<Member?> FindAsync(Guid memberId, CancellationToken cancellationToken = default);

    Task<Member?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<Member?> FindByHandleAsync(string handle, CancellationToken cancellationToken = default);
}

/// <summary>Sends pushes, texts and emails to members; not telemetry.</summary>
public interface IMemberMessenger
{
    Task PushAsync(Guid memberId, string templateId, CancellationToken cancellationToken = default);

    Task TextAsync(string phone, string text, CancellationToken cancellationToken = default);

    Task EmailAsync(string email, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>No such member; quotes the member's id.</summary>
public sealed class MemberNotFoundException(Guid memberId) : Exception($"No member {memberId}");

/// <summary>The handle is taken; quotes the handle.</summary>
public sealed class HandleTakenException(string handle) : Exception($"The handle '{handle}' is already taken");

/// <summary>The account is paused; quotes a reason code only.</summary>
public sealed class AccountPausedException(string reasonCode) : Exception($"Account paused ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}
