namespace Sport.CommunityLeague;

// An energy firm's sponsored community league: juniors, parents, coaches and grants.

/// <summary>A junior player. Prints league reference, names, date of birth, the parent's email and phone, age group and team.</summary>
public sealed record JuniorPlayer(string PlayerRef, string FirstName, string LastName, DateOnly DateOfBirth, string ParentEmail, string ParentPhone, string AgeGroup, string TeamId);

/// <summary>A coach's safeguarding check. Prints coach id, name, DBS certificate number, issue date and status.</summary>
public sealed record CoachCheck(string CoachId, string CoachName, string DbsCertificateNumber, DateOnly IssuedOn, string Status);

/// <summary>A community grant. Prints grant, club, amount and region.</summary>
public sealed record GrantAward(string GrantId, string ClubId, decimal Amount, string Region);

public interface ISafeguardingRegister
{
    Task<string> VerifyCertificateAsync(string dbsCertificateNumber, CancellationToken cancellationToken = default);
}

public interface IParentMessenger
{
    Task SendConsentRequestAsync(string parentEmail, string childFirstName, CancellationToken cancellationToken = default);
}

/// <summary>A DBS check failed; quotes the certificate number and status.</summary>
public sealed class DbsCheckFailedException(string certificateNumber, string status) : Exception($"DBS certificate {certificateNumber} returned {status}");

/// <summary>The region's grant budget is spent; quotes region and remainder.</summary>
public sealed class GrantBudgetExceededException(string region, decimal remaining) : Exception($"Grant budget for {region} has {remaining:C} left");
