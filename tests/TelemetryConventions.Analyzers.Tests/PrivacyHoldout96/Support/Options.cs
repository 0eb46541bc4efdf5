namespace PrivacyHoldout96.Support;

/// <summary>The search and personalisation settings every service binds from configuration.</summary>
public sealed class PersonalisationOptions
{
    public string CampaignArn { get; init; } = "arn:aws:personalize:eu-west-2:000000000000:campaign/default";

    public string FilterArn { get; init; } = "arn:aws:personalize:eu-west-2:000000000000:filter/exclude-seen";

    public string TrackingId { get; init; } = "tracking-0000";

    public string Suggester { get; init; } = "sg";

    public int PageSize { get; init; } = 20;

    public int TrainingLogSamplePercent { get; init; } = 5;

    public TimeSpan RankerBudget { get; init; } = TimeSpan.FromMilliseconds(120);
}

/// <summary>Buckets from an HMAC with the service's shard key: stable per input, unreadable without the key.</summary>
public static class KeyedBuckets
{
    public static int Of(TelemetrySecrets secrets, string value, int buckets)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)buckets);
    }
}
