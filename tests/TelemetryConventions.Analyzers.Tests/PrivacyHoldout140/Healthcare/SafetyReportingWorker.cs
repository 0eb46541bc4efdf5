namespace PrivacyHoldout140.Healthcare;

/// <summary>An adverse event as the eCRF queues it for expedited reporting.</summary>
public sealed record AdverseEventQueued(
    string AeId, string StudyCode, string StudyNumber, string MeddraCode, string Term, int Grade, bool Serious,
    string Causality, string Narrative, string ReporterStaffId, DateTime OnsetAt);

/// <summary>
/// Takes adverse events from the eCRF queue, sends them to the sponsor's safety gateway and keeps the
/// expedited (SUSAR) clock. Runs as a hosted worker beside the CTMS.
/// </summary>
public sealed partial class SafetyReportingWorker(
    IQueueReceiver<AdverseEventQueued> queue,
    ISafetyGateway gateway,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    StudyPlatformOptions options,
    ILogger<SafetyReportingWorker> logger) : BackgroundService
{
    private readonly Counter<long> _reports = meter.CreateCounter<long>("trialsite.safety.reports", "{report}");
    private readonly Histogram<double> _ackHours = meter.CreateHistogram<double>("trialsite.safety.ack_hours", "h");
    private AdverseEventQueued? _lastSerious;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ae = await queue.ReceiveAsync(stoppingToken);
            if (ae is not null)
            {
                await ReportAsync(ae, stoppingToken);
            }
        }
    }

    private async Task ReportAsync(AdverseEventQueued ae, CancellationToken cancellationToken)
    {
        using var span = source.StartTrialsiteOperation(ae.StudyCode);
        span.SetTrialsiteAeGrade(ae.Grade); // clean precision-about
        span.SetTrialsiteParticipantId(pseudonymizer.PseudonymizeTrialsiteParticipantId(ae.StudyNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("trialsite.ae.id", ae.AeId); // clean precision-names
        span.Activity?.SetTag("trialsite.ae.meddra", ae.MeddraCode); // clean precision-about
        span.Activity?.SetTag("trialsite.ae.serious", ae.Serious); // clean precision-about
        span.Activity?.SetTag("trialsite.ae.narrative", ae.Narrative); // leak TC1001 direct
        span.Activity?.SetTag("trialsite.ae.narrative_length", ae.Narrative.Length); // clean precision-about

        var partition = (ae.StudyNumber.GetHashCode() & 0x7fffffff) % 8;
        span.Activity?.SetTag("trialsite.ae.partition", partition); // leak TC1002 hashes
        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(ae.StudyNumber))[0] % 8;
        _reports.Add(1, new("study", ae.StudyCode), new("lane", lane), new("serious", ae.Serious)); // clean hashes

        using (logger.BeginScope(new Dictionary<string, object> { ["AeId"] = ae.AeId, ["StudyNumber"] = ae.StudyNumber })) // leak TC1001 direct
        {
            if (ae.Serious)
            {
                _lastSerious = ae;
                LogSeriousEvent(logger, ae.AeId, ae.Term, ae.Grade); // clean precision-about
            }

            var report = new AdverseEventReport(ae.AeId, ae.StudyNumber, ae.MeddraCode, ae.Term, ae.Grade, ae.Serious, ae.Causality, ae.Narrative);
            try
            {
                var ack = await gateway.SubmitAsync(report, cancellationToken);
                logger.LogInformation("Sponsor acknowledged {@Ack}", ack); // clean logging-objects
                _ackHours.Record((DateTime.UtcNow - ae.OnsetAt).TotalHours, new KeyValuePair<string, object?>("causality", ae.Causality)); // clean precision-about
                span.SetTrialsiteOutcome(ack.Status);
            }
            catch (SafetyValidationException ex)
            {
                logger.LogError(ex, "Safety gateway rejected {AeId} on {Field}", ae.AeId, ex.Field); // leak TC1001 exceptions
                span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Field); // clean exceptions
                logger.LogWarning("Rejected report: {Report}", report); // leak TC1001 logging-objects
                meter.CreateTrialsiteRecordsCounter().Add(1, ae.StudyCode, trialsiteOutcome: $"rejected:{ae.StudyNumber}"); // leak TC1003 generated-api
            }
        }

        var deadline = ae.OnsetAt.AddDays(options.SusarDeadlineDays);
        if (ae.Serious && ae.Causality is "related" && DateTime.UtcNow > deadline)
        {
            var overdue = new SusarDeadlineException(ae.AeId, (DateTime.UtcNow - deadline).TotalHours);
            logger.LogTrialsiteOperationFailedEvent(ae.StudyCode, "susar-overdue", trialsiteNote: overdue.Message); // clean generated-api
            span.Activity?.AddEvent(new ActivityEvent("susar.overdue", tags: new ActivityTagsCollection { ["reporter"] = ae.ReporterStaffId })); // leak TC1001 direct
        }
    }

    /// <summary>The weekly safety digest for the chief investigator.</summary>
    public void WriteDigest()
    {
        if (_lastSerious is { } last)
        {
            logger.LogInformation("Latest SAE narrative: {Narrative}", last.Narrative); // leak TC1001 cross-member
            logger.LogInformation("Latest SAE {AeId} graded {Grade}", last.AeId, last.Grade); // clean precision-about
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serious adverse event {AeId}: {Term}, grade {Grade}")]
    private static partial void LogSeriousEvent(ILogger logger, string aeId, string term, int grade);
}
