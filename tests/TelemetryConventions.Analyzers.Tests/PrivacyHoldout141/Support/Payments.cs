namespace Ridewise.Payments;

// The card gateway the ride platform charges fares and tips through, and driver payouts.

/// <summary>A payout to a driver. Prints the payout, the driver's id, the sort code, the account number and the amount.</summary>
public sealed record DriverPayout(string PayoutId, string DriverId, string SortCode, string AccountNumber, decimal Amount);

/// <summary>A charge. Prints the charge id, the trip, the amount, the currency and the card's last four digits.</summary>
public sealed record FareCharge(string ChargeId, string TripId, decimal Amount, string Currency, string CardLastFour);

public interface ICardGateway
{
    Task<FareCharge> ChargeAsync(string cardToken, string tripId, decimal amount, CancellationToken cancellationToken = default);

    Task RefundAsync(string chargeId, decimal amount, CancellationToken cancellationToken = default);

    Task<string> PayOutAsync(DriverPayout payout, CancellationToken cancellationToken = default);
}

/// <summary>The card was declined; the message quotes the decline code and the card's last four digits.</summary>
public sealed class CardDeclinedException(string declineCode, string lastFour)
    : Exception($"Card ending {lastFour} declined: {declineCode}")
{
    public string DeclineCode { get; } = declineCode;
}

/// <summary>No card is on file; the message quotes the rider's email.</summary>
public sealed class NoPaymentMethodException(string riderEmail) : Exception($"No payment method on file for {riderEmail}");
