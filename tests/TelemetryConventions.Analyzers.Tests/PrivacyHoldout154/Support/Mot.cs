namespace Motor.Mot;

// The DVSA MOT testing service (MTS) as a test station uses it.

/// <summary>An MOT test. Prints test number, registration, VIN, odometer, the tester's id, vehicle class and result.</summary>
public sealed record MotTest(string TestNumber, string Registration, string Vin, int OdometerMiles, string TesterId, string VehicleClass, string Result);

/// <summary>A defect from the DVSA manual. Prints code, category (minor, major, dangerous) and the manual's text.</summary>
public sealed record MotDefect(string Code, string Category, string Text);

/// <summary>The recorded result. Prints test number, result, number of defects and expiry date.</summary>
public sealed record MotResult(string TestNumber, string Result, int DefectCount, DateOnly ExpiryDate);

public interface IMotTestingService
{
    Task<MotResult> RecordAsync(MotTest test, IReadOnlyList<MotDefect> defects, CancellationToken cancellationToken = default);

    Task<int?> LastOdometerAsync(string vin, CancellationToken cancellationToken = default);
}

/// <summary>DVSA has no vehicle with that registration; quotes it.</summary>
public sealed class VehicleNotFoundAtDvsaException(string registration) : Exception($"DVSA has no vehicle {registration}");

/// <summary>The tester is suspended; quotes the tester's id.</summary>
public sealed class TesterSuspendedException(string testerId) : Exception($"Tester {testerId} is suspended from testing");

/// <summary>The MTS answered with an error status; quotes the status.</summary>
public sealed class MtsUnavailableException(int status) : Exception($"MOT testing service answered {status}")
{
    public int Status { get; } = status;
}

/// <summary>The odometer reads lower than at the last test; quotes the VIN and both readings.</summary>
public sealed class OdometerRollbackException(string vin, int previous, int current) : Exception($"Odometer for {vin} went from {previous} to {current}");
