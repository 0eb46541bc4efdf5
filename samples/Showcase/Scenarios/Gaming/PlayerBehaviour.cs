using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Gaming;

/// <summary>
/// 3.2 Player behaviour tracking: play sessions with in-game purchases; one purchase is declined by
/// the payment provider.
/// </summary>
/// <remarks>
/// Session start and end are the upstream <c>session.start</c> and <c>session.end</c> events rather
/// than the seed's own names, and the session's length is the <c>game.session.duration</c>
/// histogram instead of a <c>session.duration_seconds</c> attribute.
/// </remarks>
public sealed class PlayerBehaviour : IScenario
{
    private static readonly (string Id, GameItemType Type, double Price)[] Shop =
    [
        ("sword_of_dawn", GameItemType.Weapon, 4.99),
        ("frost_cloak", GameItemType.Cosmetic, 2.99),
        ("healing_potion_x10", GameItemType.Consumable, 0.99),
        ("gems_500", GameItemType.CurrencyPack, 9.99),
        ("season_pass_s7", GameItemType.SeasonPass, 14.99),
    ];

    private const string Currency = "USD";
    private const string Region = "us-east-1";

    // The second player's card is declined: a deterministic failure path.
    private const int DeclinedSession = 1;

    /// <inheritdoc/>
    public string Id => "3.2";

    /// <inheritdoc/>
    public string Name => "player-behaviour-tracking";

    /// <inheritdoc/>
    public string Industry => "gaming";

    /// <inheritdoc/>
    public string Summary => "Play sessions with session.start/end events and purchases as child spans; one payment is declined.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        for (var session = 0; session < 2; session++)
        {
            SimulateSession(ctx, declined: session == DeclinedSession);
            ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(1, 10)));
        }
    }

    private static void SimulateSession(ScenarioContext ctx, bool declined)
    {
        var player = ctx.Pseudonymize(PlayerAttributes.Id, ctx.Random.NextInt64(100_000_000_000, 999_999_999_999));
        // A random session id from the seeded source, so that runs stay reproducible.
        var sessionId = $"{ctx.Random.NextInt64():x16}{ctx.Random.NextInt64():x16}";
        var started = ctx.Clock.Now;

        using var session = ctx.Source.StartPlayerSession(player, sessionId, startTime: ctx.Clock.Now).SetCloudRegion(Region);
        using var ends = ctx.Clock.EndsSpan(session.Activity);
        session.AddSessionStartEvent(sessionId, timestamp: ctx.Clock.Now);

        ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(5, 25)));
        var cart = Enumerable.Range(0, ctx.Random.Next(1, 4)).Select(_ => ctx.Pick(Shop)).ToList();
        Purchase(ctx, cart, declined);
        ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(10, 40)));

        session.AddSessionEndEvent(sessionId, ctx.Clock.Now);
        ctx.Meter.CreateGameSessionDurationHistogram().Record((ctx.Clock.Now - started).TotalSeconds, Region);
    }

    private static void Purchase(ScenarioContext ctx, List<(string Id, GameItemType Type, double Price)> cart, bool declined)
    {
        using var purchase = ctx.Source.StartPlayerPurchase(startTime: ctx.Clock.Now)
            .SetGamePurchaseCount(cart.Count)
            .SetGamePurchaseTotalAmount(Math.Round(cart.Sum(item => item.Price), 2))
            .SetGamePurchaseCurrency(Currency);
        using var ends = ctx.Clock.EndsSpan(purchase.Activity);
        ctx.Clock.AdvanceSeconds(ctx.Between(1.5, 6));
        try
        {
            Charge(declined);
        }
        catch (PaymentDeclinedException ex)
        {
            purchase.RecordException(ex, "payment declined by the provider");
            return;
        }
        foreach (var item in cart)
        {
            purchase.AddGameItemPurchasedEvent(item.Id, item.Type, item.Price, Currency, ctx.Clock.Now);
        }
    }

    private static void Charge(bool declined)
    {
        if (declined)
        {
            throw new PaymentDeclinedException("Issuer declined: insufficient funds.");
        }
    }
}

/// <summary>The payment provider declined a charge.</summary>
public sealed class PaymentDeclinedException(string message) : Exception(message);
