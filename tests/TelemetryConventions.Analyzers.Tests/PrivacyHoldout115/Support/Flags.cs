namespace PrivacyHoldout115.Support;

/// <summary>The flag settings every service binds from configuration.</summary>
public sealed class FlagOptions
{
    public string Environment { get; init; } = "production";

    public string SdkKeyName { get; init; } = "server-sdk";

    public TimeSpan EvaluationBudget { get; init; } = TimeSpan.FromMilliseconds(50);

    public int MaxOverridesPerFlag { get; init; } = 500;

    public byte[] WebhookSecret { get; init; } = [];
}

/// <summary>A kill switch the team keeps beside its flags: when engaged, the feature is off for everyone.</summary>
public sealed record KillSwitch(string Feature, bool Engaged, string Reason, string EngagedBy, DateTimeOffset? EngagedAt);

/// <summary>A named-user override: this subject gets this variant whatever the rules say.</summary>
public sealed record FlagOverride(string FlagKey, string SubjectKey, string Variant, string AddedBy, DateTimeOffset Expires);

/// <summary>A change to a flag as the team's audit store keeps it.</summary>
public sealed record FlagChange(string FlagKey, string Environment, string Action, string? Before, string? After, string ChangedBy, DateTimeOffset At);

/// <summary>A percentage rollout's stage.</summary>
public sealed record RolloutStage(string FlagKey, int Percentage, string Stickiness, string GroupId);

public sealed class KillSwitchEngagedException(string feature, string reason)
    : Exception($"Feature '{feature}' is switched off: {reason}")
{
    public string Feature { get; } = feature;
}

public sealed class OverrideLimitExceededException(string flagKey, int limit)
    : Exception($"Flag '{flagKey}' already has {limit} individual targets")
{
    public string FlagKey { get; } = flagKey;
}

/// <summary>Where kill switches, overrides and the audit trail are kept (a table; not telemetry).</summary>
public interface IFlagStore
{
    Task<KillSwitch?> GetKillSwitchAsync(string feature, CancellationToken cancellationToken = default);

    Task SaveKillSwitchAsync(KillSwitch killSwitch, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FlagOverride>> GetOverridesAsync(string flagKey, CancellationToken cancellationToken = default);

    Task SaveOverrideAsync(FlagOverride flagOverride, CancellationToken cancellationToken = default);

    Task AppendChangeAsync(FlagChange change, CancellationToken cancellationToken = default);
}

/// <summary>The team's keyed hash for shards and buckets, with the secret from configuration.</summary>
public static class KeyedBucket
{
    public static int Of(byte[] key, string value, int buckets)
    {
        using var hmac = new HMACSHA256(key);
        var digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(digest, 0) % (uint)buckets);
    }
}
