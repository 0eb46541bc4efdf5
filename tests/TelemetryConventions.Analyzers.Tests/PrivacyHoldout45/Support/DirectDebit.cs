using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout45.Support.DirectDebit;

// A direct-debit bureau's client (mandates and collections over Bacs), reduced to what the services call.

public sealed record BankDetails(string AccountHolderName, string SortCode, string AccountNumber);

public sealed record MandateRequest(BankDetails Bank, string Reference, string PayerEmail);

/// <summary>A mandate. <see cref="Id"/> is the bureau's id; <see cref="Reference"/> is the reference the service chose.</summary>
public sealed record Mandate(string Id, string Reference, string Status, DateOnly? NextPossibleChargeDate);

public sealed record Collection(string PaymentId, string MandateId, decimal Amount, DateOnly ChargeDate, string Status);

/// <summary>An unpaid direct debit reported back by Bacs (ARUDD), with its reason code ("0", "1", "B").</summary>
public sealed record CollectionReturn(string PaymentId, string MandateId, string ReasonCode, string ReasonText);

public interface IDirectDebitClient
{
    Task<Mandate> CreateMandateAsync(MandateRequest request, CancellationToken cancellationToken = default);

    Task<Collection> CollectAsync(string mandateId, decimal amount, DateOnly chargeDate, CancellationToken cancellationToken = default);

    Task CancelMandateAsync(string mandateId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Raised when the bank details fail the sort code and modulus checks. The message names the field and
/// the rule ("account_number: failed modulus check for this sort code"), never the value.
/// </summary>
public sealed class BankDetailsRejectedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
