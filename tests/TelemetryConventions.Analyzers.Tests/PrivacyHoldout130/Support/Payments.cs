namespace Homestead.Payments;

// Rent collection: open banking payments, standing orders and arrears.

/// <summary>A rent payment received. Prints its members, the payer's account name among them.</summary>
public sealed record RentPayment(string PaymentId, string TenancyRef, decimal Amount, DateOnly PaidOn, string PayerAccountName, string PayerSortCode);

/// <summary>A tenancy behind on rent. Prints its members: tenancy, balance, days and stage.</summary>
public sealed record ArrearsCase(string TenancyRef, decimal Balance, int DaysInArrears, string Stage);

public interface IRentLedger
{
    Task<IReadOnlyList<RentPayment>> GetPaymentsAsync(DateOnly day, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ArrearsCase>> GetArrearsAsync(CancellationToken cancellationToken = default);

    Task AllocateAsync(RentPayment payment, CancellationToken cancellationToken = default);
}

/// <summary>A payment could not be matched to a tenancy; its message quotes the payer's account name and the reference typed.</summary>
public sealed class UnmatchedPaymentException(string payerAccountName, string reference)
    : Exception($"Payment from {payerAccountName} with reference '{reference}' matched no tenancy")
{
    public string Reference { get; } = reference;
}
