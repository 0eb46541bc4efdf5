namespace Bank.Students;

// Student accounts. Records print their members.

/// <summary>A student account application. Prints application id, UCAS personal id, student number, university, course year, email and the Student Loans Company reference.</summary>
public sealed record StudentApplication(string ApplicationId, string UcasPersonalId, string StudentNumber, string University, int CourseYear, string Email, string SlcReference);

/// <summary>The university's enrolment confirmation. Prints application id, university, whether enrolled and the course end date.</summary>
public sealed record EnrolmentConfirmation(string ApplicationId, string University, bool Enrolled, DateOnly CourseEnds);

/// <summary>A maintenance loan payment. Prints payment id, SLC reference, account number, amount and term.</summary>
public sealed record MaintenanceLoanPayment(string PaymentId, string SlcReference, string AccountNumber, decimal Amount, string Term);

public interface IEnrolmentService
{
    Task<EnrolmentConfirmation> ConfirmAsync(string university, string studentNumber, CancellationToken cancellationToken = default);
}

/// <summary>The university did not find the student; quotes the student number and the university.</summary>
public sealed class EnrolmentNotFoundException(string studentNumber, string university) : Exception($"Student {studentNumber} not enrolled at {university}");

/// <summary>The application arrived outside the intake window; quotes the window.</summary>
public sealed class IntakeClosedException(DateOnly opens) : Exception($"Student accounts open again on {opens:yyyy-MM-dd}");
