namespace PrivacyHoldout113.Support;

/// <summary>The compliance settings every service binds from configuration.</summary>
public sealed class ComplianceOptions
{
    public TimeSpan SubjectAccessDeadline { get; init; } = TimeSpan.FromDays(30);

    public int ErasureBatchSize { get; init; } = 500;

    public int BulkViewThreshold { get; init; } = 50;

    public string ExportShare { get; init; } = @"\\compliance-share\exports";

    public string PolicyVersion { get; init; } = "2025.2";
}

/// <summary>The clock the services read, so that sweeps can be replayed.</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}
