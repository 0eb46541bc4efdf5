namespace Bank.Customers;

// The bank's customer platform as the services use it. Records print their members.

/// <summary>A customer. Prints customer number, customer id, names, email, mobile, date of birth, postcode and segment.</summary>
public sealed record BankCustomer(
    string CustomerNumber,
    Guid CustomerId,
    string FirstName,
    string LastName,
    string Email,
    string MobileNumber,
    DateOnly DateOfBirth,
    string Postcode,
    string Segment);

/// <summary>A KYC refresh case. Prints case id, customer number, document type, the document's number, due date and state.</summary>
public sealed record KycRefresh(string CaseId, string CustomerNumber, string DocumentType, string DocumentNumber, DateOnly DueOn, string State);

/// <summary>The identity provider's verdict. Prints check id, verdict, liveness score and the reason codes.</summary>
public sealed record IdentityCheckResult(string CheckId, string Verdict, double LivenessScore, IReadOnlyList<string> ReasonCodes);

/// <summary>A vulnerability flag. Prints customer number, category, the colleague's note, the colleague's staff id and review date.</summary>
public sealed record VulnerabilityFlag(string CustomerNumber, string Category, string Note, string RecordedBy, DateOnly ReviewOn);

public interface ICustomerDirectory
{
    Task<BankCustomer?> FindAsync(string customerNumber, CancellationToken cancellationToken = default);

    Task<BankCustomer?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VulnerabilityFlag>> FlagsAsync(string customerNumber, CancellationToken cancellationToken = default);
}

/// <summary>Sends push notifications, texts and emails to customers; not telemetry.</summary>
public interface ICustomerNotifier
{
    Task NotifyAsync(string customerNumber, string templateId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>The identity verification provider (document and selfie checks); not telemetry.</summary>
public interface IIdentityProvider
{
    Task<IdentityCheckResult> CheckAsync(string customerNumber, string documentNumber, CancellationToken cancellationToken = default);
}

/// <summary>No customer with that number; quotes it.</summary>
public sealed class CustomerNotFoundException(string customerNumber) : Exception($"No customer {customerNumber}");

/// <summary>A KYC refresh is overdue; quotes the customer number and the days overdue.</summary>
public sealed class KycOverdueException(string customerNumber, int daysOverdue) : Exception($"KYC refresh for customer {customerNumber} is {daysOverdue} days overdue")
{
    public int DaysOverdue { get; } = daysOverdue;
}

/// <summary>The identity provider is unavailable; quotes its region and the HTTP status.</summary>
public sealed class IdentityProviderUnavailableException(string region, int status) : Exception($"Identity provider in {region} answered {status}");
