using System.Security.Cryptography;

namespace PrivacyHoldout67.Transport;

/// <summary>A tap as a validator uploads it; <c>Upload</c> is the span context of the validator's upload.</summary>
public sealed record Tap(string CardNumber, Guid? RiderId, string ValidatorId, string StopCode, DateTimeOffset TappedAt, bool TapOn, ActivityContext Upload);

public sealed record Journey(string CardNumber, string FromStop, string ToStop, decimal Fare);

public sealed record JourneySummary(string FromStop, string ToStop, decimal Fare, bool Capped);

/// <summary>A tap-on without a tap-off; the message quotes the card and the stop.</summary>
public sealed class IncompleteJourneyException(string cardNumber, string stopCode)
    : Exception($"Card {cardNumber} tapped on at {stopCode} and never tapped off");

internal static class TransitTracing
{
    public static readonly ActivitySource Settlement = new("Transit.Settlement");
    public static readonly Meter Meter = new("Transit.Settlement");
}

/// <summary>Prices a validator upload batch: one settle span linked to every upload, one event per journey.</summary>
public sealed class TapSettlementService(ConcessionLookup concessions, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TapSettlementService> logger)
{
    private static readonly Counter<long> Journeys = TransitTracing.Meter.CreateCounter<long>("transit.journeys.priced");
    private readonly TransitTapsSettledCounter _settled = TransitTracing.Meter.CreateTransitTapsSettledCounter();

    public void Settle(string batchId, IReadOnlyList<Tap> taps, IReadOnlySet<string> disputedCards)
    {
        var links = taps.DistinctBy(t => t.Upload.SpanId)
            .Select(t => disputedCards.Contains(t.CardNumber) ? DisputeLink(t) : new ActivityLink(t.Upload, new ActivityTagsCollection { ["transit.validator"] = t.ValidatorId })) // leak TC1001 cross-member
            .ToList();
        using var span = TransitTracing.Settlement.StartTransitTapsSettle(batchId, links: links) // clean generated-api
            .SetTransitBatchSize(taps.Count);
        span.Activity?.SetTag("transit.validators", taps.Select(t => t.ValidatorId).Distinct().Count());

        foreach (var card in taps.GroupBy(t => t.CardNumber))
        {
            var ordered = card.OrderBy(t => t.TappedAt).ToList();
            var rider = ordered[0].RiderId;
            if (rider is { } riderId)
            {
                span.SetTransitRiderId(pseudonymizer.PseudonymizeTransitRiderId(riderId.ToString())); // clean precision-pseudonym
                span.SetTransitNote($"first tap at {ordered[0].StopCode} by rider {riderId}"); // leak TC1001 generated-api
                concessions.Annotate(riderId); // leak TC1001 cross-member
            }
            else
            {
                // Anonymous cards: the card stands in for the rider, "already opaque" said the ticket.
                span.SetTransitRiderId(Pseudonym.FromComputed(card.Key)); // leak TC1001 precision-pseudonym
            }
            logger.LogTrace("Taps {Taps}", ordered); // leak TC1001 logging-objects
            try
            {
                foreach (var journey in Pair(ordered))
                {
                    span.Activity?.AddEvent(new ActivityEvent("journey.priced", tags: new ActivityTagsCollection { ["from"] = journey.FromStop, ["to"] = journey.ToStop, ["fare"] = journey.Fare })); // clean direct
                    Journeys.Add(1, new KeyValuePair<string, object?>("from.stop", journey.FromStop)); // clean direct
                    Journeys.Add(1, new KeyValuePair<string, object?>("card", journey.CardNumber)); // leak TC1003 direct
                    logger.LogDebug("Priced {@Journey}", new JourneySummary(journey.FromStop, journey.ToStop, journey.Fare, journey.Fare == 0)); // clean logging-objects
                    logger.LogDebug("Priced {@Journey}", journey); // leak TC1001 logging-objects
                }
                _settled.Add(ordered.Count, "priced", "ok"); // clean generated-api
            }
            catch (IncompleteJourneyException ex)
            {
                span.RecordException(ex, "incomplete journey", includeMessage: true); // leak TC1001 exceptions
                span.Activity?.AddTransitFareDisputedEvent(batchId, "incomplete", transitNote: $"card {card.Key[..6]}******{card.Key[^4..]}"); // clean precision-about
                logger.LogTransitFareDisputedEvent(batchId, "incomplete", transitNote: card.Key); // leak TC1001 generated-api
                _settled.Add(ordered.Count, "disputed", ex.GetType().Name); // clean exceptions
            }
            span.Activity?.SetTag("transit.audit.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(card.Key)))[..12]); // leak TC1002 hashes
            span.Activity?.SetTag("transit.audit.lane", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(card.Key)))[..2]); // clean hashes
        }
    }

    // Disputed cards are linked with the card so that the revenue team can pull all of a card's uploads.
    private static ActivityLink DisputeLink(Tap tap) =>
        new(tap.Upload, new ActivityTagsCollection { ["transit.validator"] = tap.ValidatorId, ["transit.card"] = tap.CardNumber }); // leak TC1001 direct

    private static IEnumerable<Journey> Pair(List<Tap> taps)
    {
        for (var i = 0; i < taps.Count; i += 2)
        {
            if (i + 1 >= taps.Count)
            {
                throw new IncompleteJourneyException(taps[i].CardNumber, taps[i].StopCode);
            }
            yield return new Journey(taps[i].CardNumber, taps[i].StopCode, taps[i + 1].StopCode, 2.80m);
        }
    }
}

/// <summary>Looks up a rider's concession; deep in settlement, it enriches whatever span is current.</summary>
public sealed class ConcessionLookup(IReadOnlyDictionary<Guid, string> concessionsByRider, ILogger<ConcessionLookup> logger)
{
    public void Annotate(Guid riderId)
    {
        var concession = concessionsByRider.TryGetValue(riderId, out var c) ? c : "adult";
        Activity.Current?.SetTag("rider.concession", concession); // clean precision-about
        if (concession == "unknown")
        {
            logger.LogWarning("No concession on file for rider {RiderId}", riderId); // leak TC1001 direct
        }
    }
}
