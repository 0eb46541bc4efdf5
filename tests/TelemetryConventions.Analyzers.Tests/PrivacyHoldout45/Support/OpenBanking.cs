using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout45.Support.OpenBanking;

// An open-banking aggregator's client (account information and payment initiation), reduced to
// what the services call.

public sealed record ConsentRequest(string ProviderId, IReadOnlyList<string> Permissions, DateTimeOffset ExpiresAt, string RedirectUri);

/// <summary>An account-access consent. <see cref="ConsentId"/> names the consent; the URL sends the person to their bank.</summary>
public sealed record AccountAccessConsent(string ConsentId, string Status, string AuthorisationUrl);

/// <summary>The tokens the bank issues once the person has approved the consent.</summary>
public sealed record TokenSet(string AccessToken, string RefreshToken, int ExpiresIn, string Scope);

/// <summary>
/// An account the person linked. <see cref="AccountId"/> is the aggregator's reference of the account,
/// readable only with the client's credentials and the person's token.
/// </summary>
public sealed record LinkedAccount(
    string AccountId,
    string ProviderId,
    string AccountType,
    string Currency,
    string HolderName,
    string SortCode,
    string AccountNumber);

public sealed record BankTransaction(string TransactionId, decimal Amount, string Category, string Description, DateOnly BookingDate);

public sealed record PaymentOrder(string PaymentId, string Status, decimal Amount, string Reference);

public interface IOpenBankingClient
{
    Task<AccountAccessConsent> CreateConsentAsync(ConsentRequest request, CancellationToken cancellationToken = default);

    Task<TokenSet> ExchangeCodeAsync(string consentId, string authorisationCode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LinkedAccount>> GetAccountsAsync(string accessToken, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BankTransaction>> GetTransactionsAsync(string accessToken, string accountId, DateOnly from, CancellationToken cancellationToken = default);

    Task<PaymentOrder> InitiatePaymentAsync(string providerId, decimal amount, string reference, CancellationToken cancellationToken = default);
}

/// <summary>
/// The aggregator's error: an OAuth or open-banking error code with its fixed description
/// ("access_denied: The user denied the request", "consent_expired: The consent has expired").
/// </summary>
public sealed class OpenBankingException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}
