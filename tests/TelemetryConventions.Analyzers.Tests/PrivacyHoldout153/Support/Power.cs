namespace HighStreet.Power;

// An energy supplier's priority services register and power cut alerts.

/// <summary>A registration on the priority services register. Prints account number, holder's name, phone, email, need code, postcode and whether a nominee is set.</summary>
public sealed record PsrRegistration(string AccountNumber, string HolderName, string Phone, string Email, string NeedCode, string Postcode, bool HasNominee);

/// <summary>A power cut. Prints incident id, region, households affected and the estimated restore time.</summary>
public sealed record PowerCut(string IncidentId, string Region, int HouseholdsAffected, DateTimeOffset EstimatedRestore);

/// <summary>A registered household in a power cut. Prints account number, meter serial, phone and need code.</summary>
public sealed record AffectedHousehold(string AccountNumber, string MeterSerial, string Phone, string NeedCode);

/// <summary>An engineer's visit to a household. Prints visit id, the engineer's staff id and the account number.</summary>
public sealed record EngineerVisit(string VisitId, string EngineerStaffId, string AccountNumber);

public interface IPriorityRegister
{
    Task<PsrRegistration?> FindAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task SaveAsync(PsrRegistration registration, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AffectedHousehold>> AffectedAsync(string incidentId, CancellationToken cancellationToken = default);
}

/// <summary>The supplier's outbound calls and texts: not telemetry.</summary>
public interface IOutboundCaller
{
    Task<bool> CallAsync(string phone, string script, CancellationToken cancellationToken = default);
}

/// <summary>No such supply account; quotes the account number.</summary>
public sealed class AccountNotFoundException(string accountNumber) : Exception($"Supply account {accountNumber} not found");

/// <summary>An unknown need code; quotes the code.</summary>
public sealed class NeedCodeUnknownException(string code) : Exception($"Unknown PSR need code {code}");

/// <summary>A call to a household failed; quotes the phone number dialled.</summary>
public sealed class CallFailedException(string phone) : Exception($"Call to {phone} was not answered");
