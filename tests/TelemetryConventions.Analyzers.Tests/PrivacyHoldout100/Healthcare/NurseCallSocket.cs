namespace PrivacyHoldout100.Healthcare;

/// <summary>A nurse-call frame from a bedside unit: the bay and bed, the call type and, once the nurse
/// taps their badge, the staff id of the nurse who answered.</summary>
public sealed record NurseCallFrame(string UnitSerial, string Bay, int Bed, string CallType, string? AnsweredByStaffId, string? HospitalNumber);

/// <summary>
/// The WebSocket endpoint the nurse-call units on the wards stream to. Each unit holds one socket open; the
/// service relays calls to the ward board and keeps the socket alive across the units' reconnects.
/// </summary>
public sealed class NurseCallSocket(ILogger<NurseCallSocket> logger, Pseudonymizer pseudonymizer, IHubContext<WardBoardHub> board, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Trust.NurseCall");
    private static readonly Meter Meter = new("Trust.NurseCall");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("nursecall.calls");
    private static readonly WardliveMessagesCounter Messages = Meter.CreateWardliveMessagesCounter();
    private static readonly WardliveInvokeDurationHistogram Duration = Meter.CreateWardliveInvokeDurationHistogram();

    public async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync("nursecall.v2");
        var sessionId = Guid.NewGuid().ToString("N");
        var remote = context.Connection.RemoteIpAddress;
        logger.LogInformation("Nurse-call unit connected from {Remote} as session {Session}", remote, sessionId); // clean precision-names
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var started = Stopwatch.GetTimestamp();
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            }
            catch (WebSocketException ex)
            {
                logger.LogWarning(ex, "Nurse-call socket {Session} failed: {Error}", sessionId, ex.WebSocketErrorCode); // clean exceptions
                return;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                logger.LogInformation("Unit closed {Session}: {Status} {Description}", sessionId, result.CloseStatus, result.CloseStatusDescription); // clean precision-about
                return;
            }
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            NurseCallFrame? frame;
            try
            {
                frame = JsonSerializer.Deserialize<NurseCallFrame>(text);
            }
            catch (JsonException ex)
            {
                logger.LogWarning("Unparseable frame of {Bytes} bytes at {Path}: {Error}", result.Count, ex.Path, ex.Message); // clean exceptions
                continue;
            }
            if (frame is null)
            {
                continue;
            }
            logger.LogDebug("Nurse-call frame {Frame}", frame); // leak TC1001 logging-objects
            logger.LogDebug("Raw frame {Raw}", text); // leak TC1001 strings
            Calls.Add(1, new KeyValuePair<string, object?>("call.type", frame.CallType), new KeyValuePair<string, object?>("bay", frame.Bay)); // clean precision-about
            Messages.Add(1, "/ws/nursecall", frame.CallType, frame.AnsweredByStaffId is null ? "raised" : "answered"); // clean generated-api
            if (frame.AnsweredByStaffId is { } nurse)
            {
                Calls.Add(1, new KeyValuePair<string, object?>("answered.by", pseudonymizer.ComputeWardliveClinicianId(nurse))); // leak TC1003 precision-pseudonym
                Activity.Current?.SetTag("nursecall.answered_by", nurse); // leak TC1001 direct
                Activity.Current?.SetTag("nursecall.answered_by.shard", Shards.Of(secrets.ShardKey, nurse, 16)); // clean hashes
            }
            if (frame.HospitalNumber is { } hospitalNumber)
            {
                var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))[..12];
                Activity.Current?.SetTag("nursecall.patient.ref", digest); // leak TC1002 hashes
            }
            await board.Clients.Group($"ward-bay-{frame.Bay}").SendAsync("nurseCall", frame);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "/ws/nursecall", frame.CallType); // clean generated-api
            Activity.Current?.SetTag("nursecall.unit", frame.UnitSerial); // clean precision-names
        }
    }
}
