using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Retail;

/// <summary>
/// 5.1 New-retail POS: checkout transactions at a store's tills, from first scan to receipt; one
/// card payment is declined.
/// </summary>
/// <remarks>
/// The transaction carries amounts (financial data the conventions allow) but never payment details:
/// there is no attribute for a card number to go into, only the payment method.
/// </remarks>
public sealed class PointOfSale : IScenario
{
    private const string StoreId = "store-0231";
    private const string Currency = "CNY";

    private static readonly PosPaymentMethod[] Methods = [PosPaymentMethod.MobileWallet, PosPaymentMethod.MobileWallet, PosPaymentMethod.Card, PosPaymentMethod.Cash];

    // The third transaction's card is declined: a deterministic failure path.
    private const int DeclinedTransaction = 2;

    /// <inheritdoc/>
    public string Id => "5.1";

    /// <inheritdoc/>
    public string Name => "new-retail-pos";

    /// <inheritdoc/>
    public string Industry => "retail";

    /// <inheritdoc/>
    public string Summary => "Till transactions with item count, amount and payment method, a completed event and a duration histogram; one card is declined.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        for (var i = 0; i < 4; i++)
        {
            var method = i == DeclinedTransaction ? PosPaymentMethod.Card : ctx.Pick(Methods);
            var sequence = (ctx.Iteration * 10) + i + 41;
            var transactionId = $"0231-{ctx.Clock.Now.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{sequence:D5}";
            Checkout(ctx, transactionId, method, declined: i == DeclinedTransaction);
            ctx.Clock.AdvanceSeconds(ctx.Between(20, 120));
        }
    }

    private static void Checkout(ScenarioContext ctx, string transactionId, PosPaymentMethod method, bool declined)
    {
        var itemCount = ctx.Random.Next(1, 28);
        var total = Math.Round(itemCount * ctx.Between(3.5, 25), 2);
        using var transaction = ctx.Source.StartPosTransaction(transactionId, itemCount, startTime: ctx.Clock.Now)
            .SetPosTransactionTotalAmount(total)
            .SetPosTransactionCurrency(Currency)
            .SetPosPaymentMethod(method)
            .SetRetailStoreId(StoreId);
        using var ends = ctx.Clock.EndsSpan(transaction.Activity);
        var started = ctx.Clock.Now;

        // Scanning takes a couple of seconds an item; paying by wallet or card a few more.
        ctx.Clock.AdvanceSeconds((itemCount * ctx.Between(1.5, 3)) + ctx.Between(4, 12));
        try
        {
            Pay(method, declined);
        }
        catch (CardDeclinedException ex)
        {
            transaction.RecordException(ex, "card payment declined");
            ctx.Meter.CreatePosTransactionDurationHistogram().RecordFailure((ctx.Clock.Now - started).TotalSeconds, ex, StoreId, method);
            return;
        }
        transaction.AddPosTransactionCompletedEvent(ctx.Clock.Now);
        ctx.Meter.CreatePosTransactionDurationHistogram().Record((ctx.Clock.Now - started).TotalSeconds, StoreId, method);
    }

    private static void Pay(PosPaymentMethod method, bool declined)
    {
        if (declined && method == PosPaymentMethod.Card)
        {
            throw new CardDeclinedException("Acquirer response 51: insufficient funds.");
        }
    }
}

/// <summary>The acquirer declined a card payment.</summary>
public sealed class CardDeclinedException(string message) : Exception(message);
