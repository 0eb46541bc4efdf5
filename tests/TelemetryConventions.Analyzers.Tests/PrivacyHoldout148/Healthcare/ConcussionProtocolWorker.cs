namespace PrivacyHoldout148.Healthcare;

/// <summary>Reads concussion assessments from the clinic queue and moves athletes through graduated return to play.</summary>
public sealed partial class ConcussionProtocolWorker(
    IQueueReceiver<ConcussionAssessment> queue,
    IClinicRecords records,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<ConcussionProtocolWorker> logger) : BackgroundService
{
    private readonly Counter<long> _assessments = meter.CreateCounter<long>("clinic.concussion.assessments");
    private readonly Histogram<int> _scat = meter.CreateHistogram<int>("clinic.concussion.scat_score");
    private string? _lastSymptomaticNumber;
    private readonly List<string> _standDowns = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var assessment = await queue.ReceiveAsync(stoppingToken);
            if (assessment is null)
            {
                continue;
            }

            await records.SaveAssessmentAsync(assessment, stoppingToken);
            _assessments.Add(1, new KeyValuePair<string, object?>("stage", assessment.ReturnToPlayStage)); // clean precision-about
            _assessments.Add(1, new KeyValuePair<string, object?>("athlete", assessment.HospitalNumber)); // leak TC1003 direct
            _scat.Record(assessment.ScatScore, new KeyValuePair<string, object?>("symptomatic", assessment.Symptomatic)); // clean precision-about

            if (assessment.Symptomatic)
            {
                _lastSymptomaticNumber = assessment.HospitalNumber;
                _standDowns.Add(assessment.HospitalNumber);
            }

            LogAssessed(logger, assessment.AssessmentId, assessment.ReturnToPlayStage); // clean logging-objects
            LogStoodDown(logger, assessment.HospitalNumber); // clean logging-objects
            LogStoodDownUnclassified(logger, assessment.HospitalNumber); // leak TC1001 logging-objects
            logger.LogDebug("Assessment stored: {Assessment}", assessment); // leak TC1001 logging-objects

            var plan = new ReturnToPlayPlan($"rtp-{assessment.AssessmentId}", assessment.ReturnToPlayStage, 0, "unknown");
            logger.LogInformation("Plan {@Plan}", plan); // clean logging-objects

            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(assessment.HospitalNumber))[0] % 16;
            Activity.Current?.SetTag("clinic.shard", shard); // clean hashes
            var legacyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(assessment.HospitalNumber)))[..12];
            Activity.Current?.SetTag("clinic.legacy_key", legacyKey); // leak TC1002 hashes
        }
    }

    /// <summary>Called by the clinic's status endpoint.</summary>
    public void ReportStatus()
    {
        logger.LogInformation("Last symptomatic athlete {HospitalNumber}", _lastSymptomaticNumber); // leak TC1001 cross-member
        logger.LogInformation("{Count} athletes stood down", _standDowns.Count); // clean cross-member
        logger.LogInformation("Stood down: {Athletes}", string.Join(",", _standDowns)); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Assessment {AssessmentId} at stage {Stage}")]
    private static partial void LogAssessed(ILogger logger, string assessmentId, int stage);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Athlete {HospitalNumber} stood down")]
    private static partial void LogStoodDown(ILogger logger, [PrivateData] string hospitalNumber);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Athlete {HospitalNumber} stood down (legacy)")]
    private static partial void LogStoodDownUnclassified(ILogger logger, string hospitalNumber);
}
