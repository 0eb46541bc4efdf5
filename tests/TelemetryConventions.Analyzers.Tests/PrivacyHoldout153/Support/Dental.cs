namespace HighStreet.Dental;

// A group of high-street dental practices on an NHS contract.

/// <summary>A registered patient. Prints practice record number, NHS number, names, mobile, email and date of birth.</summary>
public sealed record DentalPatient(string PracticeRecordNumber, string NhsNumber, string FirstName, string LastName, string Mobile, string Email, DateOnly DateOfBirth);

/// <summary>A recall that is due. Prints the patient's record number, the practice code, the due date and months since the last visit.</summary>
public sealed record RecallDue(string PracticeRecordNumber, string PracticeCode, DateOnly DueOn, int MonthsSinceLast);

/// <summary>A course of treatment for the claim. Prints course id, the patient's record number, the performer number, band and charge.</summary>
public sealed record CourseOfTreatment(string CourseId, string PracticeRecordNumber, string PerformerNumber, string Band, decimal PatientCharge);

/// <summary>What the claims portal answered. Prints claim id, status and units of dental activity.</summary>
public sealed record ClaimReceipt(string ClaimId, string Status, decimal Udas);

public interface IRecallStore
{
    Task<IReadOnlyList<RecallDue>> DueAsync(string practiceCode, DateOnly on, CancellationToken cancellationToken = default);

    Task<DentalPatient?> FindAsync(string practiceRecordNumber, CancellationToken cancellationToken = default);
}

/// <summary>The NHS dental claims portal: not telemetry.</summary>
public interface IClaimsPortal
{
    Task<ClaimReceipt> SubmitAsync(CourseOfTreatment course, string nhsNumber, CancellationToken cancellationToken = default);
}

/// <summary>The practice's text and email reminders: not telemetry.</summary>
public interface IPatientTexter
{
    Task SendAsync(string mobile, string templateId, IDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>The patient is not registered with the practice; quotes the NHS number.</summary>
public sealed class PatientNotRegisteredException(string nhsNumber) : Exception($"No registration found for NHS number {nhsNumber}");

/// <summary>The portal rejected a claim; quotes the claim and a reason code.</summary>
public sealed class ClaimRejectedException(string claimId, string reasonCode) : Exception($"Claim {claimId} rejected: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>The dentist is not on the performers list; quotes the performer number.</summary>
public sealed class PerformerNotListedException(string performerNumber) : Exception($"Performer {performerNumber} is not on the performers list");
