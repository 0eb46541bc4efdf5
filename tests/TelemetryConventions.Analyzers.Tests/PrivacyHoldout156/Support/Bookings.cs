namespace Salon.Bookings;

// Online booking, deposits, tattoo consent forms and retail loyalty for salons and studios.

/// <summary>A deposit taken at booking. Prints payment id, appointment id, amount, the card token and the card's last four digits.</summary>
public sealed record DepositPayment(string PaymentId, string AppointmentId, decimal Amount, string CardToken, string CardLastFour);

/// <summary>A refund decision. Prints payment id, amount, reason and whether it was approved.</summary>
public sealed record RefundDecision(string PaymentId, decimal Amount, string Reason, bool Approved);

/// <summary>A tattoo consent form. Prints consent id, client number, full name, date of birth, ID document number, design and placement.</summary>
public sealed record TattooConsent(string ConsentId, string ClientNumber, string FullName, DateOnly DateOfBirth, string IdDocumentNumber, string Design, string Placement);

/// <summary>The age check on a consent form. Prints consent id, whether over 18 and the document kind.</summary>
public sealed record AgeCheck(string ConsentId, bool Over18, string DocumentKind);

/// <summary>A loyalty card's stamps. Prints card number, stamps and salon.</summary>
public sealed record LoyaltyStamp(string CardNumber, int Stamps, string Salon);

/// <summary>A retail sale at the salon desk. Prints sale id, SKU, quantity, total and the loyalty card number if one was scanned.</summary>
public sealed record RetailSale(string SaleId, string Sku, int Quantity, decimal Total, string? LoyaltyCardNumber);

/// <summary>The payment provider; not telemetry.</summary>
public interface IPaymentProvider
{
    Task<DepositPayment> ChargeAsync(string appointmentId, decimal amount, string cardToken, CancellationToken cancellationToken = default);

    Task<RefundDecision> RefundAsync(string paymentId, string reason, CancellationToken cancellationToken = default);
}

/// <summary>The card was declined; quotes the last four digits and the provider's code.</summary>
public sealed class CardDeclinedException(string cardLastFour, string code) : Exception($"Card ending {cardLastFour} declined ({code})")
{
    public string Code { get; } = code;
}

/// <summary>A client under the minimum age; quotes the client number and date of birth.</summary>
public sealed class UnderageClientException(string clientNumber, DateOnly dateOfBirth) : Exception($"Client {clientNumber} born {dateOfBirth:yyyy-MM-dd} is under 18");

/// <summary>A loyalty card was blocked; quotes the card number.</summary>
public sealed class LoyaltyCardBlockedException(string cardNumber) : Exception($"Loyalty card {cardNumber} is blocked");

/// <summary>No such deposit; quotes the payment id.</summary>
public sealed class DepositNotFoundException(string paymentId) : Exception($"No deposit {paymentId}");
