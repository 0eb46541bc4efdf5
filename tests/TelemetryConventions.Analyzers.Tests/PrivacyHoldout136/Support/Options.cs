namespace PrivacyHoldout136.Support;

/// <summary>The parking and access settings the services bind from configuration.</summary>
public sealed class AccessOptions
{
    public int FreeMinutes { get; init; } = 120;

    public int GraceMinutes { get; init; } = 10;

    public decimal PcnAmount { get; init; } = 70m;

    public double MinimumReadConfidence { get; init; } = 0.85;

    public TimeSpan LockerHold { get; init; } = TimeSpan.FromHours(48);

    public string HostNotificationTemplateId { get; init; } = "visitor-arrived-v2";
}

/// <summary>Keyed shards and buckets the services compute with their configured secret.</summary>
public static class KeyedBuckets
{
    public static int Shard(byte[] key, string raw, int shards) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(raw))[0] % shards;
}
