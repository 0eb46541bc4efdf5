namespace Lending.Applications;

// Borrowers, guarantors and their applications.

/// <summary>A borrower. Prints customer number, full name, email, mobile, date of birth, postcode and NI number.</summary>
public sealed record Borrower(string CustomerNumber, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Postcode, string NationalInsuranceNumber);

/// <summary>A guarantor of a borrower. Prints guarantor number, full name, email, mobile, date of birth and relationship.</summary>
public sealed record Guarantor(string GuarantorNumber, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Relationship);

/// <summary>A loan application. Prints application id, customer number, product, amount, term and purpose.</summary>
public sealed record LoanApplication(string ApplicationId, string CustomerNumber, string Product, decimal Amount, int TermMonths, string Purpose);

/// <summary>A mortgage application. Prints application id, customer number, property postcode, value, loan and LTV.</summary>
public sealed record MortgageApplication(string ApplicationId, string CustomerNumber, string PropertyPostcode, decimal PropertyValue, decimal LoanAmount, decimal LoanToValue);

/// <summary>The lender's decision: application id, outcome, reason code and APR; names no one.</summary>
public sealed record ApplicationDecision(string ApplicationId, string Outcome, string ReasonCode, decimal Apr);

public interface IApplicationStore
{
    Task<Borrower?> FindBorrowerAsync(string customerNumber, CancellationToken cancellationToken = default);

    Task<Guarantor?> FindGuarantorAsync(string guarantorNumber, CancellationToken cancellationToken = default);

    Task SaveAsync(LoanApplication application, ApplicationDecision decision, CancellationToken cancellationToken = default);
}

/// <summary>Sends letters, emails and texts to borrowers; not telemetry.</summary>
public interface IBorrowerMessenger
{
    Task SendAsync(string emailOrMobile, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>No borrower with that number; quotes the customer number.</summary>
public sealed class BorrowerNotFoundException(string customerNumber) : Exception($"No borrower with customer number {customerNumber}");

/// <summary>The application was already decided; quotes the application id only.</summary>
public sealed class ApplicationClosedException(string applicationId) : Exception($"Application {applicationId} is already decided");
