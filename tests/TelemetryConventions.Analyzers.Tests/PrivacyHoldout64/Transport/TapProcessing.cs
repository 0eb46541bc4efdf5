using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout64.Transport;

/// <summary>A tap at a validator. Every case carries the travel card it was made with.</summary>
public abstract record TapEvent(string CardNumber, string ValidatorId, DateTimeOffset At);

public sealed record TapOn(string CardNumber, string ValidatorId, DateTimeOffset At, string Stop, string Zone)
    : TapEvent(CardNumber, ValidatorId, At);

public sealed record TapOff(string CardNumber, string ValidatorId, DateTimeOffset At, string Stop, string Zone)
    : TapEvent(CardNumber, ValidatorId, At);

/// <summary>A tap the validator refused; the reason is a code from the validator's list.</summary>
public sealed record TapRefused(string CardNumber, string ValidatorId, DateTimeOffset At, string Reason)
    : TapEvent(CardNumber, ValidatorId, At);

public sealed record PricedJourney(string JourneyId, string CardNumber, string From, string To, string Zones, decimal Fare);

/// <summary>Why a day's taps could not be priced.</summary>
public abstract record FareError(string Code)
{
    public sealed record Incomplete(string CardNumber, string From) : FareError("incomplete");

    public sealed record Refused(string CardNumber, string Reason) : FareError("refused");

    public sealed record Unpaired(int Taps) : FareError("unpaired");

    public sealed record NoTaps() : FareError("no_taps");
}

/// <summary>Prices the last journey of a card from its taps, by pattern.</summary>
public sealed class TapPricer(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<TapPricer> logger)
{
    public Result<PricedJourney, FareError> PriceLast(IReadOnlyList<TapEvent> taps)
    {
        Result<PricedJourney, FareError> result = taps switch
        {
            [.., TapOn(var card, _, var start, var from, var fromZone), TapOff(_, _, var end, var to, var toZone)] => Price(card, from, to, fromZone, toZone, end - start),
            [.., TapOn(var card, _, _, var from, _)] => new FareError.Incomplete(card, from),
            [.., TapRefused { CardNumber: var card, Reason: var reason }] => new FareError.Refused(card, reason),
            [] => new FareError.NoTaps(),
            _ => new FareError.Unpaired(taps.Count),
        };

        var zone = taps.OfType<TapOn>().LastOrDefault()?.Zone ?? "unknown";
        var span = Activity.Current.EnrichFarePrice(FareKind.Journey).SetFareZone(zone); // clean generated-api
        if (taps is [{ CardNumber: var cardNumber }, ..])
        {
            span.SetFareCardId(pseudonymizer.PseudonymizeFareCardId(cardNumber)); // clean precision-pseudonym
            logger.LogDebug("Pricing {Count} taps of card ending {Last4}", taps.Count, cardNumber[^4..]); // clean precision-about
            logger.LogDebug("Pricing {Count} taps of card {Card}", taps.Count, cardNumber); // leak TC1001 direct
            meter.CreateFarePricedCounter().Add(1, zone, FareKind.Journey, pseudonymizer.ComputeFareCardId(cardNumber)); // leak TC1003 precision-pseudonym
        }

        result
            .Tap(journey => logger.LogInformation("Journey {JourneyId} {From}->{To} in zones {Zones}: {Fare}", journey.JourneyId, journey.From, journey.To, journey.Zones, journey.Fare)) // clean direct
            .Tap(journey => span.SetFareJourneyId(journey.JourneyId).SetFareOutcome("charged")) // clean generated-api
            .OnFailure(error => logger.LogFareRefusedEvent(FareKind.Journey, error.Code, fareNote: error.ToString())) // leak TC1001 generated-api
            .OnFailure(error => span.SetFareOutcome($"refused:{error.Code}")); // clean generated-api

        var (fromStop, toStop) = result.Match(j => (j.From, j.To), _ => ("?", "?"));
        logger.LogInformation("Journey pair {Pair}", (fromStop, toStop)); // clean logging-objects
        return result;
    }

    private PricedJourney Price(string card, string from, string to, string fromZone, string toZone, TimeSpan duration)
    {
        var zones = fromZone == toZone ? fromZone : $"{fromZone}-{toZone}";
        var fare = zones.Contains('-') ? 3.40m : 2.80m;
        var journeyId = $"J-{DateTime.UtcNow:yyyyMMdd}-{Random.Shared.Next(100000):D5}";
        logger.LogDebug("Priced {Zones} for {Minutes} minutes", zones, (int)duration.TotalMinutes); // clean precision-about
        return new PricedJourney(journeyId, card, from, to, zones, fare);
    }

    /// <summary>Revenue protection samples one card in twenty for inspection on the next tap.</summary>
    public bool SampleForInspection(string cardNumber)
    {
        var legacy = BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(cardNumber))) % 20 == 0;
        Activity.Current?.SetTag("fare.inspection.legacy_sample", legacy); // leak TC1002 hashes

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var sampled = BitConverter.ToUInt32(hmac.ComputeHash(Encoding.UTF8.GetBytes(cardNumber))) % 20 == 0;
        Activity.Current?.SetTag("fare.inspection.sample", sampled); // clean hashes
        return sampled;
    }

    /// <summary>A day of journeys per card, for the capping job's log.</summary>
    public void CappingReport(IReadOnlyList<PricedJourney> day)
    {
        var perCard = day.GroupBy(j => j.CardNumber).Select(g => (Card: g.Key, Total: g.Sum(j => j.Fare))).ToList();
        logger.LogInformation("Cards capped today: {Capped}", perCard.Count(c => c.Total >= 8.10m)); // clean precision-about
        logger.LogInformation("Spend per card {PerCard}", perCard); // leak TC1001 logging-objects
    }
}
