namespace Scholaris.Payments;

// The shapes of a card payment gateway as the school payments service uses it.

/// <summary>A payment taken. Prints its id, amount, the card's last four digits and the status.</summary>
public sealed record PaymentReceipt(string PaymentId, decimal Amount, string CardLast4, string Status);

public interface IPaymentGateway
{
    Task<PaymentReceipt> ChargeAsync(string payerAccount, string cardToken, decimal amount, string reference, CancellationToken cancellationToken = default);
}

/// <summary>The card was declined; the message quotes the card's last four digits and the issuer's reason.</summary>
public sealed class CardDeclinedException(string cardLast4, string reason) : Exception($"Card ending {cardLast4} declined: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>The payer's account is not linked to the pupil; the message quotes the parent's email and the pupil's UPN.</summary>
public sealed class PayerNotLinkedException(string parentEmail, string upn)
    : Exception($"Account {parentEmail} is not linked to pupil {upn}");
