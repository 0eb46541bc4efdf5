namespace Campus.Records;

// The student record system: students, their fees and the university's mail.

/// <summary>An enrolled student. Prints student number, full name, email, mobile, date of birth, home postcode and programme.</summary>
public sealed record Student(string StudentNumber, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string HomePostcode, string Programme);

/// <summary>A fees position. Prints student number, balance and whether a payment plan is in place.</summary>
public sealed record FeesPosition(string StudentNumber, decimal Balance, bool OnPaymentPlan);

/// <summary>A Confirmation of Acceptance for Studies. Prints CAS number, student number and nationality.</summary>
public sealed record CasRecord(string CasNumber, string StudentNumber, string Nationality);

public interface IStudentRecords
{
    Task<Student?> FindAsync(string studentNumber, CancellationToken cancellationToken = default);

    Task<FeesPosition> FeesAsync(string studentNumber, CancellationToken cancellationToken = default);

    Task<Student?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);
}

/// <summary>The university's outgoing mail and texts; not telemetry.</summary>
public interface ICampusMailer
{
    Task SendAsync(string to, string templateId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>No such student; quotes the student number.</summary>
public sealed class StudentNotFoundException(string studentNumber) : Exception($"Student {studentNumber} not found");

/// <summary>Fees are outstanding; quotes the student number and the balance.</summary>
public sealed class FeesOutstandingException(string studentNumber, decimal balance) : Exception($"Student {studentNumber} owes {balance:0.00}");

/// <summary>The record system is down; quotes nothing personal.</summary>
public sealed class RecordSystemUnavailableException(string region) : Exception($"Student records unavailable in {region}");
