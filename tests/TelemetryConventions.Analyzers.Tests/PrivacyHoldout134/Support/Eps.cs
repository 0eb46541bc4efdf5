namespace Medikit.Eps;

// An Electronic Prescription Service client in the shape of the NHS EPS FHIR API: prescriptions with a
// 20-character id, line items by dm+d code, release to a dispenser, nomination and repeat requests.

/// <summary>A line of a prescription. Prints its dm+d code, description, quantity and dosage.</summary>
public sealed record PrescribedItem(string DmdCode, string Description, decimal Quantity, string Dosage)
{
    public bool IsControlled { get; init; }

    public string? CdSchedule { get; init; }
}

/// <summary>A prescription as EPS returns it. Prints its id, the patient's NHS number, the prescriber's code, the practice and its items.</summary>
public sealed record EPrescription(string PrescriptionId, string NhsNumber, string PrescriberCode, string PracticeOds, IReadOnlyList<PrescribedItem> Items, DateTimeOffset IssuedAt)
{
    public string PatientName { get; init; } = string.Empty;

    public bool IsRepeatDispensing { get; init; }

    public int IssueNumber { get; init; } = 1;
}

/// <summary>A patient's repeat request from the app. Prints its id, the NHS number, the items and the patient's note.</summary>
public sealed record RepeatRequest(string RequestId, string NhsNumber, IReadOnlyList<string> DmdCodes, string? PatientNote);

/// <summary>The result of releasing a prescription to a dispenser. Prints its id, status and item count.</summary>
public sealed record ReleaseResult(string PrescriptionId, string Status, int ItemCount);

/// <summary>A dispense notification sent back to EPS. Prints the prescription, the dispenser and the status.</summary>
public sealed record DispenseNotification(string PrescriptionId, string DispenserOds, string Status, DateTimeOffset DispensedAt);

public interface IEpsClient
{
    Task<EPrescription> GetAsync(string prescriptionId, CancellationToken cancellationToken = default);

    Task<ReleaseResult> ReleaseAsync(string prescriptionId, string dispenserOds, CancellationToken cancellationToken = default);

    Task<string> SubmitRepeatAsync(RepeatRequest request, CancellationToken cancellationToken = default);

    Task NominateAsync(string nhsNumber, string dispenserOds, CancellationToken cancellationToken = default);

    Task NotifyDispensedAsync(DispenseNotification notification, CancellationToken cancellationToken = default);
}

/// <summary>Already dispensed; quotes the prescription id and the dispenser's ODS code.</summary>
public sealed class PrescriptionAlreadyDispensedException(string prescriptionId, string dispenserOds)
    : Exception($"Prescription {prescriptionId} already dispensed by {dispenserOds}")
{
    public string PrescriptionId { get; } = prescriptionId;
}

/// <summary>The patient's nomination is elsewhere; quotes the NHS number and the nominated dispenser.</summary>
public sealed class NominationMismatchException(string nhsNumber, string nominatedOds)
    : Exception($"Patient {nhsNumber} is nominated to {nominatedOds}")
{
    public string NominatedOds { get; } = nominatedOds;
}

/// <summary>EPS is down or throttling; quotes the retry delay.</summary>
public sealed class EpsUnavailableException(TimeSpan retryAfter)
    : Exception($"EPS unavailable, retry after {retryAfter.TotalSeconds:0}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
