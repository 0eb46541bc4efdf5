namespace PrivacyHoldout158.Healthcare;

/// <summary>The crisis line's call handling API: the telephony platform posts each answered call, the triage outcome and the hang-up.</summary>
[ApiController]
[Route("api/crisis-calls")]
public sealed class CrisisCallController(
    ICallPlatform platform,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    HelplineOptions options,
    ILogger<CrisisCallController> logger) : ControllerBase
{
    private static readonly Counter<long> AnsweredCalls = new Meter("Helplines.Crisis").CreateCounter<long>("crisis.calls.answered");
    private static readonly Histogram<double> Waits = new Meter("Helplines.Crisis").CreateHistogram<double>("crisis.queue.wait", "s");

    private string? lastHighRiskCaller;
    private CounsellorShift? longestShift;
    private readonly Dictionary<string, int> repeatCallers = new();

    [HttpPost("answered")]
    public async Task<ActionResult> Answered([FromBody] CrisisCall call)
    {
        using var span = source.StartCrisislineOperation(call.LineCode);
        span.SetCrisislineCallerId(pseudonymizer.PseudonymizeCrisislineCallerId(call.CallerNumber)); // clean precision-pseudonym
        span.SetCrisislineCounsellorId(pseudonymizer.PseudonymizeCrisislineCounsellorId(call.CounsellorStaffId)); // clean precision-pseudonym
        span.SetCrisislineRiskLevel(call.RiskLevel); // clean precision-about

        Activity.Current?.SetTag("crisis.call.id", call.CallId); // clean precision-names
        Activity.Current?.SetTag("crisis.caller.number", call.CallerNumber); // leak TC1001 direct
        Activity.Current?.SetTag("crisis.counsellor.staff_id", call.CounsellorStaffId); // leak TC1001 direct
        Activity.Current?.SetTag("crisis.caller.withheld", string.IsNullOrEmpty(call.CallerNumber)); // clean precision-about

        var status = await platform.StatusAsync(call.LineCode);
        AnsweredCalls.Add(1, new KeyValuePair<string, object?>("line", call.LineCode)); // clean precision-names
        AnsweredCalls.Add(1, new KeyValuePair<string, object?>("counsellor", call.CounsellorStaffId)); // leak TC1003 direct
        Waits.Record(status.LongestWait.TotalSeconds, new KeyValuePair<string, object?>("line", status.LineCode)); // clean precision-about

        logger.LogInformation("Call {CallId} answered on {Line} after {Wait}", call.CallId, call.LineCode, status.LongestWait); // clean precision-names
        logger.LogInformation("Call answered: {@Call}", call); // leak TC1001 logging-objects
        logger.LogDebug("Queue now {@Status}", status); // clean logging-objects

        repeatCallers[call.CallerNumber] = repeatCallers.GetValueOrDefault(call.CallerNumber) + 1;
        if (call.RiskLevel == "red")
        {
            lastHighRiskCaller = call.CallerNumber;
        }

        return new OkResult(call.CallId);
    }

    [HttpPost("triaged")]
    public ActionResult Triaged([FromBody] TriageNote note)
    {
        var activity = Activity.Current;
        activity?.SetTag("crisis.triage.score", note.RiskScore); // clean precision-about
        activity?.SetTag("crisis.triage.note", note.Text); // leak TC1001 direct
        activity?.SetTag("crisis.triage.note_length", note.Text.Length); // clean precision-about
        activity?.AddEvent(new ActivityEvent("triage.recorded", tags: new ActivityTagsCollection { ["call.id"] = note.CallId })); // clean precision-names

        if (note.RiskScore >= options.HighRiskThreshold)
        {
            logger.LogWarning("High risk triage on {CallId}: {Note}", note.CallId, note.Text); // leak TC1001 direct
            logger.LogWarning("High risk triage on {CallId}, score {Score}", note.CallId, note.RiskScore); // clean precision-about
        }

        return new OkResult(note.CallId);
    }

    [HttpPost("shift-ended")]
    public ActionResult ShiftEnded([FromBody] CounsellorShift shift, TimeSpan worked)
    {
        if (longestShift is null || worked > TimeSpan.FromHours(10))
        {
            longestShift = shift;
        }

        logger.LogInformation("Shift ended on {Line} after {Hours:0.0}h", shift.LineCode, worked.TotalHours); // clean precision-about
        logger.LogInformation("Shift ended for {Counsellor}", shift.Name); // leak TC1001 direct
        return new OkResult(shift.LineCode);
    }

    [HttpGet("repeat-callers")]
    public ActionResult RepeatCallers()
    {
        var frequent = repeatCallers.Where(pair => pair.Value > 3).Select(pair => pair.Key).ToList();
        logger.LogInformation("Repeat callers today: {Callers}", string.Join(", ", frequent)); // leak TC1001 cross-member
        logger.LogInformation("Repeat callers today: {Count}", frequent.Count); // clean cross-member
        Activity.Current?.SetTag("crisis.last_high_risk", lastHighRiskCaller); // leak TC1001 cross-member
        Activity.Current?.SetTag("crisis.high_risk_seen", lastHighRiskCaller is not null); // clean cross-member
        logger.LogInformation("Longest shift: {@Shift}", longestShift); // leak TC1001 cross-member
        logger.LogInformation("Longest shift on line {Line}", longestShift?.LineCode); // clean cross-member
        return new OkResult(frequent.Count);
    }

    [HttpPost("hung-up")]
    public ActionResult HungUp([FromBody] CallSummary summary)
    {
        using var span = source.StartCrisislineOperation(summary.LineCode);
        span.SetCrisislineOutcome(summary.Outcome); // clean generated-api
        span.SetCrisislineNote($"Call {summary.CallId} lasted {summary.Duration.TotalMinutes:0} min"); // clean generated-api
        meter.CreateCrisislineCallsCounter().Add(1, summary.LineCode, crisislineOutcome: summary.Outcome); // clean generated-api
        meter.CreateCrisislineCallDurationHistogram().Record(summary.Duration.TotalSeconds, summary.LineCode); // clean generated-api
        logger.LogInformation("Call ended {@Summary}", summary); // clean logging-objects
        return new OkResult(summary.CallId);
    }
}
