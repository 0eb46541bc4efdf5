using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PrivacyHoldout19.Media;

public sealed record Title(string Id, string Name, string Kind, int Year);

public sealed record ViewingProfile(Guid Id, Guid SubscriberId, string Name, bool IsKids, string? LastWatchedTitleId, string Locale);

public sealed record ProgressUpdate(string EventId, string TitleId, int PositionSeconds, int DurationSeconds);

public sealed class ProfileLockedException(ViewingProfile profile)
    : Exception($"Profile '{profile.Name}' is locked by parental controls.");

public sealed class TitleUnavailableException(string titleId, string territory)
    : Exception($"Title {titleId} is not licensed in {territory}.");

public interface ICatalog
{
    Task<IReadOnlyList<Title>> ByIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

public interface IProfiles
{
    Task<ViewingProfile?> FindAsync(Guid profileId, CancellationToken cancellationToken);

    IAsyncEnumerable<ProgressUpdate> ProgressAsync(Guid profileId, string? afterEventId, CancellationToken cancellationToken);
}

internal static class MediaTelemetry
{
    public static readonly ActivitySource Source = new("Streaming.Api");

    public static readonly Meter Meter = new("Streaming.Api");
}
