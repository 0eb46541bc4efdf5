using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout65.Transport;

public sealed class CardHotlistedException(string cardNumber, string reason) : Exception($"Card {cardNumber} is hotlisted ({reason})");

public sealed class ValidatorClockException(string validator, TimeSpan skew) : Exception($"Validator {validator} clock skew {skew.TotalSeconds:0}s");

public interface IHotlist
{
    HotlistEntry? Find(string cardNumber);
}

/// <summary>Consumes taps from the validators' queue and prices them.</summary>
public sealed class TapProcessor(
    ILogger<TapProcessor> logger,
    TapLogThrottle throttle,
    IHotlist hotlist,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ServiceSecrets secrets)
{
    private readonly TripPricedCounter _priced = meter.CreateTripPricedCounter();

    public void Handle(QueueMessage<Tap> message)
    {
        var tap = message.Body;
        using var queueScope = logger.BeginScope(("queue.message", message.MessageId)); // clean direct
        using var tapScope = logger.BeginScope(new List<KeyValuePair<string, object?>> { new("tap.id", tap.TapId), new("tap.card", tap.Card.Number) }); // leak TC1001 direct
        using var span = source.StartTripProcess(tap.Zone)
            .SetTripKind(TripKind.Tap)
            .SetTripCardId(pseudonymizer.PseudonymizeTripCardId(tap.Card.Number)); // clean precision-pseudonym
        if (tap.RiderId is { } rider)
        {
            span.SetTripRiderId(Pseudonym.FromComputed(rider.ToString())); // leak TC1001 precision-pseudonym
        }
        span.Activity?.SetTag("trip.sample", (HashCode.Combine(tap.Card.Number) & 15) == 0); // leak TC1002 hashes
        span.Activity?.SetTag("trip.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(tap.Card.Number))[0] & 15); // clean hashes

        if (hotlist.Find(tap.Card.Number) is { } entry)
        {
            var hotlisted = new CardHotlistedException(tap.Card.Number, entry.Reason);
            logger.HotlistHit(entry); // leak TC1001 logging-objects
            logger.HotlistHit(entry with { CardNumber = "****" + entry.CardNumber[^4..] }); // clean precision-about
            logger.TapRejected(tap.TapId, tap.Validator, hotlisted); // leak TC1001 exceptions
            span.SetTripOutcome("refused:hotlisted").SetTripNote(hotlisted.Message); // leak TC1001 generated-api
            logger.LogTripRefusedEvent(tap.Zone, "refused:hotlisted", tripNote: entry.Reason); // clean generated-api
            _priced.Add(1, tap.Zone, TripKind.Tap, tripOutcome: "refused:hotlisted"); // clean generated-api
            return;
        }

        if (tap.At > DateTimeOffset.UtcNow.AddMinutes(2))
        {
            logger.TapRejected(tap.TapId, tap.Validator, new ValidatorClockException(tap.Validator, tap.At - DateTimeOffset.UtcNow)); // clean exceptions
            return;
        }

        if (throttle.ShouldLog(tap))
        {
            logger.TapAccepted(tap); // leak TC1001 logging-objects
        }
        logger.CappingApplied(tap.Zone, tap.Card.Last4); // clean precision-about
        logger.LogDebug("Tap {TapId} by card {Card} at {Stop}", tap.TapId, tap.Card.Number, tap.Stop); // leak TC1001 direct
        span.SetTripOutcome("charged"); // clean generated-api
        _priced.Add(1, tap.Zone, TripKind.Tap, tripOutcome: pseudonymizer.ComputeTripCardId(tap.Card.Number)); // leak TC1003 precision-pseudonym
    }
}
