namespace PrivacyHoldout162.Gaming;

public sealed class FoodRewardService(IMessenger messenger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<FoodRewardService> logger)
{
    private static readonly ActivitySource Source = new("Game.FoodRewards");
    private static readonly Meter RewardMeter = new("Game.FoodRewards");
    private static readonly Counter<long> Rewards = RewardMeter.CreateCounter<long>("game.food.rewards");

    private readonly List<FoodReward> _unclaimed = new();
    private readonly HashSet<string> _bannedTags = new();

    public async Task GrantAsync(FoodReward reward, string gamertag, string email, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("game.food.reward");
        activity?.SetTag("reward.partner", reward.Partner); // clean precision-names
        activity?.SetTag("reward.level", reward.Level); // clean precision-about
        activity?.SetTag("reward.promo_code", reward.PromoCode); // leak TC1001 direct
        activity?.SetTag("reward.promo_code.length", reward.PromoCode.Length); // clean precision-about
        activity?.SetTag("reward.player", pseudonymizer.Pseudonymize("game.player", reward.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("reward.player.sample", HMACSHA256.HashData(secrets.ShardKey, reward.PlayerId.ToByteArray())[0] < 26); // clean hashes
        Rewards.Add(1, new KeyValuePair<string, object?>("reward.partner", reward.Partner)); // clean precision-names
        Rewards.Add(1, new KeyValuePair<string, object?>("reward.player", reward.PlayerId)); // leak TC1003 direct
        logger.LogInformation("Reward {@Reward}", reward); // leak TC1001 logging-objects
        logger.LogInformation("Reward for {Player}", Describe(gamertag, reward)); // leak TC1001 strings
        logger.LogInformation("Reward at level {Level} from {Partner}", reward.Level, reward.Partner); // clean precision-about

        if (_bannedTags.Contains(gamertag))
        {
            var ex = new GamertagBannedException(gamertag);
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Reward withheld: {Type}", nameof(GamertagBannedException)); // clean exceptions
            return;
        }

        await messenger.EmailAsync(email, "tpl-food-reward", cancellationToken);
        activity?.SetTag("reward.email", email); // leak TC1001 direct
        _unclaimed.Add(reward);
    }

    public void Ban(string gamertag) => _bannedTags.Add(gamertag);

    public void Sweep()
    {
        logger.LogInformation("Unclaimed rewards: {Count}", _unclaimed.Count); // clean cross-member
        logger.LogInformation("Unclaimed codes: {Codes}", string.Join(",", _unclaimed.Select(r => r.PromoCode))); // leak TC1001 cross-member
        logger.LogInformation("Unclaimed partners: {Partners}", string.Join(",", _unclaimed.Select(r => r.Partner).Distinct())); // clean cross-member
        logger.LogInformation("Banned gamertags: {Tags}", _bannedTags); // leak TC1001 cross-member
    }

    private static string Describe(string gamertag, FoodReward reward) => $"{gamertag} (level {reward.Level})";
}
