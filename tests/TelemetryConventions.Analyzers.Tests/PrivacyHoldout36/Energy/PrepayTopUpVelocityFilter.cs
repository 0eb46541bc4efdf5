using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Energy;

public sealed record TopUpRequest(string TopUpId, string AccountNumber, string CardNumber, string CardExpiry, decimal Amount, string Channel);

public sealed class TopUpVelocityExceededException(string accountNumber, long count)
    : Exception($"Top-up velocity exceeded for account {accountNumber}: {count} attempts in 1h");

/// <summary>
/// Card-testing and stolen-card filter in front of the prepayment top-up gateway: counts top-ups per
/// account, distinct cards per account and accounts per card.
/// </summary>
public sealed class PrepayTopUpVelocityFilter(
    IVelocityStore velocity,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<PrepayTopUpVelocityFilter> logger,
    Meter meter)
{
    // Kept from the first version of the filter so that old counters stay readable.
    private static readonly byte[] LegacyCardKey = Encoding.UTF8.GetBytes("prepay-velocity-v1");

    private readonly Counter<long> _declines = meter.CreateCounter<long>("prepay.topup.velocity.declines");

    public async Task<bool> AllowAsync(TopUpRequest request, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.SetTag("prepay.topup.id", request.TopUpId); // clean direct
        activity?.SetTag("prepay.topup.channel", request.Channel);

        var cardKey = Convert.ToHexString(HMACSHA256.HashData(LegacyCardKey, Encoding.UTF8.GetBytes(request.CardNumber)))[..16];
        var accountsOnCard = await velocity.AddDistinctAsync($"accts-per-card:{cardKey}", request.AccountNumber, TimeSpan.FromDays(1), ct);
        activity?.SetTag("prepay.velocity.card_key", cardKey); // leak TC1002 hashes
        activity?.SetTag("prepay.velocity.accounts_on_card", accountsOnCard); // clean precision-names

        var cardsOnAccount = await velocity.AddDistinctAsync($"cards-per-acct:{request.AccountNumber}", cardKey, TimeSpan.FromDays(1), ct);
        var attempts = await velocity.IncrementAsync($"topups:{request.AccountNumber}:1h", TimeSpan.FromHours(1), ct);

        var accountShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.AccountNumber))[0] % 32;
        activity?.SetTag("prepay.account.shard", accountShard); // clean hashes
        activity?.SetTag("prepay.account.ref", Convert.ToBase64String(Encoding.UTF8.GetBytes(request.AccountNumber))); // leak TC1001 hashes
        activity?.SetTag("prepay.card.last4", request.CardNumber[^4..]); // clean precision-about

        try
        {
            EnsureWithinHourlyLimit(request, attempts);
        }
        catch (TopUpVelocityExceededException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Top-up {TopUpId} declined: {ErrorType}", request.TopUpId, ex.GetType().Name); // clean exceptions
            _declines.Add(1, new KeyValuePair<string, object?>("rule", "attempts-1h"));
            return false;
        }

        if (cardsOnAccount > 3 || accountsOnCard > 2)
        {
            _declines.Add(1, new KeyValuePair<string, object?>("rule", "card-testing"), new KeyValuePair<string, object?>("account", pseudonymizer.ComputeRiskSubjectId(request.AccountNumber))); // leak TC1003 precision-pseudonym
            logger.LogWarning("Card testing suspected on account {AccountRef}: {Cards} cards, card on {Accounts} accounts", pseudonymizer.ComputeRiskSubjectId(request.AccountNumber), cardsOnAccount, accountsOnCard); // clean precision-pseudonym
            logger.LogDebug("Card testing detail {Card} exp {Expiry}", request.CardNumber, request.CardExpiry); // leak TC1001 direct
            return false;
        }

        return true;
    }

    private static void EnsureWithinHourlyLimit(TopUpRequest request, long attempts)
    {
        if (attempts > 5)
        {
            throw new TopUpVelocityExceededException(request.AccountNumber, attempts);
        }
    }
}
