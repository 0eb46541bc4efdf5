namespace PrivacyHoldout180.Gaming;

/// <summary>Consumes the blood service's confirmations that a player donated; the topic is keyed by player id.</summary>
public sealed class PlayerDonorEvents(IConsumer<string, DonorCampaignSignUp> consumer, Pseudonymizer pseudonymizer, ILogger<PlayerDonorEvents> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Questgive.Confirmations");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            using var activity = Source.StartActivity("Confirmation");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            var signUp = result.Message.Value;
            var tags = Describe(signUp);
            activity?.AddEvent(new ActivityEvent("donated", tags: tags)); // leak TC1001 cross-member
            activity?.AddEvent(new ActivityEvent("donated", tags: new ActivityTagsCollection { ["campaign"] = signUp.CampaignId, ["reward"] = signUp.RewardSku })); // clean precision-names
            PlayerLog.Donated(logger, signUp.PlayerId, signUp.CampaignId); // clean precision-names
            PlayerLog.DonatedEmail(logger, signUp.Email); // leak TC1001 direct
            using (logger.BeginScope(new Dictionary<string, object> { ["Campaign"] = signUp.CampaignId, ["Player"] = pseudonymizer.ComputeQuestgiveDonorId(signUp.PlayerId) })) // clean precision-pseudonym
            {
                logger.LogInformation("Confirmation for {Player}", pseudonymizer.PseudonymizeQuestgiveDonorId(signUp.PlayerId)); // clean precision-pseudonym
            }
            using (logger.BeginScope(new { signUp.CampaignId, signUp.Gamertag })) // leak TC1001 direct
            {
                logger.LogInformation("Reward pending");
            }
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    private static ActivityTagsCollection Describe(DonorCampaignSignUp signUp) =>
        new() { ["player"] = signUp.PlayerId, ["campaign"] = signUp.CampaignId };
}

internal static partial class PlayerLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Player {PlayerId} donated for {CampaignId}")]
    public static partial void Donated(ILogger logger, [PrivateData] string playerId, string campaignId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Confirmation mailed to {Email}")]
    public static partial void DonatedEmail(ILogger logger, string email);
}
