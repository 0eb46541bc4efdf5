namespace PrivacyHoldout112.Support;

/// <summary>Shards and buckets taken from an HMAC with the service's secret shard key.</summary>
public sealed class KeyedShards(TelemetrySecrets secrets)
{
    public int ShardOf(string value, int shards)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)shards);
    }

    public string Tag(string value) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(value)))[..12].ToLowerInvariant();
}
