namespace Driving.Fleet;

// An energy company's field fleet: engineers' licence checks, vans and EV lessons on its chargers.

/// <summary>A fleet driver. Prints employee number, name, licence number and depot.</summary>
public sealed record FleetDriver(string EmployeeNumber, string Name, string LicenceNumber, string Depot);

/// <summary>A licence check's result. Prints check id, depot, category, points and validity; names no one.</summary>
public sealed record LicenceCheckResult(string CheckId, string Depot, string Category, int Points, bool Valid);

/// <summary>A van given to a driver. Prints the van's registration, the employee number and depot.</summary>
public sealed record VanAssignment(string VanRegistration, string EmployeeNumber, string Depot);

/// <summary>A charge at a public charger. Prints session id, charger id, the charging account (a self-employed instructor's own) and kWh.</summary>
public sealed record ChargeSession(string SessionId, string ChargerId, string AccountNumber, double Kwh);

public interface ILicenceCheckProvider
{
    Task<LicenceCheckResult> CheckAsync(string licenceNumber, string consentCode, CancellationToken cancellationToken = default);
}

public interface IFleetRoster
{
    Task<IReadOnlyList<FleetDriver>> DueForCheckAsync(string depot, CancellationToken cancellationToken = default);
}

/// <summary>A driver is suspended from driving; quotes the employee number.</summary>
public sealed class DriverSuspendedException(string employeeNumber) : Exception($"Employee {employeeNumber} is suspended from driving");

/// <summary>A depot's consent batch is missing; quotes the depot.</summary>
public sealed class CheckConsentMissingException(string depot) : Exception($"No consent batch on file for depot {depot}");
