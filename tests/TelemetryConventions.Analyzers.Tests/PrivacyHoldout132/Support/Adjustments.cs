namespace AccessKit.Adjustments;

/// <summary>A reasonable adjustment flag on a patient's record (NHS Reasonable Adjustment Flag). Prints its members: the NHS number, the category codes (as their list's type name), the free-text details and who recorded it.</summary>
public sealed record AdjustmentFlag(string NhsNumber, IReadOnlyList<string> CategoryCodes, string Details, string RecordedByStaffId, DateTimeOffset RecordedAt);

/// <summary>One category of adjustment from the national list (communication, access, support person). Prints its members.</summary>
public sealed record AdjustmentCategory(string Code, string Display, string Group);

/// <summary>An appointment's access plan, as the booking system derives it from the flag. Prints its members: appointment, clinic, the needs as their list's type name, and whether a carer attends.</summary>
public sealed record AppointmentAccessPlan(string AppointmentId, string ClinicCode, IReadOnlyList<string> NeedCodes, bool CarerAttends, int ExtraMinutes);

/// <summary>The national flag service; not telemetry.</summary>
public interface IAdjustmentFlagClient
{
    Task<AdjustmentFlag?> GetFlagAsync(string nhsNumber, CancellationToken cancellationToken = default);

    Task PutFlagAsync(AdjustmentFlag flag, CancellationToken cancellationToken = default);
}

/// <summary>The flag service refused access to a record; quotes the NHS number.</summary>
public sealed class FlagAccessDeniedException(string nhsNumber, string reason)
    : Exception($"Access to reasonable adjustment flag of {nhsNumber} denied: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>The flag service is down; quotes the endpoint and the status.</summary>
public sealed class FlagServiceUnavailableException(string endpoint, int status)
    : Exception($"Flag service {endpoint} returned {status}")
{
    public int Status { get; } = status;
}
