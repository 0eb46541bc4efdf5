namespace Trialwise.Payments;

// The shapes of a payout provider that pays participants for visits, travel and time.

/// <summary>A payment to a participant. Prints the payment id, the study number, the amount, the sort code, the account number and the reference.</summary>
public sealed record ParticipantPayment(string PaymentId, string StudyNumber, decimal Amount, string SortCode, string AccountNumber, string Reference);

/// <summary>The provider's result. Prints the payment id, the status and the amount.</summary>
public sealed record PayoutResult(string PaymentId, string Status, decimal Amount);

/// <summary>A gift card sent to a participant. Prints the single-use card code, the amount and the recipient's email.</summary>
public sealed record GiftCardIssue(string CardCode, decimal Amount, string RecipientEmail);

public interface IPayoutClient
{
    Task<PayoutResult> PayAsync(ParticipantPayment payment, CancellationToken cancellationToken = default);

    Task<PayoutResult> SendGiftCardAsync(GiftCardIssue issue, CancellationToken cancellationToken = default);
}

/// <summary>The bank rejected the payee's details; the message quotes the sort code and account number.</summary>
public sealed class BankDetailsRejectedException(string sortCode, string accountNumber)
    : Exception($"Payee {sortCode} {accountNumber} rejected by the bank")
{
    public string Reason { get; } = "account-not-found";
}

/// <summary>The study's payment cap is reached; the message quotes the study and the cap.</summary>
public sealed class PaymentCapException(string studyCode, decimal cap) : Exception($"Study {studyCode} has reached its payment cap of {cap:C}");
