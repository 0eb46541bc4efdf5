namespace PrivacyHoldout128.Support;

/// <summary>Household settings the services bind from configuration.</summary>
public sealed class HouseholdOptions
{
    public int InvitationDays { get; init; } = 7;

    public string InvitationTemplateId { get; init; } = "mail-household-invite";

    public int ProxyReviewAge { get; init; } = 16;
}

/// <summary>Keyed digests with the service's injected keys.</summary>
public static class KeyedDigest
{
    public static string Shard(byte[] key, string value, int shards) =>
        (BitConverter.ToUInt32(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(value)), 0) % (uint)shards).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
