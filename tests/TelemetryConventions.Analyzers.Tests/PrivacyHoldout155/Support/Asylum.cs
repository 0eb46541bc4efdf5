namespace Border.Asylum;

// Asylum support: cases, ASPEN payment cards and reporting.

/// <summary>A supported person's case. Prints Home Office reference, ASPEN card number, full name, date of birth, nationality, address, postcode, dependants and support type.</summary>
public sealed record AsylumSupportCase(string HoReference, string AspenCardNumber, string FullName, DateOnly DateOfBirth, string Nationality, string Address, string Postcode, int Dependants, string SupportType);

/// <summary>A payment made with an ASPEN card. Prints transaction id, card number, merchant id, amount, currency and time.</summary>
public sealed record AspenTransaction(string TransactionId, string CardNumber, string MerchantId, decimal Amount, string Currency, DateTimeOffset At);

/// <summary>A weekly allowance load. Prints the payment run, the card number and the amount.</summary>
public sealed record AllowanceLoad(string RunId, string CardNumber, decimal Amount);

/// <summary>A reporting event. Prints Home Office reference, reporting centre, when it was due and whether the person attended.</summary>
public sealed record ReportingEvent(string HoReference, string ReportingCentre, DateTimeOffset Due, bool Attended);

public interface IAspenPlatform
{
    Task<AspenTransaction> AuthoriseAsync(string cardNumber, string merchantId, decimal amount, CancellationToken cancellationToken = default);

    Task LoadAsync(AllowanceLoad load, CancellationToken cancellationToken = default);
}

public interface ISupportCaseStore
{
    Task<AsylumSupportCase?> FindAsync(string hoReference, CancellationToken cancellationToken = default);
}

/// <summary>The card is blocked; quotes the card number.</summary>
public sealed class CardBlockedException(string cardNumber) : Exception($"ASPEN card {cardNumber} is blocked");

/// <summary>No support case with that reference; quotes the reference.</summary>
public sealed class SupportCaseNotFoundException(string hoReference) : Exception($"No support case {hoReference}");

/// <summary>A payment run failed; quotes the run and the count.</summary>
public sealed class PaymentRunFailedException(string runId, int failed) : Exception($"Payment run {runId} failed for {failed} cards")
{
    public string RunId { get; } = runId;
}

/// <summary>The merchant category is not allowed on the card; quotes the category code.</summary>
public sealed class MerchantCategoryBlockedException(string mcc) : Exception($"Merchant category {mcc} is not allowed on ASPEN cards");
