namespace PrivacyHoldout187.Media;

/// <summary>The broadcaster's complaints line: recorded viewer calls, their transcripts and the quality team's evaluations.</summary>
public sealed partial class ComplaintCallRepository(
    IRecordingStore recordings,
    ITranscriber transcriber,
    ISentimentClient sentiment,
    IRoutingClient routing,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ContactCentreOptions options,
    ILogger<ComplaintCallRepository> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout187.Media.ComplaintCalls");

    private readonly Counter<long> _complaints = meter.CreateCounter<long>("viewerline.complaints");
    private readonly Histogram<int> _scores = meter.CreateHistogram<int>("viewerline.quality.score");
    private readonly Dictionary<string, ViewerComplaintCall> _open = new();

    private string _lastEvaluator = string.Empty;

    public async Task<RecordingSummary?> SaveCallAsync(ViewerComplaintCall call, CancellationToken cancellationToken)
    {
        _open[call.ComplaintRef] = call;
        using var span = Source.StartViewerlineOperation("complaints");
        span.SetViewerlineCustomerId(pseudonymizer.PseudonymizeViewerlineCustomerId(call.ViewerEmail)); // clean generated-api
        span.SetViewerlineChannel("voice"); // clean generated-api
        Activity.Current?.SetTag("complaint.ref", call.ComplaintRef); // clean precision-names
        Activity.Current?.SetTag("complaint.programme_id", call.ProgrammeId); // clean precision-names
        Activity.Current?.SetTag("complaint.viewer_email", call.ViewerEmail); // leak TC1001 direct
        Activity.Current?.SetTag(ViewerlineAttributes.Contact, call.CallerNumber); // leak TC1001 generated-api
        Activity.Current?.SetTag("complaint.caller_masked", "•••• " + call.CallerNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("recording.sid", call.RecordingSid); // clean precision-names
        _complaints.Add(1, new KeyValuePair<string, object?>("programme", call.ProgrammeId)); // clean precision-names
        _complaints.Add(1, new KeyValuePair<string, object?>("viewer", call.ViewerEmail)); // leak TC1003 direct

        var recording = await recordings.FindAsync(call.RecordingSid, cancellationToken);
        if (recording is null)
        {
            logger.LogWarning("Recording {RecordingSid} for complaint {ComplaintRef} not found", call.RecordingSid, call.ComplaintRef); // clean precision-names
            return null;
        }

        logger.LogInformation("Complaint call saved {Call}", call); // leak TC1001 logging-objects
        logger.LogInformation("Complaint call saved {@Call}", new { call.ComplaintRef, call.ProgrammeId, recording.Duration }); // clean logging-objects
        logger.LogInformation("Recording from {CallerNumber} lasted {Duration}", recording.CallerNumber, recording.Duration); // leak TC1001 direct
        logger.LogInformation("Recording lasted {Duration} for programme {ProgrammeId}", recording.Duration, call.ProgrammeId); // clean precision-about

        var lines = await transcriber.TranscribeAsync(call.RecordingSid, cancellationToken);
        var viewerLines = lines.Where(l => l.Speaker == "customer").Select(l => l.Text).ToArray();
        var mood = await sentiment.AnalyseAsync(string.Join(" ", viewerLines), cancellationToken);
        span.SetViewerlineTurns(lines.Count); // clean generated-api
        span.SetViewerlineNote($"sentiment {mood.Label} ({mood.Score:F2}), {viewerLines.Length} viewer lines"); // clean generated-api
        span.SetViewerlineNote("viewer said: " + string.Join(" | ", viewerLines.Take(3))); // leak TC1001 generated-api
        Activity.Current?.AddEvent(new ActivityEvent("transcript.ready", tags: new ActivityTagsCollection { ["lines"] = lines.Count, ["sentiment"] = mood.Label })); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("transcript.key_phrases", tags: new ActivityTagsCollection { ["phrases"] = mood.KeyPhrases.ToArray() })); // leak TC1001 direct
        logger.LogInformation("Transcript lines {Lines}", lines); // leak TC1001 logging-objects
        logger.LogDebug("Transcript confidences {Confidences}", lines.Select(l => l.Confidence).ToArray()); // clean logging-objects

        var dedupeKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(call.ViewerEmail)));
        logger.LogDebug("Dedupe key {DedupeKey} for complaint {ComplaintRef}", dedupeKey, call.ComplaintRef); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(call.ViewerEmail)))[..12];
        logger.LogDebug("Repeat-caller key {RepeatKey} for complaint {ComplaintRef}", keyed, call.ComplaintRef); // clean hashes

        var summary = new RecordingSummary(recording.RecordingSid, recording.Duration, 0, "transcribed");
        logger.LogInformation("Recording {@Summary}", summary); // clean logging-objects
        meter.CreateViewerlineOperationDurationHistogram().Record(recording.Duration.TotalSeconds, "complaints"); // clean generated-api
        return summary;
    }

    public async Task SaveEvaluationAsync(QualityEvaluation evaluation, CancellationToken cancellationToken)
    {
        _lastEvaluator = evaluation.EvaluatorEmail;
        using var activity = Source.StartActivity("quality.evaluation save");
        activity?.SetTag("evaluation.id", evaluation.EvaluationId); // clean precision-names
        activity?.SetTag("evaluation.score", evaluation.Score); // clean precision-about
        activity?.SetTag("evaluation.agent", evaluation.AgentStaffNumber); // leak TC1001 direct
        activity?.SetTag("evaluation.agent_ref", pseudonymizer.Compute("agent", evaluation.AgentStaffNumber)); // clean precision-pseudonym
        activity?.SetTag("evaluation.comment_length", evaluation.Comments.Length); // clean precision-about
        _scores.Record(evaluation.Score, new KeyValuePair<string, object?>("evaluator", evaluation.EvaluatorEmail)); // leak TC1003 direct
        _scores.Record(evaluation.Score, new KeyValuePair<string, object?>("agent", pseudonymizer.Pseudonymize("agent", evaluation.AgentStaffNumber).Value)); // leak TC1003 precision-pseudonym
        _scores.Record(evaluation.Score, new KeyValuePair<string, object?>("form", "qa-v3")); // clean precision-names

        logger.LogInformation("Evaluation saved {@Evaluation}", evaluation); // leak TC1001 logging-objects
        logger.LogInformation("Evaluator comments: {Comments}", evaluation.Comments); // leak TC1001 direct
        LogEvaluation(logger, evaluation.EvaluationId, evaluation.AgentStaffNumber, evaluation.Score); // clean precision-pseudonym

        var agent = routing.FindAgent(evaluation.AgentStaffNumber);
        if (agent is null)
        {
            var ex = new InvalidOperationException($"Agent {evaluation.AgentStaffNumber} not in the workforce tool");
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "agent not found"); // clean exceptions
            return;
        }

        try
        {
            await recordings.UploadAsync($"evaluations/{evaluation.EvaluationId}.json", Array.Empty<byte>(), new Dictionary<string, string>(), cancellationToken);
        }
        catch (RecordingStoreException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogViewerlineOperationFailedEvent("quality", "store-failed", viewerlineNote: $"evaluation {evaluation.EvaluationId} not stored: {ex.StatusCode}"); // clean generated-api
        }

        NotifySupervisor(evaluation.EvaluationId);
    }

    private void NotifySupervisor(string evaluationId)
    {
        logger.LogInformation("Evaluation {EvaluationId} sent to {Supervisor}", evaluationId, options.SupervisorEmail); // leak TC1001 direct
        logger.LogInformation("Evaluation {EvaluationId} was written by {Evaluator}", evaluationId, _lastEvaluator); // leak TC1001 cross-member
        logger.LogInformation("Open complaints {OpenRefs}", _open.Keys.ToList()); // clean cross-member
        logger.LogInformation("Open complaint callers {Callers}", _open.Values.Select(c => c.CallerNumber).ToList()); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 8501, Level = LogLevel.Information, Message = "Evaluation {EvaluationId} of {AgentStaffNumber} scored {Score}")]
    private static partial void LogEvaluation(ILogger logger, string evaluationId, [PrivateData] string agentStaffNumber, int score);
}
