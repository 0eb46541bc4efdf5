namespace PrivacyHoldout83.Support;

/// <summary>Options of the support integrations.</summary>
public sealed class SupportOptions
{
    public string Brand { get; set; } = string.Empty;

    public string DefaultQueue { get; set; } = "general";

    public string EscalationEmail { get; set; } = string.Empty;

    public List<string> VipRequesterEmails { get; } = new();

    public TimeSpan FirstReplyTarget { get; set; } = TimeSpan.FromHours(4);
}

public static class ShardOf
{
    /// <summary>A bucket from an HMAC with the service's shard key.</summary>
    public static int Bucket(byte[] key, string value, int buckets)
    {
        using var hmac = new HMACSHA256(key);
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)buckets);
    }
}
