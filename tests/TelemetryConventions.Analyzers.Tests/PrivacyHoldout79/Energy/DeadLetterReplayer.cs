namespace PrivacyHoldout79.Energy;

/// <summary>
/// Replays the energy app's dead-lettered beacon and event batches after a parser fix. The raw
/// payloads are the app's JSON as sent: page URLs with account numbers and meter serials, meter
/// readings the customer typed, and the client context.
/// </summary>
public sealed class DeadLetterReplayer(
    IDeadLetterQueue queue,
    ILogger<DeadLetterReplayer> logger,
    ActivitySource source,
    Meter meter)
{
    private readonly Counter<long> _replayed = meter.CreateCounter<long>("supply.deadletter.replayed");
    private readonly List<string> _stillFailing = new();

    public async Task ReplayAsync(CancellationToken cancellationToken)
    {
        await foreach (var letter in queue.ReadAsync("energy-app", cancellationToken))
        {
            using var span = source.StartGridpulseIngest(letter.BatchId);
            span.SetGridpulseOutcome("replaying:" + letter.ReasonCode); // clean precision-about
            logger.LogInformation("Replaying dead letter {BatchId} ({Reason}, {Bytes} bytes, parked {At})", letter.BatchId, letter.ReasonCode, letter.RawPayload.Length, letter.At); // clean precision-about

            try
            {
                var beacons = Parse(letter.RawPayload);
                span.SetGridpulseBatchSize(beacons.Count);
                _replayed.Add(beacons.Count, new KeyValuePair<string, object?>("reason", letter.ReasonCode), new("result", "ok")); // clean precision-about
            }
            catch (MalformedBeaconException ex)
            {
                logger.LogError("Dead letter {Letter} still does not parse", letter); // leak TC1001 logging-objects
                _stillFailing.Add(letter.RawPayload);
                span.Activity?.SetTag("parse.position", ex.Position); // clean precision-about
                span.SetGridpulseNote(ex.Message); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                logger.LogGridpulseIngestRejectedEvent(letter.BatchId, "dead_lettered:parse", gridpulseNote: $"position {ex.Position}, {letter.RawPayload.Length} bytes"); // clean precision-about
                _replayed.Add(1, new KeyValuePair<string, object?>("reason", letter.ReasonCode), new("result", ex.GetType().Name)); // clean exceptions
            }
            catch (JsonException ex)
            {
                logger.LogError("Replay of {BatchId} failed at {Path}: {Payload}", letter.BatchId, ex.Path, letter.RawPayload); // leak TC1001 direct
                span.SetStatus(ActivityStatusCode.Error, $"json error at {ex.Path}, line {ex.LineNumber}"); // clean exceptions
            }
        }
    }

    public void Summarise()
    {
        logger.LogWarning("{Count} dead letters still failing", _stillFailing.Count); // clean precision-about
        logger.LogDebug("Still failing: {Payloads}", string.Join("\n", _stillFailing)); // leak TC1001 cross-member
    }

    private static List<RumBeacon> Parse(string raw)
    {
        var index = raw.IndexOf("\"beacons\"", StringComparison.Ordinal);
        if (index < 0)
        {
            throw new MalformedBeaconException(0, raw);
        }
        return JsonSerializer.Deserialize<List<RumBeacon>>(raw[(index + 10)..]) ?? [];
    }
}
