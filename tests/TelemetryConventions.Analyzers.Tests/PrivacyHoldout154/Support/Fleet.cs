namespace Motor.Fleet;

// An organisation's fleet and its staff car scheme.

/// <summary>A vehicle of the organisation's fleet. Prints fleet number, registration, VIN, kind and base.</summary>
public sealed record FleetVehicle(string FleetNumber, string Registration, string Vin, string Kind, string Base);

/// <summary>A salary-sacrifice car leased to an employee. Prints agreement number, employee number, registration, model and monthly sacrifice.</summary>
public sealed record LeaseCar(string AgreementNumber, string EmployeeNumber, string Registration, string Model, decimal MonthlySacrifice);

/// <summary>Who drives a fleet vehicle on a day. Prints fleet number, the driver's staff number and date.</summary>
public sealed record DriverAssignment(string FleetNumber, string DriverStaffNumber, DateOnly Date);

/// <summary>A defect a driver reported on a fleet vehicle. Prints report id, fleet number, category and the driver's description of the fault.</summary>
public sealed record DefectReport(string ReportId, string FleetNumber, string Category, string Description);

public interface IFleetRegister
{
    Task<FleetVehicle?> FindAsync(string fleetNumber, CancellationToken cancellationToken = default);

    Task<LeaseCar?> LeaseForAsync(string employeeNumber, CancellationToken cancellationToken = default);

    Task MarkOffRoadAsync(string fleetNumber, string reason, CancellationToken cancellationToken = default);
}

/// <summary>A fleet vehicle is off road; quotes the fleet number and the reason.</summary>
public sealed class VehicleOffRoadException(string fleetNumber, string reason) : Exception($"Fleet vehicle {fleetNumber} is off road: {reason}");

/// <summary>No lease for that employee; quotes the employee number.</summary>
public sealed class LeaseNotFoundException(string employeeNumber) : Exception($"No salary sacrifice lease for employee {employeeNumber}");
