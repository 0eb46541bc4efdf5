using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Transport;

public sealed record Journey(string JourneyId, string CardNumber, Tap TapIn, Tap? TapOut);

public sealed record PricedJourney(Journey Journey, decimal Fare, FareCap Cap);

public interface ITapHistory
{
    /// <summary>Yesterday's taps, ordered by card number and time.</summary>
    IAsyncEnumerable<Tap> ByCardAsync(DateOnly day, CancellationToken cancellationToken);
}

public interface IFareEngine
{
    Task<PricedJourney> PriceAsync(Journey journey, IReadOnlyList<PricedJourney> earlierToday, CancellationToken cancellationToken);
}

public interface IRiderAccounts
{
    Task<(Guid RiderId, string Email)?> FindByCardAsync(string cardNumber, CancellationToken cancellationToken);
}

/// <summary>Thrown by the fare engine when no fare covers a pair of stops; the message names the stops.</summary>
public sealed class NoFareException(string fromStop, string toStop) : Exception($"No fare from {fromStop} to {toStop}");

/// <summary>
/// The overnight pricing run: yesterday's taps stream out of the tap history ordered by card, are
/// paired into journeys card by card, and each card's day is priced (caps apply across the day) with
/// eight cards in parallel.
/// </summary>
public sealed class JourneyPricing(ITapHistory history, IFareEngine engine, IRiderAccounts riders, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<JourneyPricing> logger)
{
    private static readonly ActivitySource Source = new("Fare.Pricing");

    private readonly Histogram<double> _dayFare = meter.CreateHistogram<double>("fare.day.total", "GBP");

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var days = history.ByCardAsync(day, cancellationToken).GroupAdjacentAsync(t => t.CardNumber, cancellationToken);
        var cards = 0;

        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (cardDay, token) =>
        {
            Interlocked.Increment(ref cards);
            Activity.Current?.SetBaggage("fare.card", cardDay.Key); // leak TC1001 cross-member
            var priced = new List<PricedJourney>();
            foreach (var journey in PairTaps(cardDay.Key, cardDay.Items))
            {
                var card = pseudonymizer.PseudonymizeFareCardId(journey.CardNumber);
                using var span = Source.StartFareJourneyPrice(card, journey.JourneyId); // clean precision-pseudonym
                span.Activity?.SetTag("fare.leg", $"{journey.TapIn.StopCode}->{journey.TapOut?.StopCode ?? "?"}"); // clean strings
                if (journey.TapOut is null)
                {
                    logger.LogFareJourneyIncompleteEvent(journey.JourneyId, card, journey.TapIn.StopCode); // clean precision-pseudonym
                    logger.LogFareJourneyIncompleteEvent(journey.JourneyId, fareStopCode: journey.TapIn.StopCode, fareNote: $"no tap out for card ending {journey.CardNumber[^4..]}"); // clean generated-api
                }
                try
                {
                    var result = await engine.PriceAsync(journey, priced, token);
                    priced.Add(result);
                    span.SetFareCap(result.Cap); // clean generated-api
                }
                catch (NoFareException ex)
                {
                    span.RecordException(ex, includeMessage: true); // clean exceptions
                    logger.LogWarning(ex, "Journey {JourneyId} left unpriced", journey.JourneyId); // clean exceptions
                    logger.LogWarning("Journey left unpriced: {Journey}", journey); // leak TC1001 logging-objects
                }
            }

            if (priced.Any(p => p.Cap != FareCap.None))
            {
                var account = await riders.FindByCardAsync(cardDay.Key, token);
                if (account is { } rider)
                {
                    var riderRef = pseudonymizer.PseudonymizeFareRiderId(rider.RiderId.ToString());
                    using var capped = Source.StartFareJourneyPrice(pseudonymizer.PseudonymizeFareCardId(cardDay.Key), priced[^1].Journey.JourneyId) // clean precision-pseudonym
                        .SetFareRiderId(riderRef); // clean precision-pseudonym
                    capped.Activity?.SetTag(FareAttributes.RiderEmail, rider.Email); // leak TC1001 direct
                    logger.LogInformation("Cap reached for rider {RiderRef}", riderRef); // clean precision-pseudonym
                    logger.LogInformation("Cap reached for rider {RiderId}", rider.RiderId); // leak TC1001 cross-member
                }
            }

            var total = priced.Sum(p => p.Fare);
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(cardDay.Key))[0] % 4;
            _dayFare.Record((double)total, new KeyValuePair<string, object?>("fare.cap", priced.Count == 0 ? "none" : priced.Max(p => p.Cap).ToWireValue()), new KeyValuePair<string, object?>("fare.shard", shard)); // clean hashes
            logger.LogDebug("Card {CardHash} priced at {Total}", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(cardDay.Key)))[..6], total); // leak TC1002 hashes
        });

        meter.CreateFarePricingDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "all"); // clean generated-api
        logger.LogInformation("Priced {Cards} cards' journeys for {Day}", cards, day); // clean precision-about
    }

    private static IEnumerable<Journey> PairTaps(string cardNumber, IReadOnlyList<Tap> taps)
    {
        for (var i = 0; i < taps.Count; i++)
        {
            var tapIn = taps[i];
            var tapOut = i + 1 < taps.Count && taps[i + 1].Direction == 1 ? taps[++i] : null;
            yield return new Journey($"{tapIn.TapId:N}", cardNumber, tapIn, tapOut);
        }
    }
}

public sealed record Adjacent<TKey, T>(TKey Key, IReadOnlyList<T> Items);

public static class TapStreams
{
    /// <summary>Groups runs of items with the same key, for a source that is ordered by that key.</summary>
    public static async IAsyncEnumerable<Adjacent<TKey, T>> GroupAdjacentAsync<T, TKey>(this IAsyncEnumerable<T> source, Func<T, TKey> key, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var comparer = EqualityComparer<TKey>.Default;
        List<T>? run = null;
        TKey current = default!;
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            var itemKey = key(item);
            if (run is not null && !comparer.Equals(itemKey, current))
            {
                yield return new Adjacent<TKey, T>(current, run);
                run = null;
            }
            run ??= new List<T>();
            current = itemKey;
            run.Add(item);
        }
        if (run is not null)
        {
            yield return new Adjacent<TKey, T>(current, run);
        }
    }
}
