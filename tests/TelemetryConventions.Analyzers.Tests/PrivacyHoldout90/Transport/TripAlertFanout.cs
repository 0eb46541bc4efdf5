namespace PrivacyHoldout90.Transport;

public sealed record Disruption(string IncidentId, string RouteId, string Line, string Cause, int DelayMinutes, DateTimeOffset From, DateTimeOffset Until);

/// <summary>A trip a rider saved to be alerted about. Prints its members.</summary>
public sealed record SavedTrip(Guid RiderId, string TripId, string Origin, string Destination, TimeOnly Departs, string RiderEmail);

public interface ISavedTrips
{
    Task<IReadOnlyList<SavedTrip>> OnRouteAsync(string routeId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}

internal static class TripAlertTelemetry
{
    /// <summary>Marks the span with the rider an alert was escalated for.</summary>
    public static void TagEscalatedRider(this Activity? activity, Guid riderId) =>
        activity?.SetTag("tripnotify.escalated.rider", riderId.ToString("N")); // leak TC1001 direct
}

/// <summary>
/// A disruption: one push to the route topic, then a personal trip alert for every saved trip in the
/// disrupted window, unless the rider is in quiet hours.
/// </summary>
public sealed class TripAlertFanout(
    ISavedTrips trips,
    INotificationStore inbox,
    IPreferenceStore preferences,
    IFirebaseMessaging fcm,
    ActivitySource source,
    Meter meter,
    ILogger<TripAlertFanout> logger)
{
    private const string Verb = "trip.alert";

    private readonly Counter<long> _alerted = meter.CreateCounter<long>("tripnotify.trip.alerts", "{alert}");

    public async Task OnDisruptionAsync(Disruption disruption, CancellationToken cancellationToken)
    {
        using var span = source.StartTripnotifyNotify(Verb, "push");
        var topic = $"route-{disruption.RouteId}";
        span.SetTripnotifyTopic(topic); // clean precision-names
        span.SetTripnotifyCollapseKey($"disruption:{disruption.IncidentId}"); // clean precision-names
        await fcm.SendAsync(new Message
        {
            Topic = topic,
            Notification = new Notification { Title = $"{disruption.Line} disruption", Body = $"{disruption.Cause}: delays of up to {disruption.DelayMinutes} min" },
        }, cancellationToken);
        logger.LogInformation($"Route topic {topic} told of {disruption.Cause}"); // clean strings

        var affected = await trips.OnRouteAsync(disruption.RouteId, disruption.From, disruption.Until, cancellationToken);
        var byRider = affected.GroupBy(t => t.RiderId).ToList();
        span.SetTripnotifyRecipientsCount(byRider.Count); // clean precision-about
        logger.LogInformation("Disruption {IncidentId} on {Line}: {Trips} saved trips of {Riders} riders", disruption.IncidentId, disruption.Line, affected.Count, byRider.Count); // clean precision-about
        if (affected.FirstOrDefault() is { } first)
        {
            logger.LogTrace("First affected trip {Trip}", first); // leak TC1001 logging-objects
        }

        var held = new List<Guid>();
        foreach (var rider in byRider)
        {
            var settings = await preferences.GetAsync(rider.Key.ToString(), cancellationToken);
            if (settings.QuietHours is { } quiet && quiet.Contains(DateTimeOffset.UtcNow))
            {
                if (disruption.DelayMinutes >= 60)
                {
                    span.Activity.TagEscalatedRider(rider.Key); // leak TC1001 cross-member
                }
                else
                {
                    held.Add(rider.Key);
                    continue;
                }
            }

            foreach (var trip in rider)
            {
                var text = $"Your {trip.Departs:HH:mm} from {trip.Origin} to {trip.Destination} may be delayed by up to {disruption.DelayMinutes} min";
                await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), rider.Key.ToString(), null, Verb, "trip", trip.TripId, text, DateTimeOffset.UtcNow) { CollapseKey = $"disruption:{disruption.IncidentId}:{trip.TripId}" }, cancellationToken);
                span.Activity?.AddEvent(new ActivityEvent("trip.alerted", tags: new ActivityTagsCollection { ["trip.id"] = trip.TripId, ["text"] = text })); // clean strings
            }
            _alerted.Add(rider.Count(), new KeyValuePair<string, object?>("tripnotify.rider.bucket", rider.Key.GetHashCode() & 15)); // leak TC1002 hashes
        }

        logger.LogDebug("Held for quiet hours: {Riders}", held); // leak TC1001 logging-objects
        span.SetTripnotifyNote($"{held.Count} riders in quiet hours"); // clean precision-about
        meter.CreateTripnotifyFanoutRecipientsHistogram().Record(byRider.Count, Verb);
    }
}
