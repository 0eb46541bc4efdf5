namespace PrivacyHoldout187.Healthcare;

/// <summary>The trust's online symptom checker: a bot asks the questions, a nurse takes over when it is unsure.</summary>
[ApiController]
[Route("api/symptom-chat")]
public sealed partial class SymptomChatController(
    IConversationStore conversations,
    IIntentClassifier classifier,
    IRoutingClient routing,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ContactCentreOptions options,
    ILogger<SymptomChatController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout187.Healthcare.SymptomChat");

    private readonly Counter<long> _handoffs = meter.CreateCounter<long>("symptomchat.handoffs");
    private readonly Histogram<double> _confidence = meter.CreateHistogram<double>("symptomchat.intent.confidence");

    private string _currentNhsNumber = string.Empty;
    private string _currentPathway = string.Empty;

    [HttpPost("{conversationId}/messages")]
    public async Task<ActionResult> PostMessage(string conversationId, [FromBody] TriageMessage message)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartSymptomchatOperation(options.CentreCode);
        var patient = pseudonymizer.PseudonymizeSymptomchatCustomerId(message.NhsNumber);
        span.SetSymptomchatCustomerId(patient); // clean generated-api
        span.SetSymptomchatChannel("web-chat"); // clean generated-api
        _currentNhsNumber = message.NhsNumber;

        var activity = Activity.Current;
        activity?.SetTag("chat.conversation_id", conversationId); // clean precision-names
        activity?.SetTag("patient.nhs_number", message.NhsNumber); // leak TC1001 direct
        activity?.SetTag("patient.name", message.PatientName); // leak TC1001 direct
        activity?.SetTag("chat.message.length", message.Text.Length); // clean precision-about
        activity?.SetTag("chat.has_callback_number", message.CallbackNumber is not null); // clean precision-about

        await conversations.AppendAsync(new ChatTurn(conversationId, "customer", message.Text, DateTimeOffset.UtcNow));
        var turns = await conversations.GetTurnsAsync(conversationId);
        span.SetSymptomchatTurns(turns.Count); // clean generated-api

        IntentResult intent;
        try
        {
            intent = await classifier.ClassifyAsync(message.Text);
        }
        catch (MessageRejectedException ex)
        {
            logger.LogWarning(ex, "Message in {ConversationId} was rejected", conversationId); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            return BadRequest("message rejected");
        }

        span.SetSymptomchatIntent(intent.Intent); // clean generated-api
        _confidence.Record(intent.Confidence, new KeyValuePair<string, object?>("intent", intent.Intent)); // clean precision-names
        logger.LogInformation("Symptom text for {ConversationId}: {Symptoms}", conversationId, message.Text); // leak TC1001 direct
        logger.LogDebug("Intent {Intent} at {Confidence:P0} for locale {Locale}", intent.Intent, intent.Confidence, intent.Locale); // clean precision-about
        logger.LogDebug("Classified {@Intent}", intent); // clean logging-objects

        if (intent.Confidence < options.HandoffConfidenceFloor || turns.Count > options.MaxBotTurns)
        {
            return await HandOffToNurse(conversationId, message, intent, turns, span);
        }

        var outcome = new TriageOutcome("chest-pain", "self-care", 4, NeedsNurse: false);
        _currentPathway = outcome.Pathway;
        logger.LogInformation("Triage reached {@Outcome}", outcome); // clean logging-objects
        logger.LogInformation("Triage for {Message}", message); // leak TC1001 logging-objects
        LogPathwayChosen(logger, outcome.Pathway, message.NhsNumber); // clean precision-pseudonym
        LogTriageForPatient(logger, outcome.Disposition, message.PatientName); // leak TC1001 logging-objects
        RecordPathway();
        meter.CreateSymptomchatOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.CentreCode); // clean generated-api
        return Ok(outcome);
    }

    private async Task<ActionResult> HandOffToNurse(string conversationId, TriageMessage message, IntentResult intent, IReadOnlyList<ChatTurn> turns, SymptomchatOperationSpan span)
    {
        var summary = string.Join(" / ", turns.Where(t => t.Speaker == "customer").Select(t => t.Text));
        var request = new HandoffRequest(conversationId, "nurse-triage", intent.Intent, summary, turns.Count);
        logger.LogInformation("Handing off {ConversationId} after {Turns} turns, bot summary {Summary}", conversationId, turns.Count, summary); // leak TC1001 strings
        logger.LogInformation("Handoff request {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Handoff of {Conversation} to {Queue}", request.ConversationId, request.Queue); // clean precision-names

        try
        {
            var ticket = await routing.HandOffAsync(request);
            span.SetSymptomchatOutcome("handed-off"); // clean generated-api
            span.SetSymptomchatNote($"handoff ticket {ticket.TicketId}, position {ticket.Position}"); // clean generated-api
            logger.LogInformation("Nurse queue ticket {@Ticket}", ticket); // clean logging-objects
            _handoffs.Add(1, new KeyValuePair<string, object?>("queue", ticket.Queue)); // clean precision-names
            _handoffs.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeSymptomchatCustomerId(message.NhsNumber))); // leak TC1003 precision-pseudonym
            return Ok(ticket);
        }
        catch (AgentUnavailableException ex)
        {
            span.RecordException(ex).SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            span.SetSymptomchatNote($"no nurse free, callback to {message.CallbackNumber}"); // leak TC1001 generated-api
            logger.LogSymptomchatOperationFailedEvent(options.CentreCode, "no-agent", symptomchatCustomerId: pseudonymizer.PseudonymizeSymptomchatCustomerId(message.NhsNumber)); // clean generated-api
            meter.CreateSymptomchatOperationsCounter().Add(1, options.CentreCode, symptomchatOutcome: "no-agent"); // clean generated-api
            return NotFound("no nurse available");
        }
    }

    [HttpGet("{conversationId}/transcript")]
    public async Task<ActionResult> GetTranscript(string conversationId, [FromBody] string requestedByStaffNumber)
    {
        var turns = await conversations.GetTurnsAsync(conversationId);
        var nurse = routing.FindAgent(requestedByStaffNumber);
        Activity.Current?.SetTag("nurse.staff_number", requestedByStaffNumber); // leak TC1001 direct
        Activity.Current?.SetTag("nurse.team", nurse?.Team); // clean precision-names
        Activity.Current?.SetTag("nurse.id", pseudonymizer.Compute("agent", requestedByStaffNumber)); // clean precision-pseudonym
        Activity.Current?.AddEvent(new ActivityEvent("transcript.read", tags: new ActivityTagsCollection { ["turns"] = turns.Count, ["reader.email"] = nurse?.WorkEmail })); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("transcript.opened", tags: new ActivityTagsCollection { ["conversation"] = conversationId })); // clean precision-names

        var rendered = new StringBuilder();
        foreach (var turn in turns)
        {
            rendered.Append(turn.Speaker).Append(": ").AppendLine(turn.Text);
        }

        logger.LogDebug("Transcript rendered: {Transcript}", rendered.ToString()); // leak TC1001 strings
        logger.LogDebug("Transcript for {ConversationId} has {Lines} lines and {Chars} characters", conversationId, turns.Count, rendered.Length); // clean precision-about
        logger.LogInformation("Last patient line: {Line}", turns.LastOrDefault(t => t.Speaker == "customer")); // leak TC1001 logging-objects

        using (logger.BeginScope(new Dictionary<string, object> { ["ConversationId"] = conversationId, ["Pathway"] = _currentPathway })) // clean precision-names
        {
            logger.LogInformation("Transcript released to the nurse");
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["NhsNumber"] = _currentNhsNumber })) // leak TC1001 cross-member
        {
            logger.LogInformation("Transcript audit entry written");
        }

        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(conversationId))[0] % 16;
        var patientBucket = SHA256.HashData(Encoding.UTF8.GetBytes(_currentNhsNumber))[0] % 32;
        Activity.Current?.SetTag("transcript.shard", shard); // clean hashes
        Activity.Current?.SetTag("patient.bucket", patientBucket); // leak TC1002 hashes
        Activity.Current?.SetTag("patient.ref", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(_currentNhsNumber)))); // leak TC1002 hashes
        var patientShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(_currentNhsNumber))[0] % 8;
        Activity.Current?.SetTag("patient.shard", patientShard); // clean hashes
        return Ok(rendered.Length);
    }

    private void RecordPathway()
    {
        Activity.Current?.SetTag("triage.pathway", _currentPathway); // clean cross-member
        Activity.Current?.SetTag("triage.patient", _currentNhsNumber); // leak TC1001 cross-member
        OpenTelemetry.Baggage.SetBaggage("triage.pathway", _currentPathway); // clean cross-member
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Pathway {Pathway} chosen for {NhsNumber}")]
    private static partial void LogPathwayChosen(ILogger logger, string pathway, [PrivateData] string nhsNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Disposition {Disposition} given to {PatientName}")]
    private static partial void LogTriageForPatient(ILogger logger, string disposition, string patientName);
}
