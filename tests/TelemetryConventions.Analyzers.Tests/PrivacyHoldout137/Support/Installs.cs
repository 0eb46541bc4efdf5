namespace UtilityKit.Installs;

/// <summary>A slot the workforce system offers for a smart meter install.</summary>
public sealed record AppointmentSlot(string SlotId, string Patch, DateTimeOffset Start, DateTimeOffset End, int Capacity);

/// <summary>A booked install: the customer's account, the address postcode, the slot and the engineer.</summary>
public sealed record InstallAppointment(string AppointmentId, string AccountNumber, string Postcode, string SlotId, string EngineerStaffNumber, string? AccessNotes);

/// <summary>What the engineer records when the job closes.</summary>
public sealed record InstallOutcome(string AppointmentId, string JobCode, string NewMeterSerial, string? InHomeDisplaySerial, bool Commissioned);

/// <summary>Thrown when a slot has gone; quotes the slot id.</summary>
public sealed class SlotUnavailableException(string slotId)
    : Exception($"Slot {slotId} is no longer available")
{
    public string SlotId { get; } = slotId;
}

/// <summary>Thrown when the engineer could not get in; quotes the account number.</summary>
public sealed class NoAccessException(string accountNumber, string reason)
    : Exception($"No access at account {accountNumber}: {reason}")
{
    public string AccountNumber { get; } = accountNumber;

    public string Reason { get; } = reason;
}

/// <summary>The workforce management system: offering, booking and cancelling slots. Not telemetry.</summary>
public interface IWorkforceClient
{
    Task<IReadOnlyList<AppointmentSlot>> OfferAsync(string postcode, DateOnly from, CancellationToken cancellationToken);

    Task<InstallAppointment> BookAsync(string accountNumber, string postcode, string slotId, string? accessNotes, CancellationToken cancellationToken);
}

/// <summary>The SMS and email sender: not telemetry.</summary>
public interface ICustomerNotifier
{
    Task SendAsync(string templateId, string to, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken);
}
