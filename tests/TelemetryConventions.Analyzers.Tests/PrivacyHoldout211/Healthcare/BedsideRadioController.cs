namespace PrivacyHoldout211.Healthcare;

public sealed record BedsideRequest(string NhsNumber, string PatientName, string Ward, string TrackId, string Dedication);

public sealed record WardPlaylist(string Ward, IReadOnlyList<string> TrackIds, int Listeners);

[ApiController]
[Route("bedside-radio")]
public sealed partial class BedsideRadioController(
    ILogger<BedsideRadioController> logger,
    IListenerStore listeners,
    IStudioDesk studio,
    Pseudonymizer pseudonymizer,
    Meter meter,
    StreamingOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.BedsideRadio");
    private static readonly Counter<long> Requests = new Meter("Trust.BedsideRadio").CreateCounter<long>("bedside.requests");
    private string? _lastPatientName;

    [HttpPost("requests")]
    public async Task<ActionResult> Request([FromBody] BedsideRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartWardradioOperation(request.Ward);
        var listener = pseudonymizer.PseudonymizeWardradioListenerId(request.NhsNumber);
        span.SetWardradioListenerId(listener); // clean generated-api
        span.SetWardradioFormat("radio"); // clean generated-api
        span.SetWardradioNote($"request for {request.TrackId} on {request.Ward}"); // clean generated-api
        span.SetWardradioNote(request.Dedication); // leak TC1001 generated-api
        Activity.Current?.SetTag("radio.ward", request.Ward); // clean precision-names
        Activity.Current?.SetTag("radio.track.id", request.TrackId); // clean precision-names
        Activity.Current?.SetTag("patient.nhs_number", request.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("patient.name", request.PatientName); // leak TC1001 direct
        Activity.Current?.SetTag("radio.dedication.length", request.Dedication.Length); // clean precision-about
        _lastPatientName = request.PatientName;
        logger.LogInformation("Request {@Request} received", request); // leak TC1001 logging-objects
        logger.LogInformation("Request for ward {Ward} track {TrackId}", request.Ward, request.TrackId); // clean precision-names
        Requests.Add(1, new KeyValuePair<string, object?>("ward", request.Ward)); // clean precision-names
        Requests.Add(1, new KeyValuePair<string, object?>("patient", request.NhsNumber)); // leak TC1003 direct
        Requests.Add(1, new KeyValuePair<string, object?>("listener", listener.Value)); // leak TC1003 precision-pseudonym
        meter.CreateWardradioOperationsCounter().Add(1, request.Ward); // clean generated-api
        await Task.Yield();
        return Ok();
    }

    [HttpGet("patients/{nhsNumber}/history")]
    public async Task<ActionResult> History(string nhsNumber, CancellationToken cancellationToken)
    {
        var history = await listeners.HistoryAsync(nhsNumber, 50, cancellationToken);
        var activity = Activity.Current;
        activity?.SetTag("history.count", history.Count); // clean precision-about
        activity?.SetTag("history.listener", pseudonymizer.ComputeWardradioListenerId(nhsNumber)); // clean precision-pseudonym
        activity?.SetTag("history.first_track", history.FirstOrDefault()?.TrackId); // clean precision-names
        activity?.SetTag("history.devices", string.Join(",", history.Select(h => h.Device).Distinct())); // clean strings
        activity?.SetTag("history.patient", string.Join("/", nhsNumber, history.Count)); // leak TC1001 strings
        logger.LogDebug("Loaded history {History}", history.FirstOrDefault()); // leak TC1001 logging-objects
        logger.LogDebug("Last request was from {Name}", _lastPatientName); // leak TC1001 cross-member
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Ward"] = "unknown", ["Count"] = history.Count }); // clean logging-objects
        using var scope2 = logger.BeginScope(new Dictionary<string, object> { ["NhsNumber"] = nhsNumber }); // leak TC1001 logging-objects
        try
        {
            var listener = await listeners.FindAsync(nhsNumber, cancellationToken) ?? throw new ListenerNotFoundException(nhsNumber);
            activity?.SetTag("listener.plan", listener.PlanTier); // clean precision-about
            activity?.SetTag("listener.email.domain", listener.Email.Split('@')[1]); // clean precision-about
            activity?.SetTag("listener.dob", listener.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
            LogPatientListened(logger, listener.DisplayName, history.Count); // clean logging-objects
            LogListenerLoaded(logger, listener.Email); // leak TC1001 logging-objects
        }
        catch (ListenerNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            logger.LogWarningradioFailed(nhsNumber);
            return NotFound();
        }

        return Ok(history.Count);
    }

    [HttpGet("shows/{showId}/messages")]
    public async Task<ActionResult> NextMessage(string showId, CancellationToken cancellationToken)
    {
        var message = await studio.NextVoiceMessageAsync(showId, cancellationToken);
        if (message is null)
        {
            Activity.Current?.SetTag("show.id", showId); // clean precision-names
            return NotFound();
        }

        Activity.Current?.SetTag("voice_message.id", message.MessageId); // clean precision-names
        Activity.Current?.SetTag("voice_message.duration_s", message.DurationSeconds); // clean precision-about
        Activity.Current?.SetTag("voice_message.sender", message.SenderPhone); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("voice_message.transcribed", tags: new ActivityTagsCollection { ["words"] = message.Transcript.Split(' ').Length })); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("voice_message.text", tags: new ActivityTagsCollection { ["text"] = message.Transcript })); // leak TC1001 direct
        logger.LogInformation("Voice message {Message}", message with { Transcript = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Voice message {MessageId} for show {ShowId}", message.MessageId, message.ShowId); // clean precision-names
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(message.SenderPhone)));
        Activity.Current?.SetTag("voice_message.sender_hash", key); // leak TC1002 hashes
        var shard = Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(message.SenderPhone)))[..4];
        Activity.Current?.SetTag("voice_message.sender_shard", shard); // clean hashes
        return Ok(message.MessageId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientName} listened to {Count} tracks")]
    private static partial void LogPatientListened(ILogger logger, [PrivateData] string patientName, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded listener {Email}")]
    private static partial void LogListenerLoaded(ILogger logger, string email);
}

internal static class BedsideLogging
{
    public static void LogWarningradioFailed(this ILogger logger, string nhsNumber) =>
        logger.LogWarning("Bedside radio lookup failed for {NhsNumber}", nhsNumber); // leak TC1001 direct
}
