using System;
using System.Diagnostics.Metrics;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Retail;

/// <summary>
/// 5.3 Customer experience: shoppers' journeys through an online store, from browsing to checkout or
/// abandonment.
/// </summary>
/// <remarks>
/// The seed hashed customer ids without a key. <c>customer.id</c> is typed <see cref="Pseudonym"/>,
/// and the <c>customer.journeys</c> counter is split by checkout outcome and store only: a customer
/// identifier on a metric would be a privacy leak and an unbounded number of series.
/// </remarks>
public sealed class CustomerExperience : IScenario
{
    private const string StoreId = "web";
    private const string Currency = "EUR";

    /// <inheritdoc/>
    public string Id => "5.3";

    /// <inheritdoc/>
    public string Name => "customer-experience";

    /// <inheritdoc/>
    public string Industry => "retail";

    /// <inheritdoc/>
    public string Summary => "Shopping journeys with products viewed, cart and order value under a pseudonymised customer id; a counter of journeys by checkout outcome.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        // Two of four journeys end in a purchase: one abandons its cart, one only browses.
        bool[] checksOut = [true, false, true, false];
        for (var i = 0; i < checksOut.Length; i++)
        {
            Journey(ctx, checksOut[i], browsesOnly: i == 3);
            ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(1, 15)));
        }
    }

    private static void Journey(ScenarioContext ctx, bool checksOut, bool browsesOnly)
    {
        var customer = ctx.Pseudonymize(CustomerAttributes.Id, $"CUST-{ctx.Random.Next(1_000_000, 9_999_999)}");
        using var journey = ctx.Source.StartCustomerJourney(customer, startTime: ctx.Clock.Now).SetRetailStoreId(StoreId);
        using var ends = ctx.Clock.EndsSpan(journey.Activity);

        var viewed = ctx.Random.Next(3, 30);
        var cartItems = browsesOnly ? 0 : ctx.Random.Next(1, 6);
        ctx.Clock.Advance(TimeSpan.FromSeconds(viewed * ctx.Between(15, 60)));
        journey.SetCustomerJourneyProductsViewed(viewed)
            .SetCustomerJourneyCartItems(cartItems)
            .SetCustomerJourneyCheckoutCompleted(checksOut);

        if (checksOut)
        {
            ctx.Clock.AdvanceSeconds(ctx.Between(60, 240));
            // Order value and currency are required once a checkout completed.
            journey.SetCustomerJourneyOrderValue(Math.Round(cartItems * ctx.Between(12, 80), 2))
                .SetCustomerJourneyCurrency(Currency)
                .AddCustomerJourneyPurchaseCompletedEvent(ctx.Clock.Now);
        }
        ctx.Meter.CreateCustomerJourneysCounter().Add(1, checksOut, StoreId);
    }
}
