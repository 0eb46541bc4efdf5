namespace RotaKit;

// On-call schedules and escalation policies.

/// <summary>A person on a rota. Prints every member.</summary>
public sealed record Responder(string StaffId, string Name, string Email, string Phone, string ChatMemberId);

public sealed record OnCallShift(string ScheduleId, string EscalationPolicyId, int Level, Responder Responder, DateTimeOffset Start, DateTimeOffset End);

public sealed record EscalationRule(int Level, TimeSpan Delay, IReadOnlyList<string> ScheduleIds);

public interface IOnCallDirectory
{
    Task<OnCallShift?> WhoIsOnCallAsync(string scheduleId, int level = 1, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EscalationRule>> GetPolicyAsync(string escalationPolicyId, CancellationToken cancellationToken = default);
}

public static class PhoneMask
{
    /// <summary>Keeps the last three digits: <c>+44 ******* 123</c>.</summary>
    public static string Mask(string phone) =>
        phone.Length <= 3 ? "***" : $"{phone[..3]} ******* {phone[^3..]}";
}

/// <summary>Thrown when nobody can be reached on a schedule; quotes the schedule and level only.</summary>
public sealed class NoResponderException(string scheduleId, int level)
    : Exception($"No responder on schedule {scheduleId} at level {level}")
{
    public string ScheduleId { get; } = scheduleId;
}

public interface ISmsGateway
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken = default);
}

/// <summary>Thrown when an SMS is refused; the gateway quotes the destination number.</summary>
public sealed class SmsRejectedException(string phone, string reason) : Exception($"SMS to {phone} rejected: {reason}")
{
    public string Reason { get; } = reason;
}
