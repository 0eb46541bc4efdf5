using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using GreenDonut;
using HotChocolate;
using HotChocolate.Types;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;

namespace PrivacyHoldout19.Gaming;

public sealed class FriendsByPlayerDataLoader(IPlayers players, ILogger<FriendsByPlayerDataLoader> logger, IBatchScheduler scheduler)
    : GroupedDataLoader<string, string>(scheduler)
{
    protected override async Task<ILookup<string, string>> LoadGroupedBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        using var activity = GameTelemetry.Source.StartActivity("FriendsByPlayer batch");
        activity?.SetTag("dataloader.batch.key", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join(",", keys.Order()))))); // leak TC1002 hashes
        GameTelemetry.Meter.CreateAppGraphqlBatchSizeHistogram().Record(keys.Count, "Player.friends"); // clean generated-api
        var friends = await players.FriendIdsAsync(keys, cancellationToken);
        logger.LogDebug("Friends batch of {Players} players returned {Friends} links", keys.Count, friends.Sum(g => g.Count())); // clean precision-about
        return friends;
    }
}

[ExtendObjectType<Player>]
public sealed class PlayerExtensions
{
    public async Task<IReadOnlyList<Player>> GetFriendsAsync([Parent] Player player, FriendsByPlayerDataLoader friendIds, [Service] IPlayers players, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("player.region", player.Region); // clean precision-about
        activity?.SetTag("player.gamertag", player.Gamertag); // leak TC1001 direct
        var ids = await friendIds.LoadAsync(player.Id, cancellationToken) ?? [];
        var friends = await players.ByIdsAsync(ids, cancellationToken);
        activity?.SetTag("player.friend.count", friends.Count); // clean precision-about
        return friends;
    }

    public int GetLevelBand([Parent] Player player, ILogger<PlayerExtensions> logger)
    {
        var band = player.Level / 10;
        logger.LogTrace("Level band {Band} for a player of {Region}", band, player.Region); // clean precision-about
        return band;
    }
}
