namespace PrivacyHoldout187.Energy;

/// <summary>
/// Consumes the telephony platform's call-ended events (the topic is keyed by the call sid), redacts card details
/// from the recording, transcribes it, scores its sentiment and files the agent's wrap-up.
/// </summary>
public sealed partial class CallRecordingWorker(
    IConsumer<string, CallEnded> consumer,
    IRecordingStore recordings,
    ITranscriber transcriber,
    ISentimentClient sentiment,
    IRoutingClient routing,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ContactCentreOptions options,
    ILogger<CallRecordingWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout187.Energy.CallRecording");

    private readonly Counter<long> _redactions = meter.CreateCounter<long>("tariffcalls.recording.redactions");
    private readonly Counter<long> _callsByAgent = meter.CreateCounter<long>("tariffcalls.calls.handled");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var call = result.Message.Value;
            using var activity = Source.StartActivity("call-ended process");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("call.sid", call.CallSid); // clean precision-names
            activity?.SetTag("call.queue", call.Queue); // clean precision-names
            activity?.SetTag("call.account_number", call.AccountNumber); // leak TC1001 direct
            activity?.SetTag("call.from", call.CallerNumber); // leak TC1001 direct
            activity?.SetTag("call.from_prefix", call.CallerNumber[..3]); // clean precision-about
            activity?.SetTag("call.talk_seconds", call.TalkSeconds); // clean precision-about
            activity?.SetTag("call.hold_seconds", call.HoldSeconds); // clean precision-about
            activity?.SetTag("agent.staff_number", call.AgentStaffNumber); // leak TC1001 direct
            activity?.SetTag("agent.id", pseudonymizer.Compute("agent", call.AgentStaffNumber)); // clean precision-pseudonym
            _callsByAgent.Add(1, new KeyValuePair<string, object?>("agent", call.AgentStaffNumber)); // leak TC1003 direct
            _callsByAgent.Add(1, new KeyValuePair<string, object?>("agent", pseudonymizer.Compute("agent", call.AgentStaffNumber))); // leak TC1003 precision-pseudonym
            _callsByAgent.Add(1, new KeyValuePair<string, object?>("queue", call.Queue)); // clean precision-names

            await ProcessRecordingAsync(call, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task ProcessRecordingAsync(CallEnded call, CancellationToken cancellationToken)
    {
        using var span = Source.StartTariffcallsOperation(call.Queue);
        span.SetTariffcallsCustomerId(pseudonymizer.PseudonymizeTariffcallsCustomerId(call.AccountNumber)); // clean generated-api
        span.SetTariffcallsChannel("voice"); // clean generated-api

        CallRecording? recording;
        try
        {
            recording = await recordings.FindAsync(call.CallSid, cancellationToken);
        }
        catch (RecordingStoreException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Recording lookup failed with {StatusCode}", ex.StatusCode); // clean exceptions
            return;
        }

        if (recording is null)
        {
            logger.LogWarning("No recording for call {CallSid} on {Queue}", call.CallSid, call.Queue); // clean precision-names
            return;
        }

        var redacted = await recordings.RedactPaymentsAsync(recording, cancellationToken);
        _redactions.Add(redacted, new KeyValuePair<string, object?>("queue", call.Queue)); // clean precision-names
        var summary = new RecordingSummary(recording.RecordingSid, recording.Duration, redacted, "redacted");
        logger.LogInformation("Recording redacted {@Summary}", summary); // clean logging-objects
        logger.LogInformation("Recording stored {Recording}", recording); // leak TC1001 logging-objects
        logger.LogInformation("Recording blob {BlobName}", recording.BlobName); // clean precision-names

        var recordingPath = string.Join('/', options.RecordingContainer, call.Queue, recording.RecordingSid);
        logger.LogDebug("Redacted recording kept at {RecordingPath}", recordingPath); // clean strings
        var archiveName = $"archive/{call.AccountNumber}/{recording.RecordingSid}.wav";
        await recordings.UploadAsync(archiveName, Array.Empty<byte>(), new Dictionary<string, string> { ["callSid"] = call.CallSid }, cancellationToken);
        logger.LogInformation("Archived recording to {ArchiveName}", archiveName); // leak TC1001 strings
        logger.LogInformation("Archived recording {RecordingSid} to container {Container}", recording.RecordingSid, options.RecordingContainer); // clean precision-names

        var folderKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(call.AccountNumber)))[..12];
        Activity.Current?.SetTag("recording.folder_key", folderKey); // leak TC1002 hashes
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(call.AccountNumber))[1] & 3;
        Activity.Current?.SetTag("recording.lane", lane); // clean hashes

        IReadOnlyList<TranscriptLine> lines;
        try
        {
            lines = await transcriber.TranscribeAsync(recording.RecordingSid, cancellationToken);
        }
        catch (TranscriptionException ex)
        {
            logger.LogWarning(ex, "Transcription failed for {RecordingSid}", recording.RecordingSid); // clean exceptions
            span.SetTariffcallsNote(ex.Message); // clean generated-api
            return;
        }

        var customerSide = string.Join(" ", lines.Where(l => l.Speaker == "customer").Select(l => l.Text));
        var mood = await sentiment.AnalyseAsync(customerSide, cancellationToken);
        span.SetTariffcallsTurns(lines.Count); // clean generated-api
        Activity.Current?.SetTag("sentiment.label", mood.Label); // clean precision-about
        Activity.Current?.SetTag("sentiment.score", mood.Score); // clean precision-about
        Activity.Current?.SetTag("sentiment.key_phrases", string.Join(",", mood.KeyPhrases)); // leak TC1001 strings
        logger.LogInformation("Sentiment {Sentiment}", mood); // clean logging-objects
        logger.LogInformation("Customer said: {CustomerSide}", customerSide); // leak TC1001 direct
        logger.LogInformation("First transcript line {@Line}", lines.FirstOrDefault()); // leak TC1001 logging-objects
        logger.LogInformation("Transcript of {Words} words at mean confidence {Confidence}", customerSide.Split(' ').Length, lines.Average(l => l.Confidence)); // clean precision-about
        LogCustomerQuote(logger, recording.RecordingSid, lines.LastOrDefault()?.Text ?? string.Empty); // leak TC1001 logging-objects

        if (mood.Score < -0.6)
        {
            span.SetTariffcallsNote($"negative call, last customer words: {lines.Last(l => l.Speaker == "customer").Text}"); // leak TC1001 generated-api
            logger.LogTariffcallsOperationFailedEvent(call.Queue, "negative", tariffcallsCustomerId: pseudonymizer.PseudonymizeTariffcallsCustomerId(call.AccountNumber), tariffcallsNote: $"sentiment {mood.Score:F2}"); // clean generated-api
        }

        await FileWrapUpAsync(call, span);
    }

    private Task FileWrapUpAsync(CallEnded call, TariffcallsOperationSpan span)
    {
        var agent = routing.FindAgent(call.AgentStaffNumber);
        var wrapUp = new WrapUp(call.CallSid, "BILL-QUERY", "Customer upset about estimated bill, says meter reader never came", ComplaintLogged: true);
        span.SetTariffcallsOutcome(wrapUp.WrapCode); // clean generated-api
        logger.LogInformation("Wrap-up {WrapCode}, complaint {Complaint}, notes written {HasNotes}", wrapUp.WrapCode, wrapUp.ComplaintLogged, wrapUp.Notes.Length > 0); // clean precision-about
        logger.LogInformation("Wrap-up {@WrapUp}", wrapUp); // leak TC1001 logging-objects
        logger.LogInformation("Wrap-up by {AgentName} of team {Team}", agent?.DisplayName, agent?.Team); // leak TC1001 direct
        logger.LogInformation("Wrap-up by team {Team} with {SkillCount} skills", agent?.Team, agent?.Skills.Count); // clean precision-names
        meter.CreateTariffcallsOperationsCounter().Add(1, call.Queue, tariffcallsOutcome: wrapUp.WrapCode); // clean generated-api
        meter.CreateTariffcallsOperationsCounter().Add(1, call.AccountNumber); // leak TC1003 generated-api
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Debug, Message = "Recording {RecordingSid} closes with: {Quote}")]
    private static partial void LogCustomerQuote(ILogger logger, string recordingSid, string quote);
}
