using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Caching;
using PrivacyHoldout31.Support.Redis;

namespace PrivacyHoldout31.Gaming;

public sealed record LeaderboardEntry(int Rank, string Gamertag, long Score);

public interface ILeaderboardStore
{
    Task<IReadOnlyList<LeaderboardEntry>> FriendsAsync(Guid playerId, string season, CancellationToken cancellationToken);

    Task<IReadOnlyList<LeaderboardEntry>> GlobalAsync(string season, string region, CancellationToken cancellationToken);
}

/// <summary>One friend request per pair and day; friends and global boards are cached.</summary>
public sealed class FriendRequests(IDatabase redis, HybridCache cache, ILeaderboardStore boards, ILogger<FriendRequests> logger)
{
    private static readonly HybridCacheEntryOptions BoardOptions = new() { Expiration = TimeSpan.FromMinutes(2) };

    public async Task<bool> SendAsync(Guid fromPlayer, Guid toPlayer, string toGamertag)
    {
        var key = $"friend-req:{fromPlayer:N}:{toPlayer:N}";
        if (!await redis.StringSetAsync(key, "1", TimeSpan.FromDays(1), When.NotExists))
        {
            logger.LogDebug("Friend request {RequestKey} already sent today", key); // leak TC1001 strings
            return false;
        }

        Activity.Current?.SetTag("friend_request.to", toGamertag); // leak TC1001 direct
        return true;
    }

    public async Task<IReadOnlyList<LeaderboardEntry>> FriendsBoardAsync(Guid playerId, string season, CancellationToken ct)
    {
        var key = $"board:friends:{playerId:N}:{season}";
        var board = await cache.GetOrCreateAsync(key, token => new ValueTask<IReadOnlyList<LeaderboardEntry>>(boards.FriendsAsync(playerId, season, token)), BoardOptions, cancellationToken: ct);
        Activity.Current?.SetTag("leaderboard.cache_key", key); // leak TC1001 strings
        Activity.Current?.SetTag("leaderboard.entries", board.Count); // clean precision-about
        return board;
    }

    public async Task<IReadOnlyList<LeaderboardEntry>> GlobalBoardAsync(string season, string region, CancellationToken ct)
    {
        var key = $"board:global:{season}:{region}";
        var board = await cache.GetOrCreateAsync(key, token => new ValueTask<IReadOnlyList<LeaderboardEntry>>(boards.GlobalAsync(season, region, token)), BoardOptions, tags: [$"season:{season}"], cancellationToken: ct);
        Activity.Current?.SetTag("leaderboard.cache_key", key); // clean strings
        Activity.Current?.SetTag("leaderboard.top_score", board.Count > 0 ? board[0].Score : 0); // clean precision-about
        return board;
    }
}
