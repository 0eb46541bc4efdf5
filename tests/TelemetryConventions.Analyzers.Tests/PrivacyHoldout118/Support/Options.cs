namespace PrivacyHoldout118.Support;

/// <summary>The privacy-operations settings every service binds from configuration.</summary>
public sealed class PrivacyOptions
{
    public int StatutoryDays { get; init; } = 30;

    public int ExtensionDays { get; init; } = 60;

    public TimeSpan DownloadLinkLifetime { get; init; } = TimeSpan.FromDays(7);

    public long MaxBundleBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    public int SweepBatchSize { get; init; } = 500;

    public string PreferenceCentreBaseUrl { get; init; } = "https://preferences.example.org";
}
