using System.Security.Cryptography;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace PrivacyHoldout68.Gaming;

public sealed record SaveGame(Guid PlayerId, string Gamertag, string Slot, string Platform, int Version, byte[] Blob);

/// <summary>
/// Cloud saves: the save's header in DynamoDB ("player-saves", pk = PLAYER#{playerId}, sk = SLOT#{slot})
/// written only over the version the console last read, the save blob in S3 under saves/{playerId}/{slot}.
/// </summary>
public sealed class CloudSaves(IAmazonDynamoDB dynamo, IAmazonS3 s3, Pseudonymizer pseudonymizer, ILogger<CloudSaves> logger)
{
    private static readonly ActivitySource Source = new("Game.Saves");
    private static readonly Meter SavesMeter = new("Game.Saves");
    private static readonly SavegameWritesCounter Writes = SavesMeter.CreateSavegameWritesCounter();
    private static readonly Counter<long> Conflicts = SavesMeter.CreateCounter<long>("saves.conflicts");

    public async Task WriteAsync(SaveGame save, CancellationToken ct)
    {
        var player = pseudonymizer.PseudonymizeSavegamePlayerId(save.PlayerId.ToString());
        using var span = Source.StartSavegameWrite($"save {save.Slot}") // clean precision-about
            .SetSavegameSlotId(save.Slot) // clean precision-about
            .SetSavegamePlayerId(player) // clean precision-pseudonym
            .SetSavegameTable("player-saves") // clean precision-names
            .SetSavegamePlatform(save.Platform); // clean precision-about
        var objectKey = $"saves/{save.PlayerId}/{save.Slot}/{save.Version + 1}.sav";
        span.Activity?.SetTag("save.size", save.Blob.Length);
        span.Activity?.SetTag("save.content_hash", Convert.ToHexString(SHA256.HashData(save.Blob))[..16]); // clean hashes

        var request = new PutItemRequest
        {
            TableName = "player-saves",
            Item = new()
            {
                ["pk"] = new($"PLAYER#{save.PlayerId}"),
                ["sk"] = new($"SLOT#{save.Slot}"),
                ["version"] = new() { N = (save.Version + 1).ToString() },
                ["gamertag"] = new(save.Gamertag),
                ["object"] = new(objectKey),
            },
            ConditionExpression = "attribute_not_exists(pk) OR version = :seen",
            ExpressionAttributeValues = new() { [":seen"] = new() { N = save.Version.ToString() } },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        try
        {
            var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = "game-saves", Key = objectKey, InputStream = new MemoryStream(save.Blob) }, ct);
            span.Activity?.SetTag("aws.s3.etag", put.ETag); // clean precision-about
            await dynamo.PutItemAsync(request, ct);
            Writes.Add(1, save.Platform, "written"); // clean precision-about
        }
        catch (ConditionalCheckFailedException ex)
        {
            var storedVersion = ex.Item.TryGetValue("version", out var v) ? v.N : "none";
            Conflicts.Add(1, new KeyValuePair<string, object?>("platform", save.Platform), new("slot", save.Slot)); // clean precision-about
            Conflicts.Add(1, new KeyValuePair<string, object?>("player", player.ToString())); // leak TC1003 precision-pseudonym
            span.SetSavegameOutcome("conflict").SetSavegameNote($"stored version {storedVersion}, console saw {save.Version}"); // clean generated-api
            span.SetSavegameNote($"stored save {ex.Item.GetValueOrDefault("object")?.S}"); // leak TC1001 generated-api
            logger.LogSavegameConflictEvent(save.Slot, "conflict", player, ex.Message); // clean exceptions
            logger.LogWarning("Save conflict for {Gamertag} on {Slot}", ex.Item["gamertag"].S, save.Slot); // leak TC1001 cross-member
            throw;
        }
        catch (AmazonS3Exception ex)
        {
            logger.LogError(ex, "S3 {ErrorCode} writing save object {Key}", ex.ErrorCode, objectKey); // leak TC1001 strings
            throw;
        }
    }

    public async Task<SaveGame?> ReadAsync(Guid playerId, string slot, CancellationToken ct)
    {
        var got = await dynamo.GetItemAsync(new GetItemRequest { TableName = "player-saves", Key = new() { ["pk"] = new($"PLAYER#{playerId}"), ["sk"] = new($"SLOT#{slot}") }, ConsistentRead = true }, ct);
        Activity.Current?.SetTag("aws.dynamodb.item_found", got.IsItemSet); // clean precision-about
        if (!got.IsItemSet)
        {
            logger.LogInformation("No save in {Slot} for {Player}", slot, playerId); // leak TC1001 direct
            return null;
        }
        logger.LogDebug("Save header {Header}", JsonSerializer.Serialize(got.Item.ToDictionary(kv => kv.Key, kv => kv.Value.S ?? kv.Value.N))); // leak TC1001 logging-objects
        logger.LogDebug("Save header attributes {Attributes} ({Capacity} RCU)", got.Item.Keys, got.ConsumedCapacity?.CapacityUnits); // clean precision-names
        var metadata = await s3.GetObjectMetadataAsync("game-saves", got.Item["object"].S!, ct);
        logger.LogDebug("Save object {ETag} modified {LastModified}", metadata.ETag, metadata.LastModified); // clean precision-about
        return new SaveGame(playerId, got.Item["gamertag"].S!, slot, "unknown", int.Parse(got.Item["version"].N!), Array.Empty<byte>());
    }
}
