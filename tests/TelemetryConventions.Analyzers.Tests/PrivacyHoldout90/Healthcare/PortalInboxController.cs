namespace PrivacyHoldout90.Healthcare;

public sealed record MarkReadRequest(IReadOnlyList<string> NotificationIds, string Client);

public sealed record PreferencesRequest(
    IReadOnlyDictionary<string, bool> Channels,
    TimeOnly? QuietStart,
    TimeOnly? QuietEnd,
    string TimeZone,
    bool DigestOnly,
    string? ProxyEmail);

/// <summary>The portal's notification centre: the bell's list, read receipts, the badge count and settings.</summary>
[ApiController]
[Route("api/notifications")]
public sealed class PortalInboxController(
    INotificationStore inbox,
    IPreferenceStore preferences,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<PortalInboxController> logger) : ControllerBase
{
    private static readonly Meter InboxMeter = new("Portal.Inbox");
    private static readonly Histogram<int> UnreadAtOpen = InboxMeter.CreateHistogram<int>("portalnotify.unread.at_open", "{notification}");
    private static readonly Counter<long> Reads = InboxMeter.CreateCounter<long>("portalnotify.reads", "{notification}");

    /// <summary>The signed-in portal account (the patient's, or a proxy's).</summary>
    private string AccountId => HttpContext.User.SubjectId ?? throw new UnauthorizedAccessException();

    [HttpGet("")]
    public async Task<ActionResult> ListAsync(string? cursor, CancellationToken cancellationToken)
    {
        using var span = source.StartPortalnotifyInbox(pseudonymizer.PseudonymizePortalnotifyRecipientId(AccountId)); // clean precision-pseudonym
        var page = await inbox.ListAsync(AccountId, 20, cursor, cancellationToken);
        var unread = page.Count(n => !n.IsRead);
        span.SetPortalnotifyUnreadCount(unread); // clean precision-about
        var etag = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{AccountId}:{cursor}:{page.Count}:{unread}")));
        span.Activity?.SetTag("http.response.header.etag", etag); // leak TC1002 hashes
        UnreadAtOpen.Record(unread, new KeyValuePair<string, object?>("portalnotify.client", HttpContext.RequestHeaders.TryGetValue("X-Client", out var client) ? client : "web")); // clean precision-names
        logger.LogDebug("Inbox page for {Account}: {Count} items after {Cursor}", AccountId, page.Count, cursor); // leak TC1001 cross-member
        return Ok(page);
    }

    [HttpPost("read")]
    public async Task<ActionResult> MarkReadAsync([FromBody] MarkReadRequest request, CancellationToken cancellationToken)
    {
        logger.LogDebug("Mark-read request {@Request}", request); // clean logging-objects
        var now = DateTimeOffset.UtcNow;
        var receipts = request.NotificationIds.Select(id => new ReadReceipt(id, AccountId, now, request.Client)).ToList();
        var changed = await inbox.MarkReadAsync(AccountId, request.NotificationIds, now, cancellationToken);

        Reads.Add(changed, new KeyValuePair<string, object?>("portalnotify.client", request.Client)); // clean precision-names
        Reads.Add(changed, new KeyValuePair<string, object?>("portalnotify.reader", pseudonymizer.ComputePortalnotifyRecipientId(AccountId))); // leak TC1003 precision-pseudonym
        foreach (var receipt in receipts)
        {
            Activity.Current?.AddEvent(new ActivityEvent("notification.read", tags: new ActivityTagsCollection { ["notification.id"] = receipt.NotificationId, ["read.client"] = receipt.Client })); // clean precision-names
        }
        logger.LogInformation("Read receipts written: {@Receipts}", receipts); // leak TC1001 logging-objects
        return Ok(new { changed });
    }

    [HttpGet("unread-count")]
    public async Task<ActionResult> UnreadCountAsync(CancellationToken cancellationToken)
    {
        var count = await inbox.CountUnreadAsync(AccountId, cancellationToken);
        Activity.Current?.SetTag("portalnotify.badge", count); // clean precision-about
        Activity.Current?.SetBaggage("portal.account", AccountId); // leak TC1001 cross-member
        return Ok(new { count });
    }

    [HttpPost("preferences")]
    public async Task<ActionResult> UpdatePreferencesAsync([FromBody] PreferencesRequest request, CancellationToken cancellationToken)
    {
        var quiet = request is { QuietStart: { } start, QuietEnd: { } end } ? new QuietHours(start, end, request.TimeZone) : null;
        var settings = new NotificationPreferences(AccountId, request.Channels, quiet, request.DigestOnly);
        await preferences.SaveAsync(settings, cancellationToken);

        logger.LogInformation("Quiet hours now {QuietHours}, digest only {DigestOnly}", settings.QuietHours, settings.DigestOnly); // clean precision-about
        Activity.Current?.SetTag("portalnotify.channels.on", string.Join(",", request.Channels.Where(c => c.Value).Select(c => c.Key))); // clean precision-about
        if (request.ProxyEmail is { Length: > 0 } proxyEmail)
        {
            Activity.Current?.SetTag(PortalnotifyAttributes.RecipientContact, proxyEmail); // leak TC1001 generated-api
        }
        return Ok();
    }
}
