namespace PrivacyHoldout100.Education;

/// <summary>A guardian's subscription to the bus their child rides.</summary>
public sealed record BusSubscription(string GuardianAccountId, string GuardianEmail, string StudentNumber, string BusRoute);

/// <summary>
/// Guardians open a WebSocket from the parents' app to follow the school bus their child rides; the service
/// pushes the bus's position and, at the child's stop, a boarding notice from the driver's tablet.
/// </summary>
public sealed class SchoolBusTrackerSocket(ILogger<SchoolBusTrackerSocket> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("School.BusTracker");
    private static readonly Meter Meter = new("School.BusTracker");
    private static readonly UpDownCounter<long> OpenSockets = Meter.CreateUpDownCounter<long>("bustracker.sockets.open");
    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("bustracker.reconnects");

    public async Task HandleAsync(HttpContext context, BusSubscription subscription)
    {
        var resumeToken = context.Request.Query["resume"];
        using var span = Source.StartClassliveConnection("/ws/bus")
            .SetClassliveTransport("WebSockets") // clean generated-api
            .SetClassliveStudentId(pseudonymizer.PseudonymizeClassliveStudentId(subscription.StudentNumber)); // clean precision-pseudonym
        if (resumeToken is not null)
        {
            span.SetClassliveReconnectAttempt(1); // clean generated-api
            Reconnects.Add(1, new KeyValuePair<string, object?>("route", subscription.BusRoute)); // clean precision-about
        }
        span.Activity?.SetTag("bustracker.query", context.Request.QueryString.Value); // clean strings
        span.Activity?.SetTag(ClassliveAttributes.StudentContact, subscription.GuardianEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("bustracker.guardian.domain", subscription.GuardianEmail.Split('@')[^1]); // clean precision-about
        OpenSockets.Add(1, new KeyValuePair<string, object?>("route", subscription.BusRoute)); // clean precision-about
        logger.LogInformation("Guardian subscription opened: {Subscription}", subscription); // leak TC1001 logging-objects
        logger.LogInformation("Guardian {Guardian} follows route {Route}", subscription.GuardianAccountId, subscription.BusRoute); // leak TC1001 direct
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        try
        {
            await PushPositionsAsync(socket, subscription, context.RequestAborted);
        }
        catch (WebSocketException ex) when (ex.WebSocketErrorCode == WebSocketError.ConnectionClosedPrematurely)
        {
            logger.LogInformation("Parents' app dropped the socket: {Message}", ex.Message); // clean exceptions
        }
        finally
        {
            OpenSockets.Add(-1, new KeyValuePair<string, object?>("route", subscription.BusRoute)); // clean precision-about
        }
    }

    private async Task PushPositionsAsync(WebSocket socket, BusSubscription subscription, CancellationToken cancellationToken)
    {
        var position = new LocationUpdate(51.50721, -0.12758, 8, 90, 9.5, DateTimeOffset.UtcNow);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { route = subscription.BusRoute, position });
        await socket.SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken);
        Activity.Current?.SetTag("bustracker.bus.position", $"{position.Latitude},{position.Longitude}"); // clean precision-about
        Activity.Current?.SetTag("bustracker.payload.bytes", payload.Length); // clean precision-about
        var boarding = $"{subscription.StudentNumber} boarded {subscription.BusRoute} at {DateTimeOffset.UtcNow:HH:mm}";
        Activity.Current?.AddEvent(new ActivityEvent("boarding", tags: new ActivityTagsCollection { ["notice"] = boarding })); // leak TC1001 strings
        var guardianKey = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(subscription.GuardianAccountId)));
        logger.LogDebug("Pushed a position to guardian key {GuardianKey}", guardianKey); // leak TC1002 hashes
        logger.LogDebug("Pushed a position to shard {Shard}", Shards.Of(secrets.ShardKey, subscription.GuardianAccountId, 32)); // clean hashes
    }
}
