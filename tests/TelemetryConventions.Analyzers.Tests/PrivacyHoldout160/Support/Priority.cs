namespace MedTech.Priority;

// A distribution network's priority services register.

/// <summary>A medically dependent household. Prints account number, meter serial, MPAN, postcode, dependency, mobile and whether it has a backup battery.</summary>
public sealed record PriorityRegistration(string AccountNumber, string MeterSerial, string Mpan, string Postcode, string Dependency, string ContactMobile, bool BackupBattery);

/// <summary>A planned or unplanned outage. Prints outage id, feeder, restore time and PSR households affected.</summary>
public sealed record OutageNotice(string OutageId, string Feeder, DateTimeOffset ExpectedRestore, int PsrHouseholds);

/// <summary>A rebate claim for a concentrator's electricity. Prints claim id, concentrator serial, account number, kWh and model.</summary>
public sealed record ConcentratorClaim(string ClaimId, string ConcentratorSerial, string AccountNumber, decimal Kwh, string Model);

public interface IPriorityRegister
{
    Task<PriorityRegistration?> FindAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PriorityRegistration>> OnFeederAsync(string feeder, CancellationToken cancellationToken = default);

    Task SaveAsync(PriorityRegistration registration, CancellationToken cancellationToken = default);
}

/// <summary>The SMS and voice broadcast platform; not telemetry.</summary>
public interface IOutageMessenger
{
    Task<bool> TextAsync(string mobile, string text, CancellationToken cancellationToken = default);
}

/// <summary>No register entry; quotes the account number.</summary>
public sealed class PsrAccountNotFoundException(string accountNumber) : Exception($"Account {accountNumber} is not on the priority register");

/// <summary>An unknown feeder; quotes it.</summary>
public sealed class FeederUnknownException(string feeder) : Exception($"Feeder {feeder} is not in the network model");

/// <summary>The claim's meter is not the household's; quotes the meter serial and the concentrator serial.</summary>
public sealed class ClaimMeterMismatchException(string meterSerial, string concentratorSerial) : Exception($"Meter {meterSerial} does not supply concentrator {concentratorSerial}");
