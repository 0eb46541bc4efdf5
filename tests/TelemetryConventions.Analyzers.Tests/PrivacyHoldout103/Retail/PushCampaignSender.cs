namespace PrivacyHoldout103.Retail;

public sealed record CampaignAudienceMember(string CustomerNumber, string FirstName, string LoyaltyCard, string InstallationId, string PushToken, string Platform, string HomeStore);

public sealed record Campaign(string CampaignId, string Segment, string TitleTemplate, string BodyTemplate);

/// <summary>Sends the shopping app's offer campaigns, personalised with the customer's first name.</summary>
public sealed class PushCampaignSender(IFirebaseMessaging fcm, IInstallationStore installations, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<PushCampaignSender> logger)
{
    private readonly Counter<long> _campaignPushes = meter.CreateCounter<long>("shopapp.campaign.pushes", "{push}");

    public async Task SendAsync(Campaign campaign, IReadOnlyList<CampaignAudienceMember> audience, CancellationToken cancellationToken)
    {
        logger.LogInformation("Campaign {Campaign} to {Audience} customers", campaign, audience.Count); // clean logging-objects
        foreach (var member in audience)
        {
            using var span = source.StartShopappPushSend("offer", member.Platform);
            span.SetShopappUserId(pseudonymizer.PseudonymizeShopappUserId(member.CustomerNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("campaign.id", campaign.CampaignId); // clean precision-names
            Activity.Current?.SetTag("campaign.home_store", member.HomeStore); // clean precision-names
            var body = campaign.BodyTemplate.Replace("{firstName}", member.FirstName, StringComparison.Ordinal);
            Activity.Current?.SetTag("campaign.body", body); // leak TC1001 strings
            Activity.Current?.SetTag("campaign.template", campaign.BodyTemplate); // clean strings
            try
            {
                var name = await fcm.SendAsync(new Message { Token = member.PushToken, Notification = new Notification { Title = campaign.TitleTemplate, Body = body }, Data = new Dictionary<string, string> { ["card"] = member.LoyaltyCard } }, cancellationToken);
                span.SetShopappMessageId(name).SetShopappOutcome("sent"); // clean direct
                _campaignPushes.Add(1, new KeyValuePair<string, object?>("campaign", campaign.CampaignId), new KeyValuePair<string, object?>("segment", campaign.Segment)); // clean precision-names
            }
            catch (FirebaseMessagingException ex) when (ex.MessagingErrorCode is MessagingErrorCode.Unregistered or MessagingErrorCode.InvalidArgument)
            {
                logger.LogInformation("Token {Token} of customer {CustomerNumber} removed after {Code}", member.PushToken[^6..], member.CustomerNumber, ex.MessagingErrorCode); // leak TC1001 direct
                await installations.RemoveTokenAsync(member.PushToken, cancellationToken);
                _campaignPushes.Add(1, new KeyValuePair<string, object?>("campaign", campaign.CampaignId), new KeyValuePair<string, object?>("card", member.LoyaltyCard[^4..])); // clean precision-about
            }
            catch (FirebaseMessagingException ex)
            {
                span.RecordException(ex, ex.Message); // clean exceptions
                span.SetShopappNote($"{ex.MessagingErrorCode} sending to card {member.LoyaltyCard}"); // leak TC1001 generated-api
            }
        }
    }

    public void OnReceipt(DeliveryReceipt receipt, CampaignAudienceMember member)
    {
        Activity.Current?.SetTag("receipt.message_id", receipt.MessageId); // clean precision-names
        Activity.Current?.SetTag("receipt.customer", member.CustomerNumber); // leak TC1001 direct
        logger.LogInformation("Campaign push opened by {Member}", member); // leak TC1001 logging-objects
        _campaignPushes.Add(0, new KeyValuePair<string, object?>("installation", receipt.InstallationId)); // leak TC1003 direct
        meter.CreateShopappPushSentCounter().Add(1, shopappNotificationKind: "offer", shopappPlatform: receipt.Platform, shopappOutcome: receipt.Opened ? "opened" : "delivered"); // clean precision-about
    }
}
