namespace PrivacyHoldout172.Support;

/// <summary>The legal platform settings the services bind from configuration.</summary>
public sealed class LegalOptions
{
    public string Jurisdiction { get; init; } = "England and Wales";

    public int ConflictCheckTimeoutSeconds { get; init; } = 20;

    public int LimitationWarningDays { get; init; } = 90;

    public string EngagementTemplateId { get; init; } = "tpl-client-care-letter";

    /// <summary>The HMAC key for sharding work by a person's number (from the secret store).</summary>
    public byte[] ShardKey { get; init; } = new byte[32];
}
