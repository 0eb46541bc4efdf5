using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support.OpenBanking;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Transport;

// Pay-as-you-go travel wallets: the stored value behind a rider's travel card. Riders link a bank
// account once (open banking); when the balance falls below their threshold the wallet tops itself up
// with a bank payment the rider approved in advance.

public sealed record TravelWallet(Guid RiderId, string CardNumber, decimal Balance, decimal Threshold, decimal TopUpAmount, string? LinkedAccountId, string? ProviderId, string? RefreshToken);

public interface ITravelWallets
{
    Task<TravelWallet?> FindAsync(Guid riderId, CancellationToken cancellationToken);

    Task LinkAsync(Guid riderId, LinkedAccount account, string refreshToken, CancellationToken cancellationToken);

    Task CreditAsync(Guid riderId, decimal amount, string paymentId, CancellationToken cancellationToken);
}

public sealed class TravelWalletService(
    ITravelWallets wallets,
    IOpenBankingClient openBanking,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TravelWalletService> logger)
{
    private static readonly ActivitySource Source = new("Fares.Wallet");
    private readonly ConcurrentDictionary<string, decimal> _lowBalances = new();

    public void RegisterGauges()
    {
        meter.CreateObservableGauge("wallet.low_balance", () => _lowBalances.Select(entry => new Measurement<double>((double)entry.Value, new KeyValuePair<string, object?>("wallet.card", entry.Key)))); // leak TC1003 cross-member
        meter.CreateObservableGauge("wallet.low_balance.count", () => new Measurement<int>(_lowBalances.Count, new KeyValuePair<string, object?>("wallet.scheme", "payg"))); // clean precision-about
    }

    public async Task LinkAsync(Guid riderId, string consentId, string authorisationCode, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("wallet.bank.link");
        activity?.SetTag("openbanking.consent.id", consentId); // clean precision-about
        Baggage.SetBaggage("rider.id", riderId.ToString()); // leak TC1001 direct
        Baggage.SetBaggage("rider.ref", pseudonymizer.ComputeAccountHolderId(riderId.ToString())); // clean precision-pseudonym

        TokenSet tokens;
        try
        {
            tokens = await openBanking.ExchangeCodeAsync(consentId, authorisationCode, cancellationToken);
        }
        catch (OpenBankingException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return;
        }

        var account = (await openBanking.GetAccountsAsync(tokens.AccessToken, cancellationToken)).First();
        activity?.SetTag("openbanking.account.id", account.AccountId); // clean precision-about
        activity?.SetTag("openbanking.account.holder", account.HolderName); // leak TC1001 direct
        logger.LogInformation("Linked {AccountType} account at {ProviderId}, refresh token {RefreshToken}", account.AccountType, account.ProviderId, tokens.RefreshToken); // leak TC1001 direct
        await wallets.LinkAsync(riderId, account, tokens.RefreshToken, cancellationToken);
    }

    public async Task TopUpIfLowAsync(Guid riderId, CancellationToken cancellationToken)
    {
        var wallet = await wallets.FindAsync(riderId, cancellationToken);
        if (wallet is null || wallet.Balance >= wallet.Threshold)
        {
            return;
        }

        using var activity = Source.StartActivity("wallet.auto_top_up");
        activity?.SetTag("wallet.card.last4", wallet.CardNumber[^4..]); // clean precision-about
        activity?.SetTag("wallet.threshold", (double)wallet.Threshold); // clean precision-about
        _lowBalances[wallet.CardNumber] = wallet.Balance;

        if (wallet.ProviderId is null)
        {
            logger.LogWarning("Wallet of card {CardNumber} is below its threshold with no linked account", wallet.CardNumber); // leak TC1001 direct
            return;
        }

        // The reference appears on the rider's bank statement next to the payment.
        var reference = $"TRAVEL {wallet.CardNumber[^8..]}";
        var payment = await openBanking.InitiatePaymentAsync(wallet.ProviderId, wallet.TopUpAmount, reference, cancellationToken);
        activity?.SetTag("payment.id", payment.PaymentId); // clean precision-about
        activity?.SetTag("payment.reference", payment.Reference); // leak TC1001 strings
        await wallets.CreditAsync(riderId, payment.Amount, payment.PaymentId, cancellationToken);
        meter.CreateAccountTopupAmountHistogram().Record((double)payment.Amount, accountKind: "travel-wallet", accountChannel: "auto-pay-by-bank"); // clean generated-api
        _lowBalances.TryRemove(wallet.CardNumber, out _);
    }
}
