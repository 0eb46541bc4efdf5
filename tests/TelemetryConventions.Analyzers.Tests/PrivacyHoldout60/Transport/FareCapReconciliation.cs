using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Transport;

public sealed record RiderAccount(Guid RiderId, string Email, IReadOnlyList<string> CardNumbers, bool AutoRefund);

public sealed record Refund(string CardNumber, Guid RiderId, decimal Amount);

public interface IRiderDirectory
{
    Task<IReadOnlyList<RiderAccount>> AccountsAsync(CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> HotlistAsync(CancellationToken cancellationToken);
}

public interface IRefundGateway
{
    Task<string> SubmitAsync(IReadOnlyList<Refund> refunds, CancellationToken cancellationToken);
}

/// <summary>Nightly check of every card's day of taps against the daily cap, with refunds of what was overcharged.</summary>
public sealed class FareCapReconciliation(
    ITapStore taps,
    IRiderDirectory riders,
    IRefundGateway refunds,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<FareCapReconciliation> logger)
{
    private readonly Counter<long> _capped = meter.CreateCounter<long>("rides.cap.reached", "{card}", "Cards that reached the daily cap.");

    private static readonly IReadOnlyDictionary<string, decimal> DailyCaps = new Dictionary<string, decimal> { ["1"] = 8.10m, ["1-2"] = 8.10m, ["1-3"] = 9.60m, ["1-4"] = 11.80m };

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("rides.cap.reconcile");
        var all = await taps.ForDayAsync(day, cancellationToken);
        var accounts = await riders.AccountsAsync(cancellationToken);
        var riderByCard = accounts.SelectMany(a => a.CardNumbers.Select(c => (Card: c, Account: a))).ToDictionary(x => x.Card, x => x.Account);

        List<(string Card, decimal Charged, int Taps, string Zones)> perCard;
        try
        {
            perCard = all.GroupBy(t => t.CardNumber)
                .Select(g => (Card: g.Key, Charged: g.Sum(t => t.Fare), Taps: g.Count(), Zones: ZoneSpan(g.Select(t => t.Zone))))
                .ToList();
        }
        catch (FormatException ex)
        {
            // A validator sent a zone the fare table does not know; the whole day waits for the fix.
            logger.LogError(ex, "Unreadable fare zone in the taps of {Day}", day); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return;
        }
        activity?.SetTag("rides.cap.cards", perCard.Count);

        var overcharged = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (card, charged, tapCount, zones) in perCard)
        {
            var cap = DailyCaps.GetValueOrDefault(zones, DailyCaps["1-4"]);
            if (charged <= cap)
            {
                continue;
            }

            overcharged[card] = charged - cap;
            var cardRef = pseudonymizer.PseudonymizeRidesCardId(card);
            using var check = source.StartRidesCapCheck(cardRef, spanName: $"rides.cap.check {card}"); // leak TC1001 generated-api
            check.SetRidesFareTotal((double)charged); // clean precision-about
            check.SetRidesTapsCount(tapCount); // clean precision-about
            if (riderByCard.TryGetValue(card, out var account))
            {
                check.SetRidesRiderId(pseudonymizer.PseudonymizeRidesRiderId(account.RiderId.ToString())); // clean precision-pseudonym
                check.Activity?.SetTag(RidesAttributes.RiderEmail, account.Email); // leak TC1001 generated-api
            }
            logger.LogRidesFareCappedEvent(cardRef, ridesFareTotal: (double)cap, ridesNote: $"{tapCount} taps in zones {zones}"); // clean generated-api
            logger.LogRidesFareCappedEvent(cardRef, ridesFareTotal: (double)cap, ridesNote: $"card {card} over by {charged - cap:F2}"); // leak TC1001 generated-api
            _capped.Add(1, new KeyValuePair<string, object?>("rides.zones", zones)); // clean direct
            _capped.Add(1, new KeyValuePair<string, object?>("rides.card", cardRef.Value)); // leak TC1003 precision-pseudonym
        }

        logger.LogInformation("Overcharged cards {Overcharged}", overcharged); // leak TC1001 logging-objects
        logger.LogInformation("{Cards} cards overcharged by {Total:F2} in all", overcharged.Count, overcharged.Values.Sum()); // clean precision-about
        activity?.SetTag("rides.cap.worst", overcharged.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).FirstOrDefault()); // leak TC1001 cross-member
        activity?.SetTag("rides.cap.worst_amount", (double)overcharged.Values.DefaultIfEmpty().Max());

        var toRefund = new List<Refund>();
        foreach (var (card, amount) in overcharged)
        {
            try
            {
                var account = riderByCard[card];
                if (account.AutoRefund)
                {
                    toRefund.Add(new Refund(card, account.RiderId, amount));
                }
                else
                {
                    logger.LogInformation("Card {Card} overcharged {Amount:F2}; its rider opted out of automatic refunds", card, amount); // leak TC1001 cross-member
                }
            }
            catch (KeyNotFoundException ex)
            {
                using var check = source.StartRidesCapCheck(pseudonymizer.PseudonymizeRidesCardId(card)); // clean precision-pseudonym
                check.RecordException(ex); // clean exceptions
                check.RecordException(ex, "unregistered card", includeMessage: true); // leak TC1001 exceptions
            }
        }

        foreach (var batch in toRefund.Chunk(50))
        {
            var batchId = await refunds.SubmitAsync(batch, cancellationToken);
            logger.LogInformation("Refund batch {Batch}: {Refunds} refunds, {Amount:F2}", batchId, batch.Length, batch.Sum(r => r.Amount)); // clean precision-about
            logger.LogDebug("Refund batch {Batch} {@Refunds}", batchId, batch); // leak TC1001 logging-objects
        }

        var notify = toRefund.Select(r => accounts.First(a => a.RiderId == r.RiderId).Email).Distinct().ToList();
        logger.LogInformation("Refund notices to {Recipients}", string.Join(", ", notify)); // leak TC1001 strings
        logger.LogInformation("Refund notices to {Riders} riders", notify.Count);

        var hotlist = await riders.HotlistAsync(cancellationToken);
        var hotlisted = all.Select(t => t.CardNumber).Distinct().Where(hotlist.Contains).ToList();
        activity?.SetTag("rides.hotlist.taps", hotlisted.Count);
        hotlisted.ForEach(c => logger.LogWarning("Hotlisted card tapped: {Token}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c))))); // leak TC1002 hashes
        hotlisted.ForEach(c => logger.LogWarning("Hotlisted card tapped: {Card}", pseudonymizer.ComputeRidesCardId(c))); // clean precision-pseudonym

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var partitions = overcharged.Keys.GroupBy(c => hmac.ComputeHash(Encoding.UTF8.GetBytes(c))[0] % 4).Select(g => new { Partition = g.Key, Cards = g.Count() });
        logger.LogDebug("Refund partitions {@Partitions}", partitions); // clean hashes

        var cardZoneCount = perCard.CountBy(c => c.Zones).ToDictionary();
        logger.LogInformation("Cards by zones travelled {CardZones}", cardZoneCount); // clean precision-names
    }

    private static string ZoneSpan(IEnumerable<string> zones)
    {
        var numbers = zones.SelectMany(z => z.Split('-')).Select(int.Parse).ToList();
        return numbers.Max() == 1 ? "1" : $"1-{Math.Min(4, numbers.Max())}";
    }
}
