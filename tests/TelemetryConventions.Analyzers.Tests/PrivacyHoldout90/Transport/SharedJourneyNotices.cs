namespace PrivacyHoldout90.Transport;

/// <summary>Someone a rider shares a live journey with: another rider in the app, or a phone number.</summary>
public sealed record ShareContact(Guid? RiderId, string? Phone, string DisplayName);

public sealed record JourneyShare(
    string ShareId,
    Guid RiderId,
    string RiderFirstName,
    string JourneyId,
    string Service,
    string Destination,
    DateTimeOffset Eta,
    IReadOnlyList<ShareContact> Contacts,
    string ViewToken);

/// <summary>
/// Shared journeys: the contacts a rider picks are told where they are and when they arrive, in the app
/// or by SMS with a link to follow the journey live.
/// </summary>
public sealed partial class SharedJourneyNotices(
    INotificationStore inbox,
    ISmsSender sms,
    NotificationOptions options,
    KeyedShards shards,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<SharedJourneyNotices> logger)
{
    private static readonly Meter ShareMeter = new("Transit.SharedJourney");
    private static readonly Counter<long> Notices = ShareMeter.CreateCounter<long>("tripnotify.share.notices", "{notice}");

    public async Task OnSharedAsync(JourneyShare share, CancellationToken cancellationToken)
    {
        using var span = source.StartTripnotifyNotify("journey.shared", "in_app");
        span.SetTripnotifyActorId(pseudonymizer.PseudonymizeTripnotifyActorId(share.RiderId.ToString())); // clean precision-pseudonym
        span.SetTripnotifyRecipientsCount(share.Contacts.Count); // clean precision-about

        var text = $"{share.RiderFirstName} is on the {share.Service} to {share.Destination}, arriving {share.Eta:HH:mm}";
        var link = $"{options.AppBaseUrl}/follow/{share.ShareId}?v={share.ViewToken}";
        LogShared(logger, share.ShareId, share.JourneyId, share.Contacts.Count); // clean precision-names

        foreach (var contact in share.Contacts)
        {
            if (contact.RiderId is { } contactRider)
            {
                await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), contactRider.ToString(), share.RiderId.ToString(), "journey.shared", "share", share.ShareId, text, DateTimeOffset.UtcNow), cancellationToken);
                Notices.Add(1, new KeyValuePair<string, object?>("tripnotify.channel", "in_app")); // clean precision-names
                continue;
            }
            try
            {
                await sms.SendAsync(contact.Phone!, $"{text}. Follow live: {link}", cancellationToken);
                Notices.Add(1, new KeyValuePair<string, object?>("tripnotify.channel", "sms"));
            }
            catch (DeliveryFailedException ex)
            {
                LogSmsFailed(logger, share.ShareId, ex); // leak TC1001 exceptions
                span.SetTripnotifyOutcome("sms_failed");
            }
        }

        span.SetTripnotifyNote(text); // leak TC1001 generated-api
        logger.LogDebug("Follow link {Link}", link); // leak TC1001 strings
        logger.LogDebug("Shared with {Contacts}", share.Contacts.Select(c => c.DisplayName)); // leak TC1001 logging-objects
    }

    public async Task OnArrivedAsync(JourneyShare share, int minutesLate, CancellationToken cancellationToken)
    {
        var text = $"{share.RiderFirstName} has arrived at {share.Destination}";
        foreach (var contact in share.Contacts.Where(c => c.RiderId is not null))
        {
            await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), contact.RiderId!.Value.ToString(), share.RiderId.ToString(), "journey.arrived", "share", share.ShareId, text, DateTimeOffset.UtcNow), cancellationToken);
        }
        Activity.Current?.AddEvent(new ActivityEvent("share.arrived", tags: new ActivityTagsCollection { ["share.id"] = share.ShareId, ["destination"] = share.Destination, ["minutes_late"] = minutesLate })); // clean precision-names
        Activity.Current?.SetTag("tripnotify.share.sms_contact", share.Contacts.FirstOrDefault(c => c.Phone is not null)?.Phone); // leak TC1001 direct
    }

    public void OnStopped(JourneyShare share, string reason)
    {
        var stopReason = reason is "arrived" or "rider_stopped" or "expired" ? reason : "other";
        Activity.Current?.SetTag("tripnotify.share.stopped", stopReason); // clean precision-names
        Activity.Current?.SetTag("tripnotify.share.token_tail", share.ViewToken[^4..]); // clean precision-about
        Activity.Current?.SetTag("tripnotify.share.lane", shards.Of(share.RiderId.ToString("N"), 4)); // clean hashes
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Share {ShareId} of journey {JourneyId} sent to {Contacts} contacts")]
    private static partial void LogShared(ILogger logger, string shareId, string journeyId, int contacts);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Share {ShareId}: a text to a contact failed")]
    private static partial void LogSmsFailed(ILogger logger, string shareId, Exception exception);
}
