namespace PrivacyHoldout186.Support;

/// <summary>The person a pass is issued to.</summary>
public sealed record PassHolder(string HolderId, string FullName, DateOnly DateOfBirth, string Email, string Mobile, string Postcode);

/// <summary>A concessionary pass (the photocard) as the scheme holds it.</summary>
public sealed record ConcessionPass(string PhotocardNumber, string HolderId, string ConcessionType, DateOnly Expires, string IssuingAuthority);

/// <summary>What the scheme knows about a pass product, with no holder.</summary>
public sealed record PassProductSummary(string ProductCode, string ConcessionType, int ActivePasses, string IssuingAuthority);

/// <summary>One tap of a card on a reader.</summary>
public sealed record TapEvent(string CardToken, string ReaderId, string StopCode, string RouteId, DateTimeOffset TappedAt, int FarePence);

/// <summary>What the fare engine decided for a tap.</summary>
public sealed record TapOutcome(string JourneyId, string RouteId, int FarePence, string Outcome);

/// <summary>A companion (carer) pass, printed with the carer's and the holder's names.</summary>
public sealed record CompanionPass(string CompanionPassNumber, string HolderId, string CarerName);

/// <summary>An eligibility decision on an application, as the case system stores it.</summary>
public sealed record EligibilityDecision(string ApplicationId, string Route, bool Eligible, double DistanceKm);

/// <summary>An appeal against a refused pass or a penalty fare.</summary>
public sealed record PassAppeal(string AppealId, string CaseId, string Stage, string GroundsCode, string Statement);

/// <summary>The panel's outcome of an appeal.</summary>
public sealed record AppealOutcome(string AppealId, string Stage, string Decision);

/// <summary>A holder's photocard profile; a class without ToString.</summary>
public sealed class PhotocardProfile
{
    public required string PhotocardNumber { get; init; }

    public required string HolderName { get; init; }

    public required string ConcessionType { get; init; }

    public string PhotoId { get; init; } = string.Empty;
}

/// <summary>The pass register: a system of record, not telemetry.</summary>
public interface IPassRegister
{
    Task<PassHolder?> FindHolderAsync(string holderId, CancellationToken cancellationToken);

    Task<ConcessionPass?> FindPassAsync(string photocardNumber, CancellationToken cancellationToken);

    Task SaveAsync(ConcessionPass pass, CancellationToken cancellationToken);

    Task<IReadOnlyList<TapEvent>> TapsAsync(string cardToken, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>The national concession scheme's checking service: a gateway, not telemetry.</summary>
public interface IConcessionGateway
{
    Task<bool> VerifyAsync(string photocardNumber, DateOnly dateOfBirth, CancellationToken cancellationToken);

    Task<PassProductSummary> ProductAsync(string productCode, CancellationToken cancellationToken);
}

/// <summary>Sends letters, emails and SMS to holders; not telemetry.</summary>
public interface IHolderNotifier
{
    Task SendAsync(string address, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>No holder under this id; the message quotes it.</summary>
public sealed class PassHolderNotFoundException(string holderId) : Exception($"No pass holder {holderId} in the register");

/// <summary>The scheme rejected a photocard; the message quotes the card number.</summary>
public sealed class PhotocardRejectedException(string photocardNumber, string reason) : Exception($"Photocard {photocardNumber} rejected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>A carer not named on the companion pass; the message quotes the carer's name.</summary>
public sealed class CompanionNotAuthorisedException(string carerName, string companionPassNumber) : Exception($"{carerName} is not the carer on companion pass {companionPassNumber}");

/// <summary>The concession window is closed; quotes the scheme and hours only.</summary>
public sealed class ConcessionWindowClosedException(string scheme, TimeSpan opensAt) : Exception($"Scheme {scheme} concessions start at {opensAt:hh\\:mm}");

/// <summary>A reader stopped answering; quotes the reader and a status code.</summary>
public sealed class ReaderOfflineException(string readerId, int statusCode) : Exception($"Reader {readerId} offline (status {statusCode})");

/// <summary>No appeal under this id; quotes the appeal id.</summary>
public sealed class AppealNotFoundException(string appealId) : Exception($"Appeal {appealId} not found");
