namespace PrivacyHoldout100.Retail;

/// <summary>A message on the store assist socket between a customer's app and an associate's handheld.</summary>
public sealed record AssistFrame(string Type, string StoreId, string? CustomerNumber, string? CustomerEmail, string? Text, string? Sku);

/// <summary>
/// Store assist: a customer in the store taps "get help" in the app; the associates' handhelds hold a raw
/// WebSocket to this endpoint and receive the request; the associate who takes it chats with the customer.
/// The handhelds reconnect with exponential back-off when they roam between access points.
/// </summary>
public sealed partial class StoreAssistSocket(ILogger<StoreAssistSocket> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Shop.StoreAssist");
    private static readonly Meter Meter = new("Shop.StoreAssist");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("assist.requests");
    private static readonly Counter<long> HandheldReconnects = Meter.CreateCounter<long>("assist.handheld.reconnects");

    public async Task HandleFrameAsync(WebSocket socket, string associateStaffNumber, AssistFrame frame)
    {
        using var span = Source.StartStoreliveHubInvoke("/ws/assist", frame.Type)
            .SetStoreliveStore(frame.StoreId) // clean generated-api
            .SetStoreliveAssociateId(pseudonymizer.PseudonymizeStoreliveAssociateId(associateStaffNumber)); // clean precision-pseudonym
        switch (frame.Type)
        {
            case "help":
                Requests.Add(1, new KeyValuePair<string, object?>("store", frame.StoreId), new KeyValuePair<string, object?>("has.sku", frame.Sku is not null)); // clean precision-about
                span.Activity?.SetTag("assist.sku", frame.Sku); // clean precision-names
                span.Activity?.SetTag("assist.customer", frame.CustomerNumber); // leak TC1001 direct
                LogHelp(logger, frame.StoreId, frame.CustomerEmail); // leak TC1001 direct
                LogHelpRedacted(logger, frame.StoreId, frame.CustomerEmail); // clean precision-names
                break;
            case "chat":
                logger.LogDebug("Assist chat {Frame}", frame); // leak TC1001 logging-objects
                logger.LogDebug("Assist chat of {Length} characters in {Store}", frame.Text?.Length ?? 0, frame.StoreId); // clean precision-about
                break;
            default:
                logger.LogWarning("Unknown assist frame type {Type}", frame.Type); // clean precision-names
                break;
        }
        var reply = JsonSerializer.SerializeToUtf8Bytes(new { ack = frame.Type });
        await socket.SendAsync(reply, WebSocketMessageType.Text, true, CancellationToken.None);
    }

    public async Task<WebSocket?> ReconnectAsync(Func<Task<WebSocket>> connect, string handheldAssetTag, string storeId)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                var socket = await connect();
                HandheldReconnects.Add(1, new KeyValuePair<string, object?>("store", storeId), new KeyValuePair<string, object?>("attempt", attempt)); // clean precision-about
                Activity.Current?.SetTag("assist.handheld", handheldAssetTag); // clean precision-names
                return socket;
            }
            catch (WebSocketException ex)
            {
                Activity.Current?.AddException(ex); // clean exceptions
                logger.LogWarning("Handheld {Handheld} reconnect {Attempt} failed: {Message}", handheldAssetTag, attempt, ex.Message); // clean exceptions
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)));
            }
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Help requested in {StoreId} by {CustomerEmail}")]
    private static partial void LogHelp(ILogger logger, string storeId, string? customerEmail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Help requested in {StoreId} by {CustomerEmail}")]
    private static partial void LogHelpRedacted(ILogger logger, string storeId, [PrivateData] string? customerEmail);
}
