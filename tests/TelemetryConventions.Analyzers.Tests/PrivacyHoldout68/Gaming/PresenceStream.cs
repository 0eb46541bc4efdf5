using System.Text.Json;
using Amazon.Kinesis;
using Amazon.Kinesis.Model;
using Amazon.Runtime;
using Azure.Messaging.ServiceBus;

namespace PrivacyHoldout68.Gaming;

public sealed record PresenceBeat(Guid PlayerId, string Gamertag, string Status, string? MatchId, string Region, string ClientIp);

/// <summary>
/// Puts presence beats on the "presence" Kinesis stream keyed by player id, and match results on the
/// "match-results" Service Bus topic (the match id is the correlation id, the winners' ids an application property).
/// </summary>
public sealed class PresenceStream(IAmazonKinesis kinesis, ServiceBusClient bus, TelemetrySecrets telemetrySecrets, Pseudonymizer pseudonymizer, ILogger<PresenceStream> logger)
{
    private static readonly Meter PresenceMeter = new("Game.Presence");
    private static readonly Counter<long> Beats = PresenceMeter.CreateCounter<long>("presence.beats");
    private readonly ServiceBusSender _results = bus.CreateSender("match-results");

    public async Task BeatAsync(PresenceBeat beat, CancellationToken ct)
    {
        var request = new PutRecordRequest { StreamName = "presence", PartitionKey = beat.PlayerId.ToString(), Data = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(beat)) };
        try
        {
            var result = await kinesis.PutRecordAsync(request, ct);
            Beats.Add(1, new KeyValuePair<string, object?>("region", beat.Region), new("status", beat.Status)); // clean precision-about
            Activity.Current?.SetTag("aws.kinesis.shard_id", result.ShardId); // clean precision-about
            Activity.Current?.SetTag("aws.kinesis.partition_key", request.PartitionKey); // leak TC1001 cross-member
            Activity.Current?.SetTag("presence.cohort", beat.Gamertag.GetHashCode() & 15); // leak TC1002 hashes
            Activity.Current?.SetTag("presence.lane", BitConverter.ToUInt16(System.Security.Cryptography.HMACSHA256.HashData(telemetrySecrets.ShardKey, beat.PlayerId.ToByteArray())) % 8); // clean hashes
        }
        catch (ProvisionedThroughputExceededException ex)
        {
            logger.LogWarning("Presence throttled: {Message}", ex.Message); // clean exceptions
            logger.LogWarning("Presence throttled for key {PartitionKey} from {ClientIp}", request.PartitionKey, beat.ClientIp); // leak TC1001 cross-member
        }
        catch (AmazonServiceException ex) when (ex.Retryable)
        {
            logger.LogWarning("Presence put failed ({ErrorType}/{ErrorCode}), beat {@Beat}", ex.ErrorType, ex.ErrorCode, beat); // leak TC1001 logging-objects
        }
    }

    public async Task PublishResultAsync(string matchId, IReadOnlyList<Guid> winners, string mode, CancellationToken ct)
    {
        var message = new ServiceBusMessage(JsonSerializer.Serialize(new { matchId, winners, mode })) { CorrelationId = matchId, Subject = "match.completed", MessageId = Guid.NewGuid().ToString() };
        message.ApplicationProperties["mode"] = mode;
        message.ApplicationProperties["winners"] = string.Join(",", winners);
        await _results.SendMessageAsync(message, ct);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = message.CorrelationId, ["Subject"] = message.Subject }); // clean precision-about
        logger.LogInformation("Match result sent with {PropertyCount} properties", message.ApplicationProperties.Count); // clean precision-about
        logger.LogInformation("Match result properties {Properties}", string.Join(";", message.ApplicationProperties.Select(p => $"{p.Key}={p.Value}"))); // leak TC1001 strings
        Activity.Current?.SetTag("game.match.winners", winners.Count); // clean precision-about
        Activity.Current?.SetTag("game.match.winner_ids", message.ApplicationProperties["winners"]); // leak TC1001 cross-member
        Activity.Current?.SetBaggage("winner.refs", string.Join(",", winners.Select(w => pseudonymizer.ComputeSavegamePlayerId(w.ToString())))); // clean precision-pseudonym
        Activity.Current?.SetTag(SavegameAttributes.PlayerContact, "redacted"); // clean generated-api
    }
}
