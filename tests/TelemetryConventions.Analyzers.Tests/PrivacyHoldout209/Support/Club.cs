namespace PrivacyHoldout209.Support;

// The club platform's records. Records print all their members through ToString.

public sealed record JuniorMember(string MemberRef, string FirstName, string LastName, DateOnly DateOfBirth, string AgeGroup, string Team);

public sealed record ParentContact(string MemberRef, string Name, string Email, string Mobile);

public sealed record ConsentRecord(string ConsentId, string MemberRef, string Kind, bool Granted, string ParentEmail);

public sealed record ConsentSummary(string Team, string Kind, int Granted, int Missing);

public sealed record CoachCheck(string CoachId, string CoachName, string DbsCertificateNumber, string Status, DateOnly IssuedOn);

public sealed record CheckStatus(string Status, int DaysToExpiry, bool RenewalDue);

public sealed record MedicalForm(string FormId, string MemberRef, string ChildName, string Conditions, string Allergies, string EmergencyPhone);

public sealed record MedicalSummary(string FormId, string AgeGroup, bool HasAllergies, int ConditionCount);

public sealed record InjuryReview(string ReviewId, string MemberRef, string HospitalNumber, string InjurySite, int DaysOut, string ClinicianNotes);

public sealed record TeamSelection(string FixtureId, string Team, string CaptainRef, string CaptainName, int SquadSize);

public sealed record MatchResult(string FixtureId, string Team, string Opponent, int GoalsFor, int GoalsAgainst);

public sealed record PlayerOfMatch(string FixtureId, string MemberRef, string PlayerName, string Team);

public sealed record KitOrder(string OrderId, string MemberRef, string ShirtName, int ShirtNumber, string Size, string ParentEmail);

public sealed record KitLine(string Sku, string Size, int Quantity);

public sealed record ClubSubscription(string SubscriptionId, string MembershipNumber, string PayerName, string PayerEmail, string AccountNumber, string SortCode, decimal Amount, string Plan);

public sealed record SubscriptionPlan(string Plan, decimal Amount, string Interval);

public sealed record KitGrant(string GrantId, string ClubCode, string Region, decimal Amount);

public sealed record ManifestEntry(string TripId, string MemberRef, string PassengerName, string ParentMobile, bool MedicalNote);

public sealed record TripSummary(string TripId, string VehicleReg, string Destination, int Seats, int Booked);

public sealed record AcademyPlayer(Guid PlayerId, string Gamertag, string LegalName, int Age, string Hub);

public sealed record SessionBooking(string SessionId, string Hub, string Game, int Places);

/// <summary>A coach's profile as the directory returns it; a class, so it has no printing ToString.</summary>
public sealed class CoachProfile
{
    public required string CoachId { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public int TeamsCoached { get; init; }
}

// Systems of record and gateways: not telemetry.

public interface IMemberStore
{
    Task<JuniorMember?> FindAsync(string memberRef, CancellationToken cancellationToken);

    Task<ParentContact?> FindParentAsync(string memberRef, CancellationToken cancellationToken);

    Task<IReadOnlyList<JuniorMember>> SquadAsync(string team, CancellationToken cancellationToken);
}

public interface IConsentStore
{
    Task<ConsentRecord?> FindAsync(string memberRef, string kind, CancellationToken cancellationToken);

    Task SaveAsync(ConsentRecord consent, CancellationToken cancellationToken);
}

public interface ISafeguardingRegister
{
    Task<CheckStatus> VerifyAsync(string dbsCertificateNumber, string familyName, CancellationToken cancellationToken);
}

public interface IMedicalFormStore
{
    Task<MedicalForm?> LatestAsync(string memberRef, CancellationToken cancellationToken);

    Task SaveAsync(MedicalForm form, CancellationToken cancellationToken);
}

public interface ILeaguePortal
{
    Task SubmitTeamSheetAsync(TeamSelection selection, CancellationToken cancellationToken);

    Task SubmitResultAsync(MatchResult result, CancellationToken cancellationToken);
}

public interface IParentMessenger
{
    Task SendAsync(string email, string subject, string body, CancellationToken cancellationToken);
}

public interface IPaymentGateway
{
    Task<string> CollectAsync(ClubSubscription subscription, CancellationToken cancellationToken);
}

public interface IKitSupplier
{
    Task<string> PlaceAsync(KitOrder order, CancellationToken cancellationToken);
}

public interface ICoachDirectory
{
    Task<CoachProfile?> FindAsync(string coachId, CancellationToken cancellationToken);
}

// Exceptions.

/// <summary>Quotes a junior member's reference.</summary>
public sealed class MemberNotFoundException(string memberRef) : Exception($"No junior member with reference {memberRef}");

/// <summary>Quotes the child's name.</summary>
public sealed class ConsentMissingException(string childName, string kind) : Exception($"No {kind} consent on file for {childName}");

/// <summary>Quotes a DBS certificate number.</summary>
public sealed class DbsCheckFailedException(string certificateNumber) : Exception($"DBS certificate {certificateNumber} could not be verified");

/// <summary>Quotes the payer's email.</summary>
public sealed class PaymentDeclinedException(string payerEmail) : Exception($"Direct debit declined for {payerEmail}");

/// <summary>Quotes a fixture and a time only.</summary>
public sealed class FixtureLockedException(string fixtureId, DateTimeOffset lockedAt) : Exception($"Fixture {fixtureId} was locked at {lockedAt:u}");

/// <summary>Quotes a SKU and a size only.</summary>
public sealed class KitOutOfStockException(string sku, string size) : Exception($"SKU {sku} is out of stock in size {size}");

/// <summary>Quotes a trip and its seats only.</summary>
public sealed class CoachFullException(string tripId, int seats) : Exception($"Trip {tripId} is full ({seats} seats)");

/// <summary>Quotes an age group and a team only.</summary>
public sealed class SquadFullException(string team, int maxSize) : Exception($"Squad {team} already has {maxSize} players");
