namespace Justice.Transport;

// Justice transport: prisoner escort moves, fare evasion prosecutions, traffic penalty appeals and
// probation's community payback minibuses.

/// <summary>A person escort record. Prints move id, prison number, PNC id, name, risk flags, from, to and the vehicle.</summary>
public sealed record PersonEscortRecord(string MoveId, string PrisonNumber, string PncId, string FullName, string[] RiskFlags, string From, string To, string VehicleId);

/// <summary>A move's assignment. Prints move id, vehicle, contractor, cells and departure.</summary>
public sealed record MoveAssignment(string MoveId, string VehicleId, string Contractor, int Cells, DateTime Departs);

public interface IBookAMoveClient
{
    Task<MoveAssignment> AssignAsync(PersonEscortRecord record, CancellationToken cancellationToken = default);

    Task<PersonEscortRecord?> NextAsync(CancellationToken cancellationToken = default);
}

/// <summary>The prisoner is not ready to leave; quotes the prison number and establishment.</summary>
public sealed class PrisonerNotReadyException(string prisonNumber, string establishment) : Exception($"Prisoner {prisonNumber} not ready at {establishment}");

/// <summary>The van broke down; quotes the vehicle and where.</summary>
public sealed class VanBreakdownException(string vehicleId, string location) : Exception($"Vehicle {vehicleId} broke down near {location}")
{
    public string VehicleId { get; } = vehicleId;
}

/// <summary>A fare evasion case. Prints case id, the passenger's name, address, email and date of birth, the station, the fare due and the revenue officer's id.</summary>
public sealed record FareEvasionCase(string CaseId, string PassengerName, string PassengerAddress, string PassengerEmail, DateOnly DateOfBirth, string Station, decimal FareDue, string RevenueOfficerId);

/// <summary>A Single Justice Procedure notice. Prints notice id, case id, court and the response date.</summary>
public sealed record SjpNotice(string NoticeId, string CaseId, string Court, DateOnly ResponseDue);

public interface ISjpGateway
{
    Task<SjpNotice> ProsecuteAsync(FareEvasionCase fareCase, CancellationToken cancellationToken = default);
}

/// <summary>A traffic penalty appeal. Prints appeal ref, PCN number, the plate, the appellant's name and email, council and grounds.</summary>
public sealed record PenaltyAppeal(string AppealRef, string PcnNumber, string Vrm, string AppellantName, string AppellantEmail, string Council, string Grounds);

/// <summary>The adjudicator's decision. Prints appeal ref, whether allowed and the reason code.</summary>
public sealed record AdjudicatorDecision(string AppealRef, bool Allowed, string ReasonCode);

public interface ITrafficTribunalClient
{
    Task<AdjudicatorDecision> DecideAsync(PenaltyAppeal appeal, CancellationToken cancellationToken = default);
}

/// <summary>A community payback session. Prints session id, project, minibus, supervisor's staff id, the attendees' CRNs and the start.</summary>
public sealed record PaybackSession(string SessionId, string ProjectCode, string MinibusId, string SupervisorStaffId, string[] AttendeeCrns, DateTime Starts);

/// <summary>An attendee did not turn up; quotes the CRN.</summary>
public sealed class AttendeeAbsentException(string crn) : Exception($"Person on probation {crn} absent from payback")
{
    public string Crn { get; } = crn;
}
