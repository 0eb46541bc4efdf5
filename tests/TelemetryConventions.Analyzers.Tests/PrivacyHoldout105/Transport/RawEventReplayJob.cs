namespace PrivacyHoldout105.Transport;

/// <summary>
/// Replays the planner events dead-lettered by validation (<c>planner.events.dlq</c>, keyed by the rider's account
/// id) once their schema has been fixed. Headers carry the validator's error (<c>x-error</c>, a path and a rule) and
/// the schema key (<c>x-schema</c>).
/// </summary>
public sealed class RawEventReplayJob(
    IConsumer<string, string> deadLetters,
    IEventStream stream,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<RawEventReplayJob> logger) : BackgroundService
{
    private readonly Counter<int> _replayed = meter.CreateCounter<int>("planner.dlq.replayed", "{event}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (deadLetters.Consume(stoppingToken) is { } result)
        {
            var started = Stopwatch.GetTimestamp();
            var headers = result.Message.Headers;
            var schema = headers.GetValueOrDefault("x-schema") ?? "unknown";
            using var span = source.StartRideclickSync("planner-enriched").SetRideclickNote($"dlq offset {result.Offset}"); // clean generated-api
            logger.LogInformation("DLQ {Topic}/{Partition}@{Offset}", result.Topic, result.Partition, result.Offset); // clean precision-about
            logger.LogInformation("DLQ error {Error}", headers.GetValueOrDefault("x-error")); // clean precision-names
            logger.LogInformation("DLQ key {Key}", result.Message.Key); // leak TC1001 direct
            logger.LogDebug("DLQ headers {Headers}", headers); // clean logging-objects
            Activity.Current?.SetTag("dlq.key.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(result.Message.Key)))); // leak TC1002 hashes
            Activity.Current?.SetTag("dlq.key.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(result.Message.Key))[0] % 16); // clean hashes
            _replayed.Add(1, new KeyValuePair<string, object?>("schema", schema)); // clean precision-names
            _replayed.Add(1, new KeyValuePair<string, object?>("rider", result.Message.Key)); // leak TC1003 direct

            string repaired;
            try
            {
                repaired = Repair(result.Message.Value);
            }
            catch (JsonException)
            {
                logger.LogRideclickEventRejectedEvent("dlq_replay", "unrepairable", rideclickSchema: schema, rideclickNote: headers.GetValueOrDefault("x-error")); // clean generated-api
                logger.LogRideclickEventRejectedEvent("dlq_replay", "unrepairable", rideclickNote: result.Message.Value); // leak TC1001 generated-api
                deadLetters.Commit(result);
                continue;
            }

            logger.LogDebug("Repaired {Payload}", repaired); // leak TC1001 strings
            span.SetRideclickBatchSize(1); // clean generated-api
            await stream.PutAsync("planner-enriched", result.Message.Key, Encoding.UTF8.GetBytes(repaired), stoppingToken);
            deadLetters.Commit(result);
            meter.CreateRideclickSyncDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "planner-enriched", rideclickOutcome: "replayed"); // clean generated-api
        }
    }

    /// <summary>Renames the v1 field <c>card</c> to <c>card_number</c>, which the fixed schema expects.</summary>
    private static string Repair(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        if (node.Remove("card", out var card))
        {
            node["card_number"] = card;
        }
        return node.ToJsonString();
    }
}
