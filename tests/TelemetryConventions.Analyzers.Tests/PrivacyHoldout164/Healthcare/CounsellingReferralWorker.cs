namespace PrivacyHoldout164.Healthcare;

/// <summary>Picks up self-referrals to the counselling service from the queue and triages them.</summary>
public sealed class CounsellingReferralWorker(
    IQueueReceiver<CounsellingReferral> queue,
    ISupportCases cases,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CounsellingReferralWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Campus.Health.Counselling");
    private static readonly Meter Meter = new("Campus.Health.Counselling");
    private static readonly Histogram<double> TriageSeconds = Meter.CreateHistogram<double>("counselling.triage.duration", "s");
    private readonly List<string> _urgentStudents = new();
    private string? _lastPresentingIssue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var referral = await queue.ReceiveAsync(stoppingToken);
            if (referral is null)
            {
                continue;
            }

            await TriageAsync(referral, stoppingToken);
        }
    }

    private async Task TriageAsync(CounsellingReferral referral, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity("counselling.triage");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReferralId"] = referral.ReferralId }); // clean precision-about
        activity?.SetTag("referral.priority", referral.Priority); // clean precision-about
        activity?.SetTag("referral.issue", referral.PresentingIssue); // leak TC1001 direct
        activity?.SetTag("referral.issue_length", referral.PresentingIssue.Length); // clean precision-about

        if (referral.Priority == 1)
        {
            _urgentStudents.Add(referral.StudentNumber);
            _lastPresentingIssue = referral.PresentingIssue;
        }

        try
        {
            var waiting = await cases.WaitingListAsync("counselling", cancellationToken);
            await cases.OpenReferralAsync(referral, cancellationToken);
            logger.LogInformation("Referral {@Referral} opened with {Waiting} ahead", referral, waiting); // leak TC1001 logging-objects
            logger.LogInformation("Referral {ReferralId} opened, {Waiting} ahead, priority {Priority}", referral.ReferralId, waiting, referral.Priority); // clean logging-objects
        }
        catch (WaitingListFullException ex)
        {
            logger.LogWarning(ex, "Counselling list full, referral {ReferralId} parked", referral.ReferralId); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
        catch (SpineRejectedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogError("Spine lookup failed: {Error}", ex.GetType().Name); // clean exceptions
        }

        var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(referral.StudentNumber)))[..2];
        activity?.SetTag("referral.shard", shard); // clean hashes
        var legacyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(referral.StudentNumber)));
        activity?.SetTag("referral.student_hash", legacyKey); // leak TC1002 hashes
        activity?.SetTag("referral.student", pseudonymizer.ComputeUnihealthStudentId(referral.StudentNumber)); // clean precision-pseudonym
        TriageSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("priority", referral.Priority)); // clean precision-about
    }

    public void ReportUrgent()
    {
        logger.LogWarning("Urgent referrals waiting: {Students}", string.Join(",", _urgentStudents)); // leak TC1001 cross-member
        logger.LogWarning("Urgent referrals waiting: {Count}", _urgentStudents.Count); // clean cross-member
        Activity.Current?.AddEvent(new ActivityEvent("counselling.urgent", tags: new ActivityTagsCollection { ["issue"] = _lastPresentingIssue })); // leak TC1001 cross-member
    }
}
