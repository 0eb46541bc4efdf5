using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout7.Support;
using TelemetryConventions;

namespace PrivacyHoldout7.Retail;

public sealed record PointsEarned(string LoyaltyNumber, string ShopperEmail, string StoreId, int Points);

public sealed class LoyaltyAccountNotFoundException(string loyaltyNumber)
    : Exception("No loyalty account " + loyaltyNumber)
{
    public string LoyaltyNumber { get; } = loyaltyNumber;
}

/// <summary>Credits loyalty points from the tills' queue.</summary>
public sealed class PointsEarnedProcessor(Pseudonymizer pseudonymizer, ILogger<PointsEarnedProcessor> logger)
{
    private static readonly ActivitySource Source = new("Basket.Loyalty");
    private static readonly ConcurrentDictionary<string, int> Balances = new();

    public async Task ProcessMessageAsync(ProcessMessageEventArgs args)
    {
        var earned = args.Message.Body.ToObjectFromJson<PointsEarned>();
        var email = args.Message.ApplicationProperties.TryGetValue("shopperEmail", out var value) ? value as string : null;
        using var activity = Source.StartActivity("points-earned process", ActivityKind.Consumer);
        activity?.SetTag("basket.store.id", earned.StoreId); // clean precision-names
        activity?.SetTag("basket.points", earned.Points); // clean precision-about
        activity?.SetTag("basket.shopper.email", email); // leak TC1001 direct
        Baggage.SetBaggage("loyalty.number", earned.LoyaltyNumber); // leak TC1001 direct
        activity?.SetTag("messaging.message.subject", args.Message.Subject); // clean precision-names

        try
        {
            var balance = Balances.AddOrUpdate(earned.LoyaltyNumber, earned.Points, (_, current) => current + earned.Points);
            activity?.SetTag("basket.balance.band", balance switch { < 100 => "bronze", < 1000 => "silver", _ => "gold" }); // clean precision-about
            if (balance < 0)
            {
                throw new LoyaltyAccountNotFoundException(earned.LoyaltyNumber);
            }
        }
        catch (LoyaltyAccountNotFoundException ex)
        {
            logger.LogError(ex, "Points not credited"); // leak TC1001 exceptions
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("basket.loyalty.account", ex.LoyaltyNumber); // leak TC1001 cross-member
            activity?.SetTag("error.type", nameof(LoyaltyAccountNotFoundException)); // clean exceptions
            await args.DeadLetterMessageAsync(args.Message, "no-account", ex.Message);
            return;
        }

        var member = pseudonymizer.Pseudonymize("loyalty-member", earned.LoyaltyNumber);
        logger.LogInformation("Credited {Points} points to member {Member}", earned.Points, member); // clean precision-pseudonym
        logger.LogInformation("Credited {Points} points, receipt to {Email}", earned.Points, earned.ShopperEmail); // leak TC1001 direct
        await args.CompleteMessageAsync(args.Message);
    }
}
