namespace PrivacyHoldout90.Healthcare;

/// <summary>Raised by the secure messaging service when a clinician writes to a patient or notes a thread for colleagues.</summary>
public sealed record SecureMessageSent(
    string MessageId,
    string ThreadId,
    string PatientAccountId,
    string SenderStaffId,
    string SenderDisplayName,
    string Body,
    bool IsCareTeamNote);

public interface IStaffDirectory
{
    /// <summary>The staff id of the colleague with this @handle (<c>@nurse.okafor</c>), if any.</summary>
    Task<string?> StaffIdForHandleAsync(string handle, CancellationToken cancellationToken);
}

/// <summary>
/// Turns secure messages into portal notifications, and care-team notes into notifications for the
/// colleagues they @mention. A patient who leaves a message unread for a day gets an email reminder.
/// </summary>
public sealed partial class CareTeamMessageNotifications(
    INotificationStore inbox,
    IStaffDirectory staff,
    IPortalAccounts accounts,
    IEmailSender email,
    IMuteList mutes,
    KeyedShards shards,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<CareTeamMessageNotifications> logger)
{
    private static readonly Meter PortalMeter = new("Portal.Notifications");
    private static readonly Counter<long> MentionCounter = PortalMeter.CreateCounter<long>("portalnotify.mentions", "{mention}");

    public async Task OnMessageSentAsync(SecureMessageSent sent, CancellationToken cancellationToken)
    {
        using var span = source.StartPortalnotifyNotify(sent.IsCareTeamNote ? "note.mention" : "message.received", "in_app");
        span.SetPortalnotifyActorId(pseudonymizer.PseudonymizePortalnotifyActorId(sent.SenderStaffId));

        if (sent.IsCareTeamNote)
        {
            await NotifyMentionedColleaguesAsync(sent, span, cancellationToken);
            return;
        }

        var text = $"New message from {sent.SenderDisplayName}";
        var notification = new NotificationRecord(NotificationIds.New(), sent.PatientAccountId, sent.SenderStaffId, "message.received", "thread", sent.ThreadId, text, DateTimeOffset.UtcNow)
        {
            CollapseKey = CollapseKeys.For("message.received", sent.ThreadId),
        };
        await inbox.InsertAsync(notification, cancellationToken);
        span.SetPortalnotifyNotificationId(notification.Id); // clean precision-names
        span.SetPortalnotifyNote(text); // leak TC1001 generated-api
        logger.LogInformation("Patient notified of a new message in thread {ThreadId}: {Notification}", sent.ThreadId, notification); // leak TC1001 logging-objects
    }

    private async Task NotifyMentionedColleaguesAsync(SecureMessageSent note, PortalnotifyNotifySpan span, CancellationToken cancellationToken)
    {
        var mentions = Mentions.Parse(note.Body);
        MentionCounter.Add(mentions.Count, new KeyValuePair<string, object?>("portalnotify.channel", "in_app")); // clean precision-about
        span.SetPortalnotifyRecipientsCount(mentions.Count);

        foreach (var mention in mentions)
        {
            var staffId = await staff.StaffIdForHandleAsync(mention.Handle, cancellationToken);
            if (staffId is null)
            {
                LogUnknownHandle(logger, mention.Handle, note.ThreadId); // leak TC1001 direct
                continue;
            }
            if (await mutes.IsMutedAsync(staffId, note.SenderStaffId, cancellationToken))
            {
                LogMuted(logger, staffId, note.ThreadId); // clean direct
                continue;
            }

            var text = $"{note.SenderDisplayName} mentioned you in a note on thread {note.ThreadId}";
            await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), staffId, note.SenderStaffId, "note.mention", "thread", note.ThreadId, text, DateTimeOffset.UtcNow), cancellationToken);
            span.Activity?.AddEvent(new ActivityEvent("mention.notified", tags: new ActivityTagsCollection { ["mention.handle"] = mention.Handle, ["thread.id"] = note.ThreadId })); // leak TC1001 direct
            logger.LogDebug("Mention at offset {Index} of a {Length}-character note", mention.Index, note.Body.Length); // clean precision-about
        }
    }

    /// <summary>Runs a day after a message the patient has not opened.</summary>
    public async Task SendUnreadReminderAsync(string accountId, string threadId, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(accountId, cancellationToken);
        if (account is null)
        {
            return;
        }

        var activity = Activity.Current;
        activity?.SetTag("portalnotify.reminder.lane", shards.Of(account.AccountId, 16)); // clean hashes
        activity?.SetTag("portalnotify.recipient.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.Email.ToLowerInvariant())))[..16]); // leak TC1002 hashes
        try
        {
            await email.SendAsync(account.Email, "You have an unread message", $"Hello {account.GivenName}, a message from your care team is waiting in the portal.", cancellationToken);
            activity?.SetTag("portalnotify.email.domain", account.Email[(account.Email.IndexOf('@') + 1)..]); // clean precision-about
        }
        catch (DeliveryFailedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Reminder email for thread {ThreadId} bounced: {Reason}", threadId, ex.Reason); // clean exceptions
            logger.LogPortalnotifyDeliveryFailedEvent("email", "bounced", null, pseudonymizer.PseudonymizePortalnotifyRecipientId(account.AccountId), ex.Reason); // clean exceptions
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "No colleague with handle @{Handle} (thread {ThreadId})")]
    private static partial void LogUnknownHandle(ILogger logger, string handle, string threadId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Mention of {StaffId} muted in thread {ThreadId}")]
    private static partial void LogMuted(ILogger logger, [PrivateData] string staffId, string threadId);
}
