namespace PrivacyHoldout103.Support;

/// <summary>An app launch as the app reports it on its first request after start.</summary>
public sealed record AppLaunch(
    string InstallationId,
    Guid SessionId,
    string Platform,
    string AppVersion,
    string OsVersion,
    string DeviceModel,
    bool ColdStart,
    TimeSpan TimeToFirstFrame,
    string? DeepLink,
    string? Referrer);

/// <summary>An app session closed by the app (foreground time and screens seen).</summary>
public sealed record AppSessionEnd(Guid SessionId, string InstallationId, TimeSpan Foreground, int ScreensViewed, bool Crashed);

/// <summary>Feedback typed into the app's feedback sheet.</summary>
public sealed record FeedbackSubmission(
    Guid FeedbackId,
    string InstallationId,
    string? AccountId,
    int Rating,
    string Category,
    string Text,
    string? ContactEmail,
    string AppVersion,
    string Platform,
    string? Screen,
    bool HasScreenshot);

/// <summary>A registered installation as the device registry stores it.</summary>
public sealed class InstallationRecord
{
    public required string InstallationId { get; init; }

    public required string AccountId { get; init; }

    public required string Platform { get; init; }

    public string? PushToken { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? LastSeenAt { get; set; }

    public bool Attested { get; set; }
}

public interface IInstallationStore
{
    Task<InstallationRecord?> FindAsync(string installationId, CancellationToken cancellationToken = default);

    Task SaveAsync(InstallationRecord record, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InstallationRecord>> ForAccountAsync(string accountId, CancellationToken cancellationToken = default);

    Task RemoveTokenAsync(string pushToken, CancellationToken cancellationToken = default);
}

/// <summary>The mobile settings every service binds from configuration.</summary>
public sealed class MobileOptions
{
    public string AndroidPackage { get; init; } = "org.example.app";

    public string IosBundleId { get; init; } = "org.example.app";

    public string MinimumAppVersion { get; init; } = "5.0.0";

    public TimeSpan MaxQueueAge { get; init; } = TimeSpan.FromDays(7);

    public int MaxBatchSize { get; init; } = 200;
}
