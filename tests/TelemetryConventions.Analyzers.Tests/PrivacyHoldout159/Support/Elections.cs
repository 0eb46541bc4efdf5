namespace Civic.Elections;

// The electoral services of a district council: the register, absent votes, polling stations and the count.

/// <summary>An entry on the electoral register. Prints elector number, full name, date of birth, email, mobile, UPRN, polling district, ward and franchise.</summary>
public sealed record Elector(string ElectorNumber, string FullName, DateOnly DateOfBirth, string Email, string Mobile, string Uprn, string PollingDistrict, string Ward, string Franchise);

/// <summary>An application to register to vote. Prints the application id, NI number, full name, date of birth, postcode, email and channel.</summary>
public sealed record RegistrationApplication(Guid ApplicationId, string NationalInsuranceNumber, string FullName, DateOnly DateOfBirth, string Postcode, string Email, string Channel);

/// <summary>The DWP match of an application. Prints the application id, whether it matched and the match level.</summary>
public sealed record VerificationResult(Guid ApplicationId, bool Matched, string MatchLevel);

/// <summary>An application to vote by post. Prints the application id, the elector number, the redirection address and the reason code.</summary>
public sealed record PostalVoteApplication(Guid ApplicationId, string ElectorNumber, string RedirectAddress, string ReasonCode);

/// <summary>A proxy appointment. Prints the elector number, the proxy's name and elector number and the reason code.</summary>
public sealed record ProxyAppointment(Guid AppointmentId, string ElectorNumber, string ProxyName, string ProxyElectorNumber, string ReasonCode);

/// <summary>A ballot paper issued at a station. Prints the station, the ballot paper number and the elector number.</summary>
public sealed record BallotIssue(string PollingStation, int BallotPaperNumber, string ElectorNumber);

/// <summary>Turnout at a station. Prints the station, district, papers issued and electorate.</summary>
public sealed record StationTurnout(string PollingStation, string PollingDistrict, int Issued, int Electorate);

/// <summary>A candidate's result in a ward. Prints the ward, the ballot name, the party and the votes.</summary>
public sealed record CountResult(string Ward, string CandidateBallotName, string Party, int Votes);

/// <summary>A nomination paper. Prints the ward, the ballot name, the home address, the email and the agent's email.</summary>
public sealed record Nomination(Guid NominationId, string Ward, string CandidateBallotName, string HomeAddress, string Email, string AgentEmail);

/// <summary>A household enquiry (annual canvass). Prints the UPRN, the security code and the number of residents.</summary>
public sealed record CanvassResponse(string Uprn, string SecurityCode, int Residents, string Route);

public interface IElectoralRegister
{
    Task<Elector?> FindAsync(string electorNumber, CancellationToken cancellationToken = default);

    Task<Elector?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task SaveAsync(Elector elector, CancellationToken cancellationToken = default);
}

/// <summary>The DWP verification service; not telemetry.</summary>
public interface IDwpVerifier
{
    Task<VerificationResult> VerifyAsync(RegistrationApplication application, CancellationToken cancellationToken = default);
}

/// <summary>No entry on the register; quotes the elector number.</summary>
public sealed class ElectorNotFoundException(string electorNumber) : Exception($"No elector {electorNumber} on the register");

/// <summary>The DWP did not match; quotes the NI number.</summary>
public sealed class NinoMismatchException(string nino) : Exception($"DWP returned no match for {nino}");

/// <summary>A second application from one email; quotes the email.</summary>
public sealed class DuplicateApplicationException(string email) : Exception($"An application from {email} is already being processed");

/// <summary>A ballot paper was already marked against the elector; quotes the elector number.</summary>
public sealed class BallotAlreadyIssuedException(string electorNumber) : Exception($"Elector {electorNumber} is already marked as having voted");

/// <summary>A postal vote was refused; quotes the reason code only.</summary>
public sealed class PostalVoteRejectedException(string reasonCode) : Exception($"Postal vote application refused: {reasonCode}");

/// <summary>The register is closed for the poll; quotes the deadline.</summary>
public sealed class RegisterClosedException(DateOnly deadline) : Exception($"The register closed on {deadline:yyyy-MM-dd}");

/// <summary>A station's box is full; quotes the station and box.</summary>
public sealed class BallotBoxFullException(string station, int box) : Exception($"Box {box} at {station} is full");
