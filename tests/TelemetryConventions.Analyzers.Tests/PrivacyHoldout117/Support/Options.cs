namespace PrivacyHoldout117.Support;

/// <summary>The fleet settings every service binds from configuration.</summary>
public sealed class FleetOptions
{
    public string BrokerHost { get; init; } = "mqtt.example.org";

    public int PingBatchSize { get; init; } = 500;

    public TimeSpan MaxPingAge { get; init; } = TimeSpan.FromMinutes(5);

    public int GeohashPrecisionForDashboards { get; init; } = 5;

    public double MatchRadiusKm { get; init; } = 3.0;

    public int CanaryPercent { get; init; } = 2;
}

/// <summary>A keyed shard helper the platform team ships: HMAC-SHA256 with the injected shard key.</summary>
public sealed class KeyedShards(TelemetrySecrets secrets)
{
    public int ShardOf(string value, int shards)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)shards);
    }
}
