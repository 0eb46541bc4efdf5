namespace PrivacyHoldout180.Gaming;

public sealed record CampaignSignUpRequest(string PlayerId, string Gamertag, string Email, string CampaignId, string Platform);

/// <summary>The in-game "Give Blood, Get the Crimson Cape" campaign: players follow a link to register as donors and are granted a cosmetic.</summary>
public sealed class DonorCampaignService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<DonorCampaignService> logger)
{
    private static readonly ActivitySource Source = new("Questgive.Campaign");
    private static readonly Meter Meter = new("Questgive.Campaign");
    private static readonly Counter<long> Grants = Meter.CreateCounter<long>("questgive.rewards.granted");
    private readonly QuestgiveOperationsCounter _operations = Meter.CreateQuestgiveOperationsCounter();
    private DonorCampaignSignUp? _lastSignUp;

    public Task<RewardGrant> SignUp(CampaignSignUpRequest request, ServerCallContext context)
    {
        var signUp = new DonorCampaignSignUp(request.PlayerId, request.Gamertag, request.Email, request.CampaignId, "cape-crimson");
        _lastSignUp = signUp;
        using var span = Source.StartQuestgiveOperation("campaign");
        span.SetQuestgiveDonorId(pseudonymizer.PseudonymizeQuestgiveDonorId(signUp.PlayerId)); // clean precision-pseudonym
        span.SetQuestgiveNote($"campaign {signUp.CampaignId} reward {signUp.RewardSku}"); // clean generated-api
        span.SetQuestgiveNote($"{signUp.Gamertag} signed up"); // leak TC1001 generated-api
        span.Activity?.SetTag("player.id", signUp.PlayerId); // leak TC1001 direct
        span.Activity?.SetTag("player.gamertag", signUp.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("player.platform", request.Platform); // clean precision-about
        span.Activity?.SetTag("client.address", context.Peer); // leak TC1001 direct
        span.Activity?.SetTag("campaign.id", signUp.CampaignId); // clean precision-names
        span.Activity?.SetTag("reward.sku", signUp.RewardSku); // clean precision-names
        span.Activity?.SetTag("player.gamertag_length", signUp.Gamertag.Length); // clean precision-about

        var grant = new RewardGrant(Guid.NewGuid().ToString("N"), signUp.RewardSku, signUp.CampaignId, request.Platform);
        logger.LogInformation("Granted {@Grant}", grant); // clean logging-objects
        logger.LogInformation("Signed up {@SignUp}", signUp); // leak TC1001 logging-objects
        logger.LogInformation("Signed up {SignUp}", signUp with { Email = "" }); // leak TC1001 logging-objects
        Grants.Add(1, new KeyValuePair<string, object?>("campaign", signUp.CampaignId), new KeyValuePair<string, object?>("platform", request.Platform)); // clean precision-about
        Grants.Add(1, new KeyValuePair<string, object?>("gamertag", signUp.Gamertag)); // leak TC1003 direct
        _operations.Add(1, "campaign", signUp.Gamertag); // leak TC1003 generated-api
        _operations.Add(1, "campaign", "granted"); // clean generated-api

        var seat = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(signUp.PlayerId)))[..4];
        Grants.Add(1, new KeyValuePair<string, object?>("cohort", seat)); // clean hashes
        span.Activity?.SetTag("player.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(signUp.PlayerId)))[..16]); // leak TC1002 hashes
        Baggage.SetBaggage("player", pseudonymizer.ComputeQuestgiveDonorId(signUp.PlayerId)); // clean precision-pseudonym
        Baggage.SetBaggage("player.gamertag", signUp.Gamertag); // leak TC1001 direct
        return Task.FromResult(grant);
    }

    public void Retry(ServerCallContext context)
    {
        using var activity = Source.StartActivity("RetryGrant");
        activity?.SetTag("retry.email", _lastSignUp?.Email); // leak TC1001 cross-member
        activity?.SetTag("retry.campaign", _lastSignUp?.CampaignId); // clean precision-names
        try
        {
            throw new RpcException("NotFound", $"Player {_lastSignUp?.PlayerId} has no registration link");
        }
        catch (RpcException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("rpc.status", ex.Status); // clean exceptions
            logger.LogWarning("Grant retry failed with {Type}", ex.GetType().Name); // clean exceptions
        }
    }
}
