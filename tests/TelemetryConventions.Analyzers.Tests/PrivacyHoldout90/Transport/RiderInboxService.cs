namespace PrivacyHoldout90.Transport;

public sealed record ListNotificationsRequest(string RiderId, int PageSize, string? PageToken);

public sealed record ListNotificationsReply(IReadOnlyList<NotificationRecord> Items, string? NextPageToken, int Unread);

public sealed record MarkReadRequest(string RiderId, IReadOnlyList<string> NotificationIds);

public sealed record RouteUsage(string Route, int Trips);

/// <summary>The app's inbox over gRPC (list, mark read), and the weekly travel summary built from it.</summary>
public sealed class RiderInboxService(
    INotificationStore inbox,
    KeyedShards shards,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<RiderInboxService> logger)
{
    private static readonly Meter InboxMeter = new("Transit.Inbox");
    private static readonly Histogram<int> PageSizes = InboxMeter.CreateHistogram<int>("tripnotify.inbox.page", "{notification}");
    private static readonly Counter<long> Reads = InboxMeter.CreateCounter<long>("tripnotify.inbox.reads", "{notification}");

    public async Task<ListNotificationsReply> List(ListNotificationsRequest request, ServerCallContext context)
    {
        using var span = source.StartTripnotifyInbox(pseudonymizer.PseudonymizeTripnotifyRecipientId(request.RiderId)); // clean precision-pseudonym
        span.Activity?.SetTag("rpc.peer", context.Peer); // leak TC1001 direct

        var items = await inbox.ListAsync(request.RiderId, request.PageSize, request.PageToken, context.CancellationToken);
        var unread = await inbox.CountUnreadAsync(request.RiderId, context.CancellationToken);
        span.SetTripnotifyUnreadCount(unread); // clean precision-about
        PageSizes.Record(items.Count, new KeyValuePair<string, object?>("rpc.method", context.Method)); // clean precision-names
        logger.LogDebug("Page of {Count}, verbs {Verbs}", items.Count, items.Select(i => i.Verb).Distinct()); // clean precision-names
        logger.LogTrace("Page {@Items}", items); // leak TC1001 logging-objects
        return new ListNotificationsReply(items, items.Count == request.PageSize ? items[^1].Id : null, unread);
    }

    public async Task<int> MarkRead(MarkReadRequest request, ServerCallContext context)
    {
        if (request.NotificationIds.Count == 0)
        {
            throw new RpcException("InvalidArgument", $"Rider {request.RiderId} sent an empty read receipt"); // leak TC1001 exceptions
        }

        using var span = source.StartTripnotifyInbox(pseudonymizer.PseudonymizeTripnotifyRecipientId(request.RiderId));
        logger.LogDebug("Read receipt {@Request}", request); // leak TC1001 logging-objects
        var changed = await inbox.MarkReadAsync(request.RiderId, request.NotificationIds, DateTimeOffset.UtcNow, context.CancellationToken);
        span.SetTripnotifyNotificationId(request.NotificationIds[0]); // clean precision-names
        span.Activity?.SetTag("tripnotify.read.lane", shards.Of(request.RiderId, 8)); // clean hashes
        Reads.Add(changed, new KeyValuePair<string, object?>("tripnotify.rider", request.RiderId)); // leak TC1003 direct
        return changed;
    }

    public Digest BuildWeeklySummary(string riderId, string firstName, IReadOnlyList<RouteUsage> usage, decimal spent)
    {
        var digest = new Digest { RecipientId = riderId, Period = "weekly", Subject = $"{firstName}, your week on the network" };
        foreach (var line in usage)
        {
            digest.Items.Add(new DigestItem("trips", line.Route, $"{line.Trips} trips on {line.Route}", DateTimeOffset.UtcNow));
        }
        logger.LogInformation("Weekly summary '{Subject}' with {Items} lines", digest.Subject, digest.Items.Count); // leak TC1001 strings
        logger.LogDebug("Summary items {@Items}", digest.Items); // clean logging-objects
        Activity.Current?.SetTag("tripnotify.digest.spend_band", spent switch { < 20m => "low", < 60m => "mid", _ => "high" }); // clean precision-about
        return digest;
    }
}
