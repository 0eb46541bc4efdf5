using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Media;

public sealed record ContinueWatchingRow(string TitleId, string EpisodeId, int PositionSeconds, DateTimeOffset UpdatedAt);

public sealed record ProfileRow(Guid ProfileId, Guid SubscriberId, string Name, bool IsKids, string MaturityRating);

public interface IViewingConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>Continue-watching rows: Dapper over the viewing database, a Redis cache in front.</summary>
public sealed class WatchHistoryRepository(IViewingConnectionFactory connections, IDistributedCache cache, TelemetrySecrets secrets, ILogger<WatchHistoryRepository> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Media.Viewing");

    public async Task<IReadOnlyList<ContinueWatchingRow>> GetContinueWatchingAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var cacheKey = $"cw:{KeyedShard(profileId)}:{profileId:N}";
        using var span = Source.StartDataOperation("query", "ContinueWatching").SetDataStore("viewing").SetDataQueryName("ContinueWatching");
        span.SetDataNote($"cache shard {KeyedShard(profileId)}"); // clean hashes

        var cached = await cache.GetStringAsync(cacheKey, cancellationToken);
        meter.CreateDataCacheRequestsCounter().Add(1, dataQueryName: "ContinueWatching", dataCacheHit: cached is not null); // clean precision-about
        if (cached is not null)
        {
            return JsonSerializer.Deserialize<List<ContinueWatchingRow>>(cached) ?? [];
        }

        logger.LogDebug("Continue-watching miss for {CacheKey}", cacheKey); // leak TC1001 strings

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ContinueWatchingRow>("viewing.usp_ContinueWatching", new { ProfileId = profileId, Take = 20 }, commandType: CommandType.StoredProcedure)).ToList();
        span.SetDataRows(rows.Count); // clean precision-about
        Activity.Current?.SetTag("media.cw.titles", string.Join(",", rows.Select(r => r.TitleId))); // clean direct

        await cache.SetStringAsync(cacheKey, JsonSerializer.Serialize(rows), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) }, cancellationToken);
        return rows;
    }

    public async Task RecordProgressAsync(ProfileRow profile, string titleId, string episodeId, int positionSeconds, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("upsert", "ContinueWatching").SetDataStore("viewing").SetDataRecordKey($"{titleId}/{episodeId}"); // clean direct
        Activity.Current?.SetTag("media.profile.kids", profile.IsKids); // clean precision-about
        Activity.Current?.SetTag("media.profile.name", profile.Name); // leak TC1001 cross-member

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await connections.OpenAsync(cancellationToken);
                await connection.ExecuteAsync("viewing.usp_RecordProgress", new { profile.ProfileId, TitleId = titleId, EpisodeId = episodeId, Position = positionSeconds }, commandType: CommandType.StoredProcedure);
                break;
            }
            catch (SqlException ex) when (ex.Number == 1205 && attempt < 3)
            {
                // "Transaction (Process ID 71) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction."
                logger.LogWarning(ex, "Deadlock recording progress, attempt {Attempt}", attempt); // clean exceptions
                span.SetDataNote($"deadlock retry {attempt}"); // clean generated-api
            }
        }

        var legacyKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(profile.ProfileId.ToString())));
        await cache.RemoveAsync($"cw-v1:{legacyKey}", cancellationToken);
        await cache.RemoveAsync($"cw:{KeyedShard(profile.ProfileId)}:{profile.ProfileId:N}", cancellationToken);
        logger.LogDebug("Evicted legacy continue-watching entry {LegacyKey}", legacyKey); // leak TC1002 hashes
    }

    private int KeyedShard(Guid profileId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(profileId.ToByteArray())[0] & 0x0F;
    }
}

/// <summary>Profiles of a subscriber, read for the profile picker.</summary>
public sealed class ProfileReader(IViewingConnectionFactory connections, ILogger<ProfileReader> logger, Pseudonymizer pseudonymizer)
{
    public async Task<IReadOnlyList<ProfileRow>> GetProfilesAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var profiles = (await connection.QueryAsync<ProfileRow>(
            "SELECT profile_id, subscriber_id, name, is_kids, maturity_rating FROM viewing.profiles WHERE subscriber_id = @SubscriberId AND deleted_at IS NULL",
            new { SubscriberId = subscriberId })).ToList();

        Activity.Current?.SetTag("media.profiles", profiles.Count); // clean precision-about
        Activity.Current?.SetTag("media.subscriber", pseudonymizer.ComputeDataSubjectId(subscriberId.ToString())); // clean precision-pseudonym
        logger.LogDebug("Profile picker rows {Profiles}", profiles); // leak TC1001 logging-objects
        logger.LogDebug("Profile picker maturity ratings {Ratings}", profiles.Select(p => p.MaturityRating).Distinct().ToArray()); // clean logging-objects
        return profiles;
    }
}
