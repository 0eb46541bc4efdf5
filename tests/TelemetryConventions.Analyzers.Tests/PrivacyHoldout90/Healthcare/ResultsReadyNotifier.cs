namespace PrivacyHoldout90.Healthcare;

/// <summary>Released by the laboratory system when a report is authorised for release to the portal.</summary>
public sealed record ResultsReleased(string ReportId, string HospitalNumber, string OrderingClinicianId, string Panel, DateTimeOffset ReleasedAt, bool Abnormal);

/// <summary>A patient's portal account and the proxy accounts (carers, parents) that may see their record.</summary>
public sealed record PortalAccount(string AccountId, string HospitalNumber, string GivenName, string Email, string? Mobile, IReadOnlyList<string> ProxyAccountIds);

public interface IPortalAccounts
{
    Task<PortalAccount?> FindByHospitalNumberAsync(string hospitalNumber, CancellationToken cancellationToken);

    Task<PortalAccount?> FindAsync(string accountId, CancellationToken cancellationToken);
}

/// <summary>
/// Tells a patient, and the proxies who manage their care, that results are ready to view. The text names
/// nothing: the portal shows the report after sign-in. Abnormal results wait for the clinician.
/// </summary>
public sealed class ResultsReadyNotifier(
    IQueueReceiver<ResultsReleased> queue,
    IPortalAccounts accounts,
    INotificationStore inbox,
    IPreferenceStore preferences,
    IFirebaseMessaging fcm,
    IDeviceRegistry devices,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ResultsReadyNotifier> logger) : BackgroundService
{
    private const string Verb = "results.ready";
    private const string TemplateId = "results-ready-v3";

    private readonly Counter<long> _withheld = meter.CreateCounter<long>("portalnotify.results.withheld", "{notification}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var released = await queue.ReceiveAsync(stoppingToken);
            if (released is not null)
            {
                await NotifyAsync(released, stoppingToken);
            }
        }
    }

    private async Task NotifyAsync(ResultsReleased released, CancellationToken cancellationToken)
    {
        using var span = source.StartPortalnotifyNotify(Verb, "in_app").SetPortalnotifyTemplate(TemplateId);

        var account = await accounts.FindByHospitalNumberAsync(released.HospitalNumber, cancellationToken);
        if (account is null)
        {
            logger.LogWarning("No portal account for report {ReportId} of patient {HospitalNumber}", released.ReportId, released.HospitalNumber); // leak TC1001 direct
            span.SetPortalnotifyOutcome("no_account");
            return;
        }

        span.SetPortalnotifyRecipientId(pseudonymizer.PseudonymizePortalnotifyRecipientId(account.AccountId)); // clean precision-pseudonym
        span.SetPortalnotifyActorId(pseudonymizer.PseudonymizePortalnotifyActorId(released.OrderingClinicianId)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("portal.recipient", pseudonymizer.ComputePortalnotifyRecipientId(account.AccountId)); // clean precision-pseudonym

        // The trust's release policy: abnormal results are discussed with the patient before they see them.
        if (released.Abnormal)
        {
            _withheld.Add(1, new KeyValuePair<string, object?>("portalnotify.panel", released.Panel)); // clean precision-names
            span.SetPortalnotifyOutcome("withheld_abnormal");
            return;
        }

        var recipients = new List<string> { account.AccountId };
        recipients.AddRange(account.ProxyAccountIds);
        span.SetPortalnotifyRecipientsCount(recipients.Count); // clean precision-about
        logger.LogDebug("Report {ReportId} ready for portal accounts {Recipients}", released.ReportId, recipients); // leak TC1001 logging-objects

        const string text = "New test results are ready to view in your portal.";
        foreach (var recipientId in recipients)
        {
            var notification = new NotificationRecord(NotificationIds.New(), recipientId, released.OrderingClinicianId, Verb, "report", released.ReportId, text, DateTimeOffset.UtcNow)
            {
                CollapseKey = CollapseKeys.For(Verb, released.ReportId),
            };
            await inbox.InsertAsync(notification, cancellationToken);
            span.SetPortalnotifyCollapseKey(notification.CollapseKey); // clean precision-names
            logger.LogInformation("Created notification {NotificationId} ({Verb} {ObjectType}/{ObjectId})", notification.Id, notification.Verb, notification.ObjectType, notification.ObjectId); // clean precision-names

            var settings = await preferences.GetAsync(recipientId, cancellationToken);
            if (settings.QuietHours is { } quiet && quiet.Contains(DateTimeOffset.UtcNow))
            {
                logger.LogInformation("Push of {NotificationId} held: quiet hours {Start}-{End} in {TimeZone}", notification.Id, quiet.Start, quiet.End, quiet.TimeZoneId); // clean precision-about
                continue;
            }
            if (!settings.Allows(NotificationChannel.Push))
            {
                logger.LogDebug("Push switched off in {Preferences}", settings); // leak TC1001 logging-objects
                continue;
            }
            await PushAsync(notification, cancellationToken);
        }

        meter.CreatePortalnotifyFanoutRecipientsHistogram().Record(recipients.Count, Verb);
    }

    private async Task PushAsync(NotificationRecord notification, CancellationToken cancellationToken)
    {
        foreach (var device in await devices.ForOwnerAsync(notification.RecipientId, cancellationToken))
        {
            var message = new Message
            {
                Token = device.Token,
                Notification = new Notification { Title = "Results ready", Body = notification.Text },
                Data = new Dictionary<string, string> { ["notificationId"] = notification.Id, ["deepLink"] = "/results/" + notification.ObjectId },
                Android = new AndroidConfig { CollapseKey = notification.CollapseKey, Priority = Priority.High },
            };
            try
            {
                var messageId = await fcm.SendAsync(message, cancellationToken);
                Activity.Current?.AddEvent(new ActivityEvent("push.sent", tags: new ActivityTagsCollection { ["fcm.message_id"] = messageId, ["device.platform"] = device.Platform })); // clean precision-about
                meter.CreatePortalnotifyNotificationsSentCounter().Add(1, "push", Verb, "delivered");
            }
            catch (FirebaseMessagingException ex) when (ex.MessagingErrorCode == MessagingErrorCode.Unregistered)
            {
                logger.LogInformation("Dropping unregistered token {Token} of installation {InstallationId}", device.Token, device.InstallationId); // leak TC1001 direct
                await devices.RemoveTokenAsync(device.Token, cancellationToken);
            }
            catch (FirebaseMessagingException ex)
            {
                logger.LogPortalnotifyDeliveryFailedEvent("push", ex.MessagingErrorCode?.ToString() ?? "unknown", notification.Id, pseudonymizer.PseudonymizePortalnotifyRecipientId(notification.RecipientId), ex.Message); // clean exceptions
            }
        }
    }
}
