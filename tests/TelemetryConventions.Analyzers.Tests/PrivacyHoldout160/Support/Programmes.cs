namespace MedTech.Programmes;

// A drug maker's patient support programme run by a nursing provider.

/// <summary>A patient's enrolment. Prints enrolment id, patient id, names, email, mobile, programme, therapy and date of birth.</summary>
public sealed record Enrolment(string EnrolmentId, string PatientId, string FirstName, string LastName, string Email, string Mobile, string Programme, string Therapy, DateOnly DateOfBirth);

/// <summary>A nurse's call with an enrolled patient. Prints call id, enrolment id, the nurse's staff id, minutes and topic code.</summary>
public sealed record NurseCall(string CallId, string EnrolmentId, string NurseStaffId, int Minutes, string Topic);

/// <summary>A programme's places in a region. Prints programme, region and capacity.</summary>
public sealed record ProgrammeSlot(string Programme, string Region, int Capacity);

public interface IEnrolmentStore
{
    Task<Enrolment?> FindAsync(string patientId, CancellationToken cancellationToken = default);

    Task SaveAsync(Enrolment enrolment, CancellationToken cancellationToken = default);

    Task<int> CountAsync(string programme, CancellationToken cancellationToken = default);
}

/// <summary>No enrolment for the patient; quotes the patient id.</summary>
public sealed class EnrolmentNotFoundException(string patientId) : Exception($"No enrolment for patient {patientId}");

/// <summary>The programme is full in a region; quotes both.</summary>
public sealed class ProgrammeFullException(string programme, string region) : Exception($"Programme {programme} is full in {region}");

/// <summary>The patient withdrew consent; quotes the email the withdrawal came from.</summary>
public sealed class ConsentWithdrawnException(string email) : Exception($"Consent withdrawn by {email}");
