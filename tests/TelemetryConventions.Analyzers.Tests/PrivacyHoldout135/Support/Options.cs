namespace PrivacyHoldout135.Support;

/// <summary>The incident services' settings bound from configuration.</summary>
public sealed class IncidentOptions
{
    public string IncidentEmailTemplateId { get; init; } = "mail-incident-ack";

    public int FootageRetentionDays { get; init; } = 31;

    public string DefaultHandlerQueue { get; init; } = "patient-safety-team";

    public int ShardCount { get; init; } = 16;
}

/// <summary>A shard of an HMAC with the service's key, as every team's telemetry helper does it.</summary>
public static class KeyedShard
{
    public static int Of(byte[] key, string value, int shards)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)shards);
    }
}
