using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Media;

public sealed record WatchlistQuery : PageRequest
{
    public string? Genre { get; init; }

    public Guid? ProfileId { get; init; }
}

public sealed record GetWatchlistQuery(Guid SubscriberId, WatchlistQuery Filter) : IRequest<PagedList<WatchlistItemDto>>;

public sealed record WatchlistItemDto(string TitleId, string Title, string Genre, int? ProgressPercent, DateTimeOffset AddedAt);

public sealed class ViewingProfile
{
    public Guid Id { get; init; }

    public required string Name { get; init; }

    public bool IsKids { get; init; }

    public string MaturityRating { get; init; } = "15";
}

public sealed class WatchlistEntry
{
    public required string TitleId { get; init; }

    public required string Title { get; init; }

    public required string Genre { get; init; }

    public Guid ProfileId { get; init; }

    public int? ProgressPercent { get; init; }

    public DateTimeOffset AddedAt { get; init; }
}

public interface IWatchlistRepository
{
    Task<ViewingProfile?> ProfileAsync(Guid subscriberId, Guid? profileId, CancellationToken cancellationToken);

    Task<(IReadOnlyList<WatchlistEntry> Items, int Total)> PageAsync(Guid profileId, string? genre, int skip, int take, string sortBy, bool descending, CancellationToken cancellationToken);
}

public static class WatchlistMapping
{
    public static WatchlistItemDto ToDto(this WatchlistEntry entry) =>
        new(entry.TitleId, entry.Title, entry.Genre, entry.ProgressPercent, entry.AddedAt);

    public static string Describe(this ViewingProfile profile) =>
        profile.IsKids ? $"{profile.Name} (kids)" : profile.Name;
}

public sealed class GetWatchlistHandler(IWatchlistRepository watchlists, ILogger<GetWatchlistHandler> logger) : IRequestHandler<GetWatchlistQuery, PagedList<WatchlistItemDto>>
{
    private static readonly string[] SortKeys = ["addedAt", "title", "progress"];

    public async Task<PagedList<WatchlistItemDto>> Handle(GetWatchlistQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var profile = await watchlists.ProfileAsync(query.SubscriberId, query.Filter.ProfileId, cancellationToken);
        if (profile is null)
        {
            logger.LogWarning("No viewing profile {ProfileId} on the account", query.Filter.ProfileId); // leak TC1001 direct
            return new PagedList<WatchlistItemDto>([], query.Filter.Page, query.Filter.PageSize, 0);
        }

        var sortBy = SortKeys.Contains(query.Filter.SortBy) ? query.Filter.SortBy! : SortKeys[0];
        Activity.Current?.SetTag("watchlist.sort", sortBy); // clean precision-names
        Activity.Current?.SetTag("watchlist.profile", profile.Describe()); // leak TC1001 cross-member
        Activity.Current?.SetTag("watchlist.profile.kids", profile.IsKids); // clean precision-about
        Activity.Current?.SetTag("watchlist.profile.maturity", profile.MaturityRating); // clean precision-about

        var sample = BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(profile.Id.ToString()))) % 100;
        Activity.Current?.SetTag("watchlist.sample.percentile", sample); // leak TC1002 hashes

        var pageSize = Math.Clamp(query.Filter.PageSize, 1, 60);
        var (items, total) = await watchlists.PageAsync(profile.Id, query.Filter.Genre, query.Filter.Skip, pageSize, sortBy, query.Filter.Descending, cancellationToken);
        var dtos = items.Select(i => i.ToDto()).ToList();

        LibraryTelemetry.WatchlistReads.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        Activity.Current?.SetTag(LibraryAttributes.WatchlistSize, total);
        Activity.Current?.SetTag("watchlist.etag", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", dtos.Select(d => d.TitleId)))))[..12]); // clean hashes
        logger.LogDebug($"Watchlist page {query.Filter.Page} of {(total + pageSize - 1) / pageSize} served"); // clean strings
        logger.LogDebug("Watchlist page {Page}: {Titles}", query.Filter.Page, dtos.Select(d => d.TitleId)); // clean logging-objects
        logger.LogDebug("Watchlist filter {Filter}", query.Filter); // leak TC1001 logging-objects
        return new PagedList<WatchlistItemDto>(dtos, query.Filter.Page, pageSize, total);
    }
}
