namespace CultureHub.Patrons;

// The shapes of a library management system's patron API as the services use it. Records print their members.

/// <summary>A library patron. Prints card number, id, names, email, mobile, date of birth, postcode, home branch, category and status.</summary>
public sealed record Patron(
    string CardNumber,
    Guid PatronId,
    string FirstName,
    string LastName,
    string Email,
    string? Mobile,
    DateOnly DateOfBirth,
    string Postcode,
    string HomeBranch,
    string Category,
    string Status);

/// <summary>A patron category. Prints code, name, loan limit, loan days and whether fines apply.</summary>
public sealed record PatronCategory(string Code, string Name, int MaxLoans, int LoanDays, bool FinesApply);

/// <summary>A card application as the join form sends it. Prints names, email, mobile, date of birth, postcode, branch and category.</summary>
public sealed record CardRegistration(
    string FirstName,
    string LastName,
    string Email,
    string? Mobile,
    DateOnly DateOfBirth,
    string Postcode,
    string HomeBranch,
    string Category);

/// <summary>A card the system issued. Prints the new card number, branch, time and whether the PIN must be changed.</summary>
public sealed record CardIssued(string CardNumber, string Branch, DateTimeOffset IssuedAt, bool PinChangeRequired);

public interface IPatronDirectory
{
    Task<Patron?> FindByCardAsync(string cardNumber, CancellationToken cancellationToken = default);

    Task<Patron?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<CardIssued> RegisterAsync(CardRegistration registration, CancellationToken cancellationToken = default);

    Task<PatronCategory> CategoryAsync(string code, CancellationToken cancellationToken = default);

    Task BlockAsync(string cardNumber, string reasonCode, CancellationToken cancellationToken = default);
}

/// <summary>Sends emails and texts to patrons and parents; not telemetry.</summary>
public interface IPatronNotifier
{
    Task SendAsync(string templateId, string recipient, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default);
}

/// <summary>No patron holds that card; quotes the card number.</summary>
public sealed class CardNotFoundException(string cardNumber) : Exception($"No patron holds card {cardNumber}");

/// <summary>The card is blocked; quotes the card number and the reason code.</summary>
public sealed class CardBlockedException(string cardNumber, string reasonCode) : Exception($"Card {cardNumber} is blocked ({reasonCode})")
{
    public string ReasonCode { get; } = reasonCode;
}

/// <summary>A patron is already registered with the email; quotes the email.</summary>
public sealed class DuplicatePatronException(string email) : Exception($"A patron is already registered with {email}")
{
    public string Field { get; } = "email";
}

/// <summary>The card has expired; quotes the expiry date.</summary>
public sealed class CardExpiredException(DateOnly expiredOn) : Exception($"Card expired on {expiredOn:yyyy-MM-dd}")
{
    public DateOnly ExpiredOn { get; } = expiredOn;
}
