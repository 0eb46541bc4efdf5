using System.Security.Cryptography;
using CloudNative.CloudEvents;

namespace PrivacyHoldout71.Transport;

public sealed record GateTap(string CardNumber, string StopId, string ValidatorId, DateTimeOffset TappedAt, string Direction);

/// <summary>A binary-mode CloudEvent as the validators' gateway forwards it: ce-* headers and a JSON body.</summary>
public sealed record BinaryMessage(IReadOnlyDictionary<string, string> Headers, string Body);

public interface IJourneyBuilder
{
    Task AddTapAsync(GateTap tap, CancellationToken cancellationToken);
}

/// <summary>Thrown by the journey builder when a tap cannot be paired; the message names the card.</summary>
public sealed class UnpairedTapException(string cardNumber, string stopId) : Exception($"Card {cardNumber} tapped out at {stopId} without a tap in");

/// <summary>
/// Ingests gate taps from the validators' gateway: binary-mode CloudEvents whose <c>ce-partitionkey</c>
/// is the travel card number (the taps stream is keyed by card) and whose <c>ce-subject</c> is the stop.
/// Checks the type against the event catalog and the body against its schema, and dead-letters what
/// it cannot use.
/// </summary>
public sealed class TapEventIngest(
    ISchemaValidator schemas,
    IJourneyBuilder journeys,
    IDeadLetterStore deadLetters,
    IntegrationSecrets secrets,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TapEventIngest> logger,
    TimeProvider clock)
{
    private static readonly HashSet<string> Catalog = ["com.transit.gate.tap.v1", "com.transit.gate.tap.v2"];
    private readonly TripeventDeliveriesCounter _ingested = meter.CreateTripeventDeliveriesCounter();
    private readonly Counter<long> _byStop = meter.CreateCounter<long>("tripevent.taps.by_stop");

    public async Task IngestAsync(BinaryMessage message, CancellationToken cancellationToken)
    {
        var type = message.Headers.GetValueOrDefault("ce-type") ?? "unknown";
        using var span = source.StartTripeventReceive(type); // clean generated-api
        span.SetTripeventEventId(message.Headers.GetValueOrDefault("ce-id") ?? "");
        span.SetTripeventOperator(message.Headers.GetValueOrDefault("ce-source") ?? ""); // clean generated-api
        logger.LogDebug("Tap headers {Headers}", string.Join(", ", message.Headers.Select(h => $"{h.Key}={h.Value}"))); // leak TC1001 strings
        logger.LogDebug("Tap header names {Names}", message.Headers.Keys.ToArray()); // clean precision-names

        var card = message.Headers.GetValueOrDefault("ce-partitionkey") ?? "";
        span.Activity?.SetTag("tap.card_mask", card.Length > 10 ? $"{card[..6]}******{card[^4..]}" : "short"); // clean precision-about
        span.Activity?.SetTag("tap.card_lane", Lane(card)); // clean hashes
        span.Activity?.SetTag("tap.card_sample", card.GetHashCode() % 100 < 5); // leak TC1002 hashes

        if (!Catalog.Contains(type))
        {
            await DeadLetterAsync(message, type, "UnknownType", $"type {type}", cancellationToken);
            return;
        }

        using var body = JsonDocument.Parse(message.Body);
        var validation = schemas.Validate(type, body.RootElement);
        if (!validation.IsValid)
        {
            var detail = string.Join("; ", validation.Errors);
            await DeadLetterAsync(message, type, "SchemaViolation", detail, cancellationToken);
            logger.LogTripeventDeadLetteredEvent(type, "schema", null, detail); // leak TC1001 generated-api
            return;
        }

        var tap = body.RootElement.Deserialize<GateTap>()!;
        span.SetTripeventRiderId(pseudonymizer.PseudonymizeTripeventRiderId(tap.CardNumber)); // clean precision-pseudonym
        _byStop.Add(1, new KeyValuePair<string, object?>("stop", tap.StopId), new KeyValuePair<string, object?>("direction", tap.Direction)); // clean direct
        try
        {
            await journeys.AddTapAsync(tap, cancellationToken);
            span.SetTripeventOutcome("paired");
            _ingested.Add(1, type, message.Headers.GetValueOrDefault("ce-source"), "paired"); // clean generated-api
        }
        catch (UnpairedTapException ex)
        {
            span.SetTripeventOutcome("unpaired");
            span.SetTripeventNote(ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Unpaired tap at {Stop} by validator {Validator}", tap.StopId, tap.ValidatorId); // clean direct
            await DeadLetterAsync(message, type, "Unpaired", ex.Message, cancellationToken);
        }
    }

    private async Task DeadLetterAsync(BinaryMessage message, string type, string reason, string detail, CancellationToken cancellationToken)
    {
        await deadLetters.PutAsync(new DeadLetter(message.Headers.GetValueOrDefault("ce-id") ?? "", type, reason, detail, message.Body, clock.GetUtcNow()), cancellationToken); // clean direct
        logger.LogWarning("Dead-lettered {EventId}: {Reason}", message.Headers.GetValueOrDefault("ce-id"), reason); // clean precision-about
        _ingested.Add(1, type, message.Headers.GetValueOrDefault("ce-source"), $"dead:{reason}"); // clean generated-api
    }

    private string Lane(string card)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return $"lane-{hmac.ComputeHash(Encoding.UTF8.GetBytes(card))[0] % 4}";
    }
}
