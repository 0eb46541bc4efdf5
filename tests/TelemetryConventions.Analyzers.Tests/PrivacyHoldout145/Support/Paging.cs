namespace Telco.Paging;

// A hospital trust's paging and on-call phone platform.

/// <summary>A bleep on the rota: a role's number, not a person's. Prints bleep number, role and ward.</summary>
public sealed record Bleep(string BleepNumber, string Role, string Ward);

/// <summary>Who holds a bleep now. Prints staff id, name and grade.</summary>
public sealed record RotaHolder(string StaffId, string Name, string Grade);

/// <summary>A clinician's call forwarding from the on-call line. Prints staff id, name, personal mobile and the bleep forwarded.</summary>
public sealed record CallForward(string StaffId, string ClinicianName, string PersonalMobile, string BleepNumber);

/// <summary>An on-call handset the trust owns. Prints asset tag, its MSISDN, model and ward.</summary>
public sealed record OnCallHandset(string AssetTag, string Msisdn, string Model, string Ward);

/// <summary>A patient's contact for appointment texts. Prints hospital number, NHS number, mobile and preferred name.</summary>
public sealed record PatientContact(string HospitalNumber, string NhsNumber, string Mobile, string PreferredName);

/// <summary>An appointment reminder. Prints appointment id, clinic, time and whether a reply is wanted.</summary>
public sealed record AppointmentReminder(string AppointmentId, string Clinic, DateTimeOffset At, bool ReplyWanted);

public interface IRotaStore
{
    Task<RotaHolder> CurrentHolderAsync(string bleepNumber, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Bleep>> EscalationChainAsync(string bleepNumber, CancellationToken cancellationToken = default);
}

/// <summary>The pager gateway and the trust's SMS gateway; not telemetry.</summary>
public interface IPagingGateway
{
    Task<string> SendAsync(string bleepNumber, string text, string priority, CancellationToken cancellationToken = default);

    Task<bool> WaitForAckAsync(string pageId, TimeSpan timeout, CancellationToken cancellationToken = default);

    Task<string> TextAsync(string mobile, string text, CancellationToken cancellationToken = default);

    Task SetForwardingAsync(string fromNumber, string toNumber, CancellationToken cancellationToken = default);
}

/// <summary>A bleep was not acknowledged; quotes the bleep and the role.</summary>
public sealed class BleepUnacknowledgedException(string bleepNumber, string role) : Exception($"Bleep {bleepNumber} ({role}) was not acknowledged")
{
    public string Role { get; } = role;
}

/// <summary>The network refused the forwarding; quotes the mobile it was forwarded to.</summary>
public sealed class ForwardingRejectedException(string toNumber) : Exception($"Network rejected call forwarding to {toNumber}");

/// <summary>The SMS gateway refused a text; quotes the recipient (as the gateway's error does).</summary>
public sealed class SmsRejectedException(string recipient, int code) : Exception($"SMS to {recipient} rejected with code {code}")
{
    public int Code { get; } = code;
}
