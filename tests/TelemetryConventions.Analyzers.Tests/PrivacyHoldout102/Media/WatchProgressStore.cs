namespace PrivacyHoldout102.Media;

public sealed class WatchProgress
{
    public long Id { get; set; }

    public Guid SubscriberId { get; set; }

    public Guid ProfileId { get; set; }

    public required string TitleId { get; set; }

    public int PositionSeconds { get; set; }

    public long Version { get; set; }
}

public sealed class ViewingProfile
{
    public Guid Id { get; set; }

    public Guid SubscriberId { get; set; }

    public required string Name { get; set; }

    public string Locale { get; set; } = "en-GB";
}

public sealed class ViewingDbContext : DbContext
{
    public DbSet<WatchProgress> Progress => Set<WatchProgress>();

    public DbSet<ViewingProfile> Profiles => Set<ViewingProfile>();
}

/// <summary>Progress beats from players, saved with last-writer-loses on the row's version.</summary>
public sealed class WatchProgressStore(ViewingDbContext db, IDatabase redis, ILogger<WatchProgressStore> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Streaming.Viewing.Store");
    private static readonly Meter Meter = new("Streaming.Viewing.Store");

    public async Task SaveAsync(Guid subscriberId, Guid profileId, string titleId, int positionSeconds, CancellationToken ct)
    {
        using var span = Source.StartSubsstoreQuery("progress-upsert").SetSubsstoreEntity(nameof(WatchProgress)).SetSubsstoreDbOperation("update"); // clean generated-api
        span.SetSubsstoreSubscriberId(pseudonymizer.PseudonymizeSubsstoreSubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        var row = await db.Progress.SingleOrDefaultAsync(p => p.ProfileId == profileId && p.TitleId == titleId, ct);
        if (row is null)
        {
            db.Progress.Add(new WatchProgress { SubscriberId = subscriberId, ProfileId = profileId, TitleId = titleId, PositionSeconds = positionSeconds });
        }
        else if (row.PositionSeconds < positionSeconds)
        {
            row.PositionSeconds = positionSeconds;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await redis.StringSetAsync($"cw:{profileId}", titleId, TimeSpan.FromDays(30));
            Meter.CreateSubsstoreQueriesCounter().Add(1, "progress-upsert", "ok"); // clean generated-api
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var entry = ex.Entries.Single();
            var stored = await entry.GetDatabaseValuesAsync(ct);
            logger.LogSubsstoreConcurrencyConflictEvent(nameof(WatchProgress), "stale_beat", subsstoreNote: $"title {titleId}: stored {stored?[nameof(WatchProgress.PositionSeconds)]}s, beat {positionSeconds}s"); // clean generated-api
            logger.LogSubsstoreConcurrencyConflictEvent(nameof(WatchProgress), "stale_beat", subsstoreNote: $"profile {profileId} on {titleId}"); // leak TC1001 generated-api
            logger.LogDebug("Stale beat for {ProfileId}", stored?[nameof(WatchProgress.ProfileId)]); // leak TC1001 cross-member
            span.RecordException(ex); // clean exceptions
        }
    }

    public async Task<string?> ContinueWatchingAsync(Guid profileId, CancellationToken ct)
    {
        var key = new RedisKey($"cw:{profileId}");
        try
        {
            var title = await redis.StringGetAsync(key);
            var ttl = await redis.KeyTimeToLiveAsync(key);
            Activity.Current?.SetTag("cw.ttl_days", ttl?.TotalDays); // clean precision-about
            Activity.Current?.SetTag("cw.title", title.ToString()); // clean precision-names
            Activity.Current?.SetTag("cw.key", key.ToString()); // leak TC1001 strings
            return title.HasValue ? title.ToString() : null;
        }
        catch (RedisConnectionException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            return null;
        }
    }
}
