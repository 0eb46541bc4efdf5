namespace EarlyYears.Sleep;

// Cot sensors in sleep rooms, sleep checks, and childminders' home energy grants.

/// <summary>A cot sensor's reading. Prints cot id, room, temperature, breaths per minute, movement and time.</summary>
public sealed record CotSensorReading(string CotId, string Room, double TemperatureC, int BreathsPerMinute, bool Movement, DateTimeOffset At);

/// <summary>Which child sleeps in a cot today. Prints cot id, the child's id and first name.</summary>
public sealed record CotAssignment(string CotId, string ChildId, string ChildFirstName);

/// <summary>A practitioner's sleep check. Prints child id, cot, the practitioner's staff id, the sleeping position and time.</summary>
public sealed record SleepCheck(string ChildId, string CotId, string CheckedBy, string Position, DateTimeOffset At);

/// <summary>A registered childminder working from home. Prints the Ofsted URN, name, full postcode, MPAN and meter serial.</summary>
public sealed record ChildminderHome(string ChildminderUrn, string Name, string Postcode, string Mpan, string MeterSerial);

/// <summary>A childminder's energy grant application. Prints application id, the childminder's URN, the MPAN and the amount.</summary>
public sealed record EnergyGrantApplication(string ApplicationId, string ChildminderUrn, string Mpan, decimal Amount);

/// <summary>A nursery group's building. Prints setting URN, name and postcode.</summary>
public sealed record NurseryBuilding(string SettingUrn, string Name, string Postcode, string Mpan);

/// <summary>The sleep room registry; not telemetry.</summary>
public interface ICotRegistry
{
    Task<CotAssignment?> AssignedAsync(string cotId, CancellationToken cancellationToken = default);

    Task RaiseAlarmAsync(string room, string cotId, CancellationToken cancellationToken = default);
}

/// <summary>The council's childminder energy support scheme; not telemetry.</summary>
public interface IEnergyGrantPortal
{
    Task<ChildminderHome?> FindAsync(string childminderUrn, CancellationToken cancellationToken = default);

    Task<bool> SubmitAsync(EnergyGrantApplication application, CancellationToken cancellationToken = default);

    Task<double> SmartReadAsync(string mpan, CancellationToken cancellationToken = default);
}

/// <summary>A cot sensor stopped reporting; quotes the cot.</summary>
public sealed class CotSensorOfflineException(string cotId) : Exception($"Cot sensor {cotId} is offline");

/// <summary>No registered childminder with the URN; quotes it.</summary>
public sealed class ChildminderNotRegisteredException(string childminderUrn) : Exception($"Childminder {childminderUrn} is not on the Ofsted register");

/// <summary>The supplier refused a read; quotes the MPAN.</summary>
public sealed class MeterReadRejectedException(string mpan) : Exception($"Supplier refused a read for MPAN {mpan}");
