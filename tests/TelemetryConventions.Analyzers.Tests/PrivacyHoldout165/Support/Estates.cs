namespace PrivacyHoldout165.Support;

// An energy supplier's bereavement team (accounts of customers who died, next of kin proving the relationship
// with a family tree or a certificate), and the DNA lab's freezer power.

/// <summary>A bereavement case. Prints case id, the deceased's account number and name, the meter serial and the date of death.</summary>
public sealed record BereavementCase(string CaseId, string AccountNumber, string DeceasedName, string MeterSerial, DateOnly DateOfDeath);

/// <summary>The next of kin taking over the account. Prints name, relationship, email and phone.</summary>
public sealed record NextOfKin(string Name, string Relationship, string Email, string Phone);

/// <summary>The transfer decision. Prints case id, the step reached and whether proof was accepted; names no one.</summary>
public sealed record TransferDecision(string CaseId, string Step, bool ProofAccepted);

/// <summary>A final meter reading. Prints the meter serial, the register and the reading.</summary>
public sealed record FinalReading(string MeterSerial, string Register, double Value);

/// <summary>A biobank freezer's power sample. Prints freezer id, site, kilowatts and temperature.</summary>
public sealed record FreezerPowerSample(string FreezerId, string Site, double Kilowatts, double TemperatureCelsius);

public interface IBereavementDesk
{
    Task<BereavementCase?> FindAsync(string caseId, CancellationToken cancellationToken = default);

    Task<TransferDecision> TransferAsync(BereavementCase @case, NextOfKin kin, CancellationToken cancellationToken = default);
}

/// <summary>The proof of relationship was refused; quotes the next of kin's name.</summary>
public sealed class RelationshipNotProvenException(string kinName) : Exception($"Relationship of {kinName} to the account holder not proven");

/// <summary>The meter is not on the account; quotes the meter serial.</summary>
public sealed class MeterNotOnAccountException(string meterSerial) : Exception($"Meter {meterSerial} is not on this account");

/// <summary>A freezer tripped; quotes the freezer and the site.</summary>
public sealed class FreezerTripException(string freezerId, string site) : Exception($"Freezer {freezerId} at {site} tripped");
