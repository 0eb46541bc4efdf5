using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Retail;

public sealed record ShippedOrder(string OrderId, string CustomerNumber, string LoyaltyCardNumber, string Tier, decimal Total, DateTimeOffset ShippedAt);

public sealed record PointsAward(string LoyaltyCardNumber, string OrderId, int Points)
{
    public override string ToString() => $"{Points} points for order {OrderId}";
}

public interface IShipmentFeed
{
    IAsyncEnumerable<ShippedOrder> ReadAsync(long fromSequence, CancellationToken cancellationToken);
}

public interface ILoyaltyLedger
{
    Task CreditAsync(IReadOnlyList<PointsAward> awards, CancellationToken cancellationToken);
}

/// <summary>Thrown by the ledger when a card is blocked; the message names the card.</summary>
public sealed class CardBlockedException(string loyaltyCardNumber) : Exception($"Loyalty card {loyaltyCardNumber} is blocked");

/// <summary>
/// Credits loyalty points for shipped orders. The shipment feed can deliver an order twice, so the
/// stream is de-duplicated by order id; awards are credited in batches of 100, and a periodic report
/// logs the running totals.
/// </summary>
public sealed class LoyaltyAccrual(IShipmentFeed feed, ILoyaltyLedger ledger, Pseudonymizer pseudonymizer, Meter meter, ILogger<LoyaltyAccrual> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Fulfil.Loyalty");

    private readonly Counter<long> _points = meter.CreateCounter<long>("fulfil.loyalty.points");
    private long _awarded;
    private long _orders;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var report = ReportAsync(stoppingToken);

        var awards = feed.ReadAsync(fromSequence: 0, stoppingToken)
            .DistinctByAsync(o => o.OrderId, duplicate => logger.LogDebug("Duplicate shipment of {OrderId} ignored", duplicate.OrderId)) // clean direct
            .Select(o => new PointsAward(o.LoyaltyCardNumber, o.OrderId, PointsFor(o)));

        await foreach (var batch in awards.Chunk(100).WithCancellation(stoppingToken))
        {
            using var activity = Source.StartActivity("fulfil.loyalty.credit");
            activity?.SetTag("fulfil.loyalty.batch", batch.Length); // clean precision-about
            try
            {
                await ledger.CreditAsync(batch, stoppingToken);
            }
            catch (CardBlockedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Batch refused; crediting one by one"); // clean direct
                foreach (var award in batch)
                {
                    try
                    {
                        await ledger.CreditAsync([award], stoppingToken);
                    }
                    catch (CardBlockedException)
                    {
                        logger.LogWarning("Award {Award} skipped: card blocked", award); // clean logging-objects
                        logger.LogWarning("Award skipped: card {Card} blocked", award.LoyaltyCardNumber); // leak TC1001 direct
                    }
                }
            }

            foreach (var award in batch)
            {
                _points.Add(award.Points, new KeyValuePair<string, object?>("fulfil.loyalty.card", pseudonymizer.ComputeFulfilLoyaltyCard(award.LoyaltyCardNumber))); // leak TC1003 precision-pseudonym
            }
            Interlocked.Add(ref _awarded, batch.Sum(a => a.Points));
            Interlocked.Add(ref _orders, batch.Length);
            logger.LogDebug("Credited {Awards}", batch.AsEnumerable()); // clean logging-objects
            logger.LogDebug("Credited cards {Cards}", batch.Select(a => a.LoyaltyCardNumber)); // leak TC1001 cross-member
        }

        await report;
    }

    private async Task ReportAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(15));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                logger.LogInformation("Loyalty accrual: {Points} points over {Orders} orders", Interlocked.Read(ref _awarded), Interlocked.Read(ref _orders));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static int PointsFor(ShippedOrder order) => order.Tier switch
    {
        "gold" => (int)(order.Total * 3),
        "silver" => (int)(order.Total * 2),
        _ => (int)order.Total,
    };
}

public static class ShipmentStreams
{
    /// <summary>Passes each key's first item and reports the later ones to <paramref name="onDuplicate"/>.</summary>
    public static async IAsyncEnumerable<T> DistinctByAsync<T, TKey>(this IAsyncEnumerable<T> source, Func<T, TKey> key, Action<T> onDuplicate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<TKey>();
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            if (seen.Add(key(item)))
            {
                yield return item;
            }
            else
            {
                onDuplicate(item);
            }
        }
    }
}
