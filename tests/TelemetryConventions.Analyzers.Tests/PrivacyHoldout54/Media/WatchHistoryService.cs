using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;

namespace PrivacyHoldout54.Media;

public sealed class ViewingProfile : IFormattable
{
    public Guid ProfileId { get; init; }

    public Guid SubscriberId { get; init; }

    public string Name { get; set; } = "";

    public bool IsKids { get; init; }

    public string MaturityRating { get; set; } = "";

    /// <summary>"K" is the kind of profile, for dashboards; the default is the name as the app shows it.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => format == "K" ? (IsKids ? "kids" : "standard") : Name;

    public override string ToString() => Name;
}

public sealed record WatchEvent(Guid ProfileId, string TitleId, int? Episode, TimeSpan Position, string DeviceClass);

public sealed record ContinueWatchingRow(string TitleId, int ProgressPercent, [property: JsonIgnore] Guid ProfileId);

public sealed class WatchHistoryViewModel
{
    public string ProfileName { get; init; } = "";

    public IReadOnlyList<ContinueWatchingRow> Rows { get; init; } = [];

    public override string ToString() => $"{Rows.Count} continue-watching rows";
}

public sealed class WatchHistoryService(ILogger<WatchHistoryService> logger, Meter meter)
{
    private readonly Counter<long> _plays = meter.CreateCounter<long>("media.plays");

    public void Record(ViewingProfile profile, WatchEvent watch)
    {
        var activity = Activity.Current;
        logger.LogInformation("Watching {Title} on {Profile:K}", watch.TitleId, profile); // leak TC1001 strings
        logger.LogInformation("Watching {Title} on a {ProfileKind} profile", watch.TitleId, profile.ToString("K", null)); // clean strings
        activity?.SetTag("media.profile.kind", $"{profile:K}"); // clean strings
        activity?.SetTag("media.profile", $"{profile}"); // leak TC1001 strings
        activity?.SetTag("media.title", watch.TitleId); // clean direct
        activity?.SetTag("media.device.class", watch.DeviceClass);
        _plays.Add(1, new KeyValuePair<string, object?>("title", watch.TitleId), new KeyValuePair<string, object?>("maturity", profile.MaturityRating)); // clean precision-about
        _plays.Add(1, new KeyValuePair<string, object?>("profile", profile.ProfileId)); // leak TC1003 direct
    }

    public WatchHistoryViewModel ContinueWatching(ViewingProfile profile, IReadOnlyList<ContinueWatchingRow> rows)
    {
        var model = new WatchHistoryViewModel { ProfileName = profile.Name, Rows = rows };
        logger.LogDebug("Rendered {ViewModel}", model); // clean logging-objects
        logger.LogDebug("Rows {Rows}", rows); // leak TC1001 logging-objects
        Activity.Current?.SetTag("media.rows", JsonSerializer.Serialize(rows)); // clean logging-objects
        Activity.Current?.SetTag("media.rows.count", rows.Count);
        return model;
    }

    public void Update(ViewingProfile before, ViewingProfile after)
    {
        var changes = new List<string>();
        if (before.Name != after.Name)
        {
            changes.Add($"Name: {before.Name} -> {after.Name}");
        }
        if (before.MaturityRating != after.MaturityRating)
        {
            changes.Add($"MaturityRating: {before.MaturityRating} -> {after.MaturityRating}");
        }

        logger.LogModelChangedEvent(nameof(ViewingProfile), modelChanges: string.Join(",", changes.Select(c => c.Split(':')[0])), modelChangeCount: changes.Count); // clean generated-api
        logger.LogInformation("Profile updated: {Changes}", changes); // leak TC1001 strings
        Activity.Current?.AddModelChangedEvent(nameof(ViewingProfile), modelNote: string.Join("; ", changes)); // leak TC1001 generated-api
        logger.LogInformation("Maturity {Before} -> {After}", before.MaturityRating, after.MaturityRating);
    }
}
