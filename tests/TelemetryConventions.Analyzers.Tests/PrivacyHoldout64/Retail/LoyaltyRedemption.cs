using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout64.Retail;

public sealed record LoyaltyAccount(string CardNumber, string CustomerNumber, int Points, string Tier);

public sealed record Redeemed(string CardNumber, int PointsUsed, decimal Value);

public sealed record Insufficient(int Points, int Needed);

public sealed record CardNotFound(string CardNumber);

public interface ILoyaltyAccounts
{
    Option<LoyaltyAccount> Find(string cardNumber);

    /// <summary>Takes points off a card. Throws <see cref="LoyaltyCardBlockedException"/> for a blocked card.</summary>
    int Debit(string cardNumber, int points, string orderId);
}

/// <summary>Raised by the ledger for a card the fraud team blocked; the message names the card.</summary>
public sealed class LoyaltyCardBlockedException(string cardNumber) : Exception($"Loyalty card {cardNumber} is blocked");

/// <summary>Points paid at checkout.</summary>
public sealed class LoyaltyRedemption(
    ILoyaltyAccounts accounts,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<LoyaltyRedemption> logger)
{
    public OneOf<Redeemed, Insufficient, CardNotFound> Redeem(string cardNumber, int points, string orderId)
    {
        var last4 = cardNumber is [.., var a, var b, var c, var d] ? $"{a}{b}{c}{d}" : string.Empty;
        Activity.Current.EnrichCheckoutPlace("web").SetCheckoutOrderId(orderId).SetCheckoutNote($"loyalty card ending {last4}"); // clean precision-about
        Activity.Current.EnrichCheckoutPlace("web").SetCheckoutLoyaltyId(pseudonymizer.PseudonymizeCheckoutLoyaltyId(cardNumber)); // clean precision-pseudonym
        logger.LogDebug("Looking the account up by {Field}", nameof(LoyaltyAccount.CardNumber)); // clean precision-names

        OneOf<Redeemed, Insufficient, CardNotFound> outcome = accounts.Find(cardNumber).Match<OneOf<Redeemed, Insufficient, CardNotFound>>(
            account => account.Points >= points ? new Redeemed(account.CardNumber, points, points / 100m) : new Insufficient(account.Points, points),
            () => new CardNotFound(cardNumber));

        outcome.Switch(
            redeemed => logger.LogInformation("Redeemed {Points} points ({Value}) on {OrderId}", redeemed.PointsUsed, redeemed.Value, orderId), // clean direct
            insufficient => logger.LogInformation("Not enough points: {Points} of {Needed}", insufficient.Points, insufficient.Needed), // clean precision-about
            missing => logger.LogWarning("Unknown loyalty card {Card}", missing.CardNumber)); // leak TC1001 direct
        logger.LogInformation("Redemption ended as {Outcome}", outcome); // leak TC1001 logging-objects

        var kind = outcome.Match(_ => "redeemed", _ => "insufficient", _ => "unknown_card");
        meter.CreateCheckoutOrdersCounter().Add(1, "web", CheckoutPaymentMethod.Points, kind); // clean generated-api

        if (outcome.Index == 0)
        {
            Result.Try(() => accounts.Debit(cardNumber, points, orderId))
                .Tap(balance => logger.LogInformation("Balance after {OrderId}: {Balance}", orderId, balance)) // clean precision-about
                .OnFailure(error => logger.LogError("Debit failed for {OrderId}: {Error}", orderId, error)); // leak TC1001 exceptions
        }

        var legacyKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(cardNumber));
        logger.LogDebug("Legacy points key {Key}", legacyKey); // leak TC1001 hashes
        var hotlistKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cardNumber)));
        Activity.Current?.SetTag("loyalty.hotlist_key", hotlistKey); // leak TC1002 hashes

        return outcome;
    }

    /// <summary>End-of-day totals by tier for the loyalty team.</summary>
    public void Totals(IReadOnlyList<(LoyaltyAccount Account, int Redeemed)> day)
    {
        var byTier = day.GroupBy(d => d.Account.Tier).Select(g => (Tier: g.Key, Points: g.Sum(d => d.Redeemed))).ToList();
        logger.LogInformation("Points redeemed by tier {ByTier}", byTier); // clean precision-about
        var biggest = day.MaxBy(d => d.Redeemed);
        logger.LogInformation("Biggest redemption {Points} by customer {Customer}", biggest.Redeemed, biggest.Account?.CustomerNumber); // leak TC1001 direct
        logger.LogInformation("Biggest redemption {Points} by a {Tier} member", biggest.Redeemed, biggest.Account?.Tier); // clean precision-names
    }
}
