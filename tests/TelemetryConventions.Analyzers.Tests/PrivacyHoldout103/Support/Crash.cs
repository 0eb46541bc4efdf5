namespace CrashKit;

// Stand-ins for a crash and ANR intake, in the shape of the reports Crashlytics- and Sentry-style
// mobile SDKs upload: the installation, the build, the stack, breadcrumbs and custom keys.

public sealed record CrashFrame(string Module, string Function, string? File, int? Line, bool InApp);

public sealed record Breadcrumb(DateTimeOffset Timestamp, string Category, string Message, IReadOnlyDictionary<string, string>? Data);

/// <summary>A crash as the SDK uploads it. A class without <c>ToString</c>.</summary>
public sealed class CrashReport
{
    public Guid ReportId { get; init; } = Guid.NewGuid();

    public required string InstallationId { get; init; }

    public string? UserId { get; init; }

    public required string AppVersion { get; init; }

    public required string BuildNumber { get; init; }

    public required string Platform { get; init; }

    public required string OsVersion { get; init; }

    public required string DeviceModel { get; init; }

    public required string ExceptionType { get; init; }

    public string? ExceptionMessage { get; init; }

    public IReadOnlyList<CrashFrame> Frames { get; init; } = [];

    public IReadOnlyList<Breadcrumb> Breadcrumbs { get; init; } = [];

    public IReadOnlyDictionary<string, string> CustomKeys { get; init; } = new Dictionary<string, string>();

    public bool Fatal { get; init; } = true;

    public DateTimeOffset OccurredAt { get; init; }

    public string? DebugId { get; init; }
}

/// <summary>An "application not responding" report: how long the main thread was blocked and where.</summary>
public sealed class AnrReport
{
    public Guid ReportId { get; init; } = Guid.NewGuid();

    public required string InstallationId { get; init; }

    public required string AppVersion { get; init; }

    public required string Platform { get; init; }

    public TimeSpan BlockedFor { get; init; }

    public string MainThreadState { get; init; } = "BLOCKED";

    public IReadOnlyList<CrashFrame> MainThreadFrames { get; init; } = [];

    public string? ForegroundScreen { get; init; }
}

/// <summary>A group of crashes with the same signature.</summary>
public sealed record CrashGroup(string Signature, string Title, int Occurrences, int AffectedInstallations, string FirstSeenVersion);

public interface ISymbolicator
{
    Task<IReadOnlyList<CrashFrame>> SymbolicateAsync(string platform, string buildNumber, string? debugId, IReadOnlyList<CrashFrame> frames, CancellationToken cancellationToken = default);
}

public sealed class MissingSymbolsException(string buildNumber, string? debugId)
    : Exception($"No dSYM or mapping file uploaded for build {buildNumber} (debug id {debugId ?? "none"})")
{
    public string BuildNumber { get; } = buildNumber;
}

public static class CrashSignatures
{
    /// <summary>The grouping signature: SHA-1 of the exception type and the first in-app frames.</summary>
    public static string Of(string exceptionType, IEnumerable<CrashFrame> frames) =>
        Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(
            exceptionType + "|" + string.Join("|", frames.Where(f => f.InApp).Take(5).Select(f => f.Module + "!" + f.Function)))));
}
