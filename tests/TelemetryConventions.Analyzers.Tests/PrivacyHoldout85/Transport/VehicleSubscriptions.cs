namespace PrivacyHoldout85.Transport;

public sealed record VehiclePosition(string VehicleId, string RouteCode, double Latitude, double Longitude, int DelaySeconds);

public sealed record TripAlert(Guid RiderId, string RouteCode, string Message, DateTime IssuedAt);

[SubscriptionType]
public sealed class VehicleSubscriptions(ILogger<VehicleSubscriptions> logger, Meter meter)
{
    private readonly UpDownCounter<int> _subscribers = meter.CreateUpDownCounter<int>("transit.subscriptions.active");
    private readonly ConcurrentDictionary<string, DateTime> _openTopics = new();

    public static string RouteTopic(string routeCode) => $"vehicles.route.{routeCode}";

    public static string RiderAlertsTopic(Guid riderId) => $"alerts.rider.{riderId}";

    public async ValueTask<ISourceStream<VehiclePosition>> OnVehiclesAsync(string routeCode, ITopicEventReceiver receiver, IResolverContext context)
    {
        var topic = RouteTopic(routeCode);
        _subscribers.Add(1, new KeyValuePair<string, object?>("topic", topic)); // clean precision-about
        Activity.Current.EnrichTransitgqlOperation(context.Operation.Name).SetTransitgqlTopic(topic); // clean precision-about
        return await receiver.SubscribeAsync<VehiclePosition>(topic, context.RequestAborted);
    }

    public async ValueTask<ISourceStream<TripAlert>> OnMyAlertsAsync(ITopicEventReceiver receiver, IResolverContext context)
    {
        var topic = RiderAlertsTopic(Guid.Parse(context.User.SubjectId!));
        _openTopics[topic] = DateTime.UtcNow;
        Activity.Current.EnrichTransitgqlOperation(context.Operation.Name).SetTransitgqlTopic(topic); // leak TC1001 generated-api
        _subscribers.Add(1, new KeyValuePair<string, object?>("topic.kind", "rider-alerts")); // clean precision-about
        return await receiver.SubscribeAsync<TripAlert>(topic, context.RequestAborted);
    }

    public void ReportOpenTopics()
    {
        logger.LogInformation("Open topics: {Topics}", string.Join(", ", _openTopics.Keys)); // leak TC1001 cross-member
        logger.LogInformation("{Count} open topics, oldest since {Oldest}", _openTopics.Count, _openTopics.Values.DefaultIfEmpty().Min()); // clean precision-about
    }

    [Subscribe]
    public VehiclePosition OnVehicle([EventMessage] VehiclePosition position)
    {
        logger.LogTrace("Vehicle {Position}", position); // clean logging-objects
        return position;
    }
}

public sealed class TripAlertPublisher(ITopicEventSender sender, ILogger<TripAlertPublisher> logger)
{
    public async Task PublishAsync(TripAlert alert, CancellationToken cancellationToken)
    {
        var topic = VehicleSubscriptions.RiderAlertsTopic(alert.RiderId);
        using var scope = logger.BeginScope("Alert topic {Topic}", topic); // leak TC1001 strings
        await sender.SendAsync(topic, alert, cancellationToken);
        logger.LogDebug("Alert on route {RouteCode} issued {IssuedAt}", alert.RouteCode, alert.IssuedAt); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("transit.alert.sent", tags: new ActivityTagsCollection { ["rider"] = alert.RiderId })); // leak TC1001 direct
    }
}

/// <summary>The rider app's sockets: <c>connection_init</c> carries the app's token and the travel card the rider is tapping with.</summary>
public sealed class RiderSocketInterceptor(ILogger<RiderSocketInterceptor> logger) : DefaultSocketSessionInterceptor
{
    public override ValueTask OnRequestAsync(ISocketSession session, string operationSessionId, OperationRequestBuilder requestBuilder, CancellationToken cancellationToken)
    {
        var card = session.ConnectionInitPayload.TryGetValue("cardNumber", out var c) ? c as string : null;
        requestBuilder.SetGlobalState("cardNumber", card);
        logger.LogDebug("Operation {OperationSessionId} on {ConnectionId}", operationSessionId, session.ConnectionId); // clean precision-about
        logger.LogDebug("Operation on card ending {Last4}", card?[^4..]); // clean precision-about
        logger.LogDebug("Operation on card {Card}", card); // leak TC1001 direct
        return ValueTask.CompletedTask;
    }
}
