namespace Stays.Payments;

// The payment gateway for deposits and folios.

/// <summary>A card authorisation. Prints confirmation number, card number, cardholder name and amount.</summary>
public sealed record CardAuthorisation(string ConfirmationNumber, string CardNumber, string CardholderName, decimal Amount);

/// <summary>The gateway's answer. Prints auth code, approval and decline code.</summary>
public sealed record AuthorisationResult(string AuthCode, bool Approved, string DeclineCode);

/// <summary>A folio at check-out. Prints folio number, room, total and balance.</summary>
public sealed record Folio(string FolioNumber, string RoomNumber, decimal Total, decimal Balance);

public interface IPaymentGateway
{
    Task<AuthorisationResult> AuthoriseAsync(CardAuthorisation authorisation, CancellationToken cancellationToken = default);

    Task<string> RefundAsync(string authCode, decimal amount, CancellationToken cancellationToken = default);
}

/// <summary>The card was declined; quotes the last four digits and the decline code.</summary>
public sealed class CardDeclinedException(string lastFour, string declineCode) : Exception($"Card ending {lastFour} declined ({declineCode})");

/// <summary>The cardholder does not match the guest; quotes the cardholder's name.</summary>
public sealed class CardholderMismatchException(string cardholderName) : Exception($"Cardholder {cardholderName} does not match the booking");
