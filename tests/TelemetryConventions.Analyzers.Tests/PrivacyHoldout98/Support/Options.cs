namespace PrivacyHoldout98.Support;

/// <summary>The admin console settings every service binds from configuration.</summary>
public sealed class AdminConsoleOptions
{
    public string ConsoleName { get; init; } = "backoffice";

    public TimeSpan ImpersonationLifetime { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan BreakGlassWindow { get; init; } = TimeSpan.FromHours(4);

    public int BulkEditLimit { get; init; } = 5_000;

    public int BulkFailureLimit { get; init; } = 50;

    public long ExportRowLimit { get; init; } = 1_000_000;

    public int LookupsPerHour { get; init; } = 120;

    public string ExportShare { get; init; } = "/mnt/exports";
}
