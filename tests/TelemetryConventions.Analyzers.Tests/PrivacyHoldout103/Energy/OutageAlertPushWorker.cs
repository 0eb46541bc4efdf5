namespace PrivacyHoldout103.Energy;

public sealed record OutageNotice(string IncidentId, string PostcodeDistrict, DateTimeOffset EstimatedRestore, int AffectedPremises);

public sealed record AlertRecipient(string AccountNumber, string InstallationId, string PushToken, string Platform, string Postcode, string? PriorityServiceNeed);

/// <summary>
/// Pushes outage alerts to customers in an affected postcode district. Customers on the priority
/// services register (a dialysis machine at home, a stairlift) are told first.
/// </summary>
public sealed class OutageAlertPushWorker(IFirebaseMessaging fcm, IApnsClient apns, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<OutageAlertPushWorker> logger)
{
    private readonly Counter<long> _priorityAlerts = meter.CreateCounter<long>("energyapp.outage.priority_alerts");

    public async Task NotifyAsync(OutageNotice notice, IReadOnlyList<AlertRecipient> recipients, CancellationToken cancellationToken)
    {
        logger.LogInformation("Outage {IncidentId} in {District}: {Recipients} app users", notice.IncidentId, notice.PostcodeDistrict, recipients.Count); // clean precision-about
        logger.LogInformation("Outage notice {Notice}", notice); // clean logging-objects
        foreach (var recipient in recipients.OrderBy(r => r.PriorityServiceNeed is null))
        {
            using var span = source.StartHomeappPushSend("outage", recipient.Platform);
            span.SetHomeappInstallationId(pseudonymizer.PseudonymizeHomeappInstallationId(recipient.InstallationId)); // clean precision-pseudonym
            if (recipient.PriorityServiceNeed is { } need)
            {
                _priorityAlerts.Add(1, new KeyValuePair<string, object?>("district", notice.PostcodeDistrict)); // clean precision-about
                logger.LogInformation("Priority customer {AccountNumber} ({Need}) alerted first", recipient.AccountNumber, need); // leak TC1001 direct
            }
            var body = $"Power cut in {notice.PostcodeDistrict}; we expect it back by {notice.EstimatedRestore:HH:mm}";
            Activity.Current?.SetTag("push.body", body); // clean strings
            Activity.Current?.SetTag("push.postcode", recipient.Postcode); // leak TC1001 direct
            try
            {
                if (recipient.Platform == "ios")
                {
                    var response = await apns.SendAsync(new ApnsNotification { DeviceToken = recipient.PushToken, Topic = "com.example.energy", PayloadJson = JsonSerializer.Serialize(new { aps = new { alert = body } }) }, cancellationToken);
                    span.SetHomeappMessageId(response.ApnsId ?? string.Empty).SetHomeappOutcome(response.IsSuccess ? "sent" : response.Reason ?? "failed"); // clean precision-names
                    if (response.Reason == "BadDeviceToken")
                    {
                        logger.LogWarning("Bad APNs token {Token} for {Recipient}", recipient.PushToken, recipient.AccountNumber); // leak TC1001 direct
                    }
                }
                else
                {
                    span.SetHomeappMessageId(await fcm.SendAsync(new Message { Token = recipient.PushToken, Notification = new Notification { Title = "Power cut", Body = body } }, cancellationToken)); // clean direct
                }
            }
            catch (FirebaseMessagingException ex)
            {
                span.RecordException(ex, ex.Message); // clean exceptions
                logger.LogHomeappAppRejectedEvent("push", ex.MessagingErrorCode?.ToString() ?? "error", homeappInstallationId: null); // clean exceptions
                meter.CreateHomeappPushSentCounter().Add(1, homeappNotificationKind: "outage", homeappPlatform: recipient.Platform, homeappOutcome: recipient.InstallationId); // leak TC1003 direct
            }
        }
    }

    public void OnReceipt(DeliveryReceipt receipt)
    {
        Activity.Current?.SetTag("push.delivered_after_ms", (DateTimeOffset.UtcNow - receipt.DeliveredAt).TotalMilliseconds); // clean precision-about
        Activity.Current?.SetTag("push.receipt.action", receipt.Action); // clean precision-names
        Activity.Current?.SetTag("push.receipt.installation", Convert.ToBase64String(Encoding.UTF8.GetBytes(receipt.InstallationId))); // leak TC1001 hashes
        meter.CreateHomeappPushSentCounter().Add(0, homeappNotificationKind: "outage", homeappPlatform: receipt.Platform, homeappOutcome: receipt.Opened ? "opened" : "delivered"); // clean precision-about
    }
}
