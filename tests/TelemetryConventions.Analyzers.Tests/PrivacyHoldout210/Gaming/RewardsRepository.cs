using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Gaming;

/// <summary>A reward for booking a bulky collection instead of fly-tipping: a voucher sent to the player.</summary>
public sealed record BulkyReward(string RewardId, Guid PlayerId, string VoucherCode, string DeliveryEmail, int Points);

/// <summary>The player could not be found: the message quotes the player's id.</summary>
public sealed class PlayerNotFoundException(Guid playerId) : Exception($"Player {playerId} not found");

public sealed class RewardsRepository(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<RewardsRepository> logger)
{
    private static readonly ActivitySource Source = new("BinQuest.Rewards");
    private readonly Dictionary<Guid, BulkyReward> _rewards = new();

    public BulkyReward Grant(Guid playerId, string deliveryEmail, BulkyCollection booking)
    {
        using var activity = Source.StartActivity("binquest.reward");
        activity?.SetTag("binquest.booking.id", booking.BookingId); // clean precision-names
        activity?.SetTag("binquest.booking.items", booking.Items.Count); // clean precision-about
        activity?.SetTag("binquest.booking.postcode", booking.Postcode); // leak TC1001 direct
        activity?.SetTag("binquest.delivery_email", deliveryEmail); // leak TC1001 direct
        activity?.SetTag("binquest.email_template_id", "bulky-reward-v2"); // clean precision-names

        var reward = new BulkyReward(Guid.NewGuid().ToString("N"), playerId, $"BQ{Random.Shared.Next(100000, 999999)}", deliveryEmail, 50);
        _rewards[playerId] = reward;
        activity?.SetTag("binquest.reward.id", reward.RewardId); // clean precision-names
        logger.LogInformation("Reward {Reward}", reward); // leak TC1001 logging-objects
        logger.LogInformation("Reward {RewardId} worth {Points}", reward.RewardId, reward.Points); // clean precision-names
        Baggage.SetBaggage("binquest.player", pseudonymizer.ComputeBinquestResidentId(playerId.ToString())); // clean precision-pseudonym
        Baggage.SetBaggage("binquest.player.raw", playerId.ToString()); // leak TC1001 direct
        var pseudonym = Pseudonym.FromComputed(playerId.ToString());
        activity?.SetTag("binquest.player.pseudonym", pseudonym.Value); // leak TC1001 precision-pseudonym
        return reward;
    }

    public BulkyReward? Find(Guid playerId)
    {
        using var activity = Source.StartActivity("binquest.reward.find");
        if (!_rewards.TryGetValue(playerId, out var reward))
        {
            var ex = new PlayerNotFoundException(playerId);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(PlayerNotFoundException)); // clean exceptions
            logger.LogError(ex, "Reward lookup failed"); // leak TC1001 exceptions
            return null;
        }

        var key = BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(reward.DeliveryEmail)));
        activity?.SetTag("binquest.avatar.key", key); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, playerId.ToByteArray())[0] & 31;
        activity?.SetTag("binquest.shard", shard); // clean hashes
        activity?.SetTag("binquest.pseudonym.shard", pseudonymizer.ComputeBinquestResidentId(playerId.ToString()).GetHashCode() & 15); // clean hashes
        return reward;
    }
}
