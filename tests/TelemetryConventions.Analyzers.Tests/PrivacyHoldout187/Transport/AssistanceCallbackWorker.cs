namespace PrivacyHoldout187.Transport;

/// <summary>
/// The assistance line's call-back queue: passengers who asked for help with a journey (ramps, guides) are called
/// back by an agent, who books the assistance; the voice bot fills in the request beforehand.
/// </summary>
public sealed partial class AssistanceCallbackWorker(
    IQueueReceiver<AssistanceCallback> queue,
    IRoutingClient routing,
    IIntentClassifier classifier,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ContactCentreOptions options,
    ILogger<AssistanceCallbackWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout187.Transport.AssistanceCallbacks");

    private readonly Counter<long> _callbacks = meter.CreateCounter<long>("railassist.callbacks");
    private readonly Histogram<double> _lateness = meter.CreateHistogram<double>("railassist.callback.lateness", unit: "min");

    private AssistanceCallback? _current;
    private string _currentAgentEmail = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var callback = await queue.ReceiveAsync(stoppingToken);
            if (callback is null)
            {
                continue;
            }

            _current = callback;
            using var span = Source.StartRailassistOperation(callback.StationCode);
            span.SetRailassistCustomerId(pseudonymizer.PseudonymizeRailassistCustomerId(callback.MobileNumber)); // clean generated-api
            span.SetRailassistChannel("voice-callback"); // clean generated-api
            Activity.Current?.SetTag("callback.request_id", callback.RequestId); // clean precision-names
            Activity.Current?.SetTag("callback.station", callback.StationCode); // clean precision-names
            Activity.Current?.SetTag("callback.due", callback.Due.ToString("O")); // clean precision-about
            Activity.Current?.SetTag("callback.number", callback.MobileNumber); // leak TC1001 direct
            Activity.Current?.SetTag("callback.passenger", callback.PassengerName); // leak TC1001 direct
            Activity.Current?.SetTag("callback.has_number", !string.IsNullOrEmpty(callback.MobileNumber)); // clean precision-about
            Activity.Current?.SetTag("callback.reason", callback.Reason); // leak TC1001 direct
            Activity.Current?.SetTag("callback.reason_length", callback.Reason.Length); // clean precision-about
            _callbacks.Add(1, new KeyValuePair<string, object?>("station", callback.StationCode)); // clean precision-names
            _callbacks.Add(1, new KeyValuePair<string, object?>("mobile", callback.MobileNumber)); // leak TC1003 direct
            _lateness.Record((DateTimeOffset.UtcNow - callback.Due).TotalMinutes, new KeyValuePair<string, object?>("station", callback.StationCode)); // clean precision-names

            var reasonIntent = await classifier.ClassifyAsync(callback.Reason, stoppingToken);
            span.SetRailassistIntent(reasonIntent.Intent); // clean generated-api
            span.SetRailassistIntent(callback.Reason); // leak TC1001 generated-api
            logger.LogInformation("Call-back {RequestId} due {Due} at {Station}", callback.RequestId, callback.Due, callback.StationCode); // clean precision-names
            logger.LogInformation("Call-back request {Callback}", callback); // leak TC1001 logging-objects
            logger.LogInformation("Call-back request {@Callback}", callback with { MobileNumber = callback.MobileNumber[..3] }); // leak TC1001 logging-objects
            logger.LogInformation("Call-back {@Callback}", new { callback.RequestId, callback.StationCode, Intent = reasonIntent.Intent }); // clean logging-objects
            LogCallbackQueued(logger, callback.RequestId, callback.MobileNumber); // clean precision-pseudonym
            LogCallbackFor(logger, callback.RequestId, callback.PassengerName); // leak TC1001 logging-objects

            await CallBackAsync(callback, span, stoppingToken);
        }
    }

    private async Task CallBackAsync(AssistanceCallback callback, RailassistOperationSpan span, CancellationToken cancellationToken)
    {
        try
        {
            var ticket = await routing.HandOffAsync(new HandoffRequest(callback.RequestId, "assistance", "assistance.booking", callback.Reason, 0), cancellationToken);
            var agent = routing.FindAgent(ticket.TicketId);
            _currentAgentEmail = agent?.WorkEmail ?? string.Empty;
            Activity.Current?.SetTag("agent.team", agent?.Team); // clean precision-names
            Activity.Current?.SetTag("agent.name", agent?.DisplayName); // leak TC1001 direct
            Activity.Current?.SetTag("agent.skills", string.Join(",", agent?.Skills ?? [])); // clean precision-names
            logger.LogInformation("Agent {@Agent} calling back", agent); // leak TC1001 logging-objects
            LogAgentAssigned();

            var booking = new AssistanceBooking($"AB-{Random.Shared.Next(100000, 999999)}", callback.StationCode, "ramp", 2);
            logger.LogInformation("Assistance booked {@Booking}", booking); // clean logging-objects
            Activity.Current?.SetTag("assistance.booking_ref", booking.BookingRef); // clean precision-names
            span.SetRailassistOutcome("booked").SetRailassistTurns(booking.Legs); // clean generated-api
            span.SetRailassistNote($"booked {booking.AssistanceType} at {booking.StationCode} for {booking.Legs} legs"); // clean generated-api
            span.SetRailassistNote($"booked for {callback.PassengerName}"); // leak TC1001 generated-api

            var voicemail = new StringBuilder("Calling ").Append(callback.PassengerName).Append(" on ").Append(callback.MobileNumber).ToString();
            logger.LogDebug("Dialler script: {Script}", voicemail); // leak TC1001 strings
            var confirmation = string.Concat("Booking ", booking.BookingRef, " at ", booking.StationCode);
            logger.LogDebug("Confirmation text: {Text}", confirmation); // clean strings
        }
        catch (AgentUnavailableException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogRailassistOperationFailedEvent(callback.StationCode, "no-agent", railassistCustomerId: pseudonymizer.PseudonymizeRailassistCustomerId(callback.MobileNumber), railassistNote: $"retry call-back {callback.RequestId}"); // clean generated-api
        }
        catch (CustomerNotVerifiedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogRailassistOperationFailedEvent(callback.StationCode, "not-verified", railassistNote: ex.Message); // leak TC1001 generated-api
            logger.LogWarning("Not verified ({ErrorType}), {AttemptsLeft} attempts left", ex.GetType().Name, ex.AttemptsLeft); // clean exceptions
        }

        var passengerShard = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(callback.MobileNumber)))[..8];
        Activity.Current?.SetTag("callback.dedupe", passengerShard); // leak TC1002 hashes
        Activity.Current?.SetTag("callback.retry_lane", HashCode.Combine(callback.MobileNumber) & 7); // leak TC1002 hashes
        Activity.Current?.SetTag("callback.partition", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(callback.MobileNumber))[0] % 4); // clean hashes
        meter.CreateRailassistOperationDurationHistogram().Record((DateTimeOffset.UtcNow - callback.Due).TotalSeconds, callback.StationCode); // clean generated-api
        meter.CreateRailassistOperationsCounter().Add(1, callback.StationCode, railassistOutcome: callback.Reason); // leak TC1003 generated-api
    }

    private void LogAgentAssigned()
    {
        logger.LogInformation("Call-back {RequestId} taken by {AgentEmail}", _current?.RequestId, _currentAgentEmail); // leak TC1001 cross-member
        logger.LogInformation("Call-back at {Station} for {Centre}", _current?.StationCode, options.CentreCode); // clean cross-member
        Activity.Current?.SetTag("callback.passenger_mobile", _current?.MobileNumber); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 3701, Level = LogLevel.Information, Message = "Call-back {RequestId} queued for {MobileNumber}")]
    private static partial void LogCallbackQueued(ILogger logger, string requestId, [PrivateData] string mobileNumber);

    [LoggerMessage(EventId = 3702, Level = LogLevel.Information, Message = "Call-back {RequestId} is for {PassengerName}")]
    private static partial void LogCallbackFor(ILogger logger, string requestId, string passengerName);
}
