namespace PrivacyHoldout121.Support;

/// <summary>The delivery services' settings, bound from configuration.</summary>
public sealed class DeliveryOptions
{
    public string DefaultCarrier { get; init; } = "royalmail";

    public int MaxAttempts { get; init; } = 3;

    public TimeSpan PhotoLinkLifetime { get; init; } = TimeSpan.FromDays(7);

    public double GeofenceMetres { get; init; } = 150;

    public byte[] WebhookSecret { get; init; } = Array.Empty<byte>();
}

/// <summary>An HMAC with the service's shard key: the same input gives the same shard, and nobody without the key can recompute it.</summary>
public static class KeyedShard
{
    public static int Of(byte[] key, string value, int shards)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)shards);
    }
}
