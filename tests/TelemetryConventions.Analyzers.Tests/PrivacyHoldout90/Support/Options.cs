namespace PrivacyHoldout90.Support;

/// <summary>The notification settings every service binds from configuration.</summary>
public sealed class NotificationOptions
{
    public string DefaultTimeZone { get; init; } = "Europe/London";

    public int MaxPerHourPerRecipient { get; init; } = 6;

    public int MaxDeliveryAttempts { get; init; } = 5;

    public TimeSpan CollapseWindow { get; init; } = TimeSpan.FromHours(6);

    /// <summary>The team's own mailbox that digests are sent from (a role mailbox, not a person).</summary>
    public string FromAddress { get; init; } = "notifications@example.org";

    public string AppBaseUrl { get; init; } = "https://app.example.org";
}

/// <summary>Keyed shards for sampling and lanes: HMAC-SHA256 with the injected shard key.</summary>
public sealed class KeyedShards(TelemetrySecrets secrets)
{
    public int Of(string value, int buckets)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)buckets);
    }
}
