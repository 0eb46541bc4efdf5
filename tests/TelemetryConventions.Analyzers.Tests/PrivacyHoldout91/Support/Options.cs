namespace PrivacyHoldout91.Support;

/// <summary>The reporting settings every service binds from configuration.</summary>
public sealed class ReportingOptions
{
    public string PortalBaseUrl { get; init; } = "https://reports.example.org";

    public Guid WorkspaceId { get; init; } = Guid.Parse("6b0d3c2e-5a1f-4a2b-9e8d-2f7c1a0b3d4e");

    public int SmallCellThreshold { get; init; } = 5;

    public int TopN { get; init; } = 10;

    public TimeSpan CacheLifetime { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDataAge { get; init; } = TimeSpan.FromHours(6);
}
