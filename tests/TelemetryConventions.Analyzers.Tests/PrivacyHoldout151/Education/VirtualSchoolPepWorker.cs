namespace PrivacyHoldout151.Education;

/// <summary>The virtual school's nightly review of looked-after children's personal education plans.</summary>
public sealed partial class VirtualSchoolPepWorker(
    IQueueReceiver<LookedAfterChild> reviews,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<VirtualSchoolPepWorker> logger) : BackgroundService
{
    private readonly Histogram<int> _pepScores = meter.CreateHistogram<int>("virtualschool.pep.score");
    private readonly List<string> _lowScoringChildren = new();
    private string _currentSocialWorker = string.Empty;
    private int _reviewed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await reviews.ReceiveAsync(stoppingToken) is { } child)
        {
            using var span = source.StartFreemealsOperation(child.Region);
            _reviewed++;
            _currentSocialWorker = child.SocialWorkerEmail;
            span.SetFreemealsPupilId(pseudonymizer.PseudonymizeFreemealsPupilId(child.Upn)); // clean precision-pseudonym
            span.SetFreemealsCheckCount(_reviewed); // clean precision-about
            _pepScores.Record(child.PepScore, new KeyValuePair<string, object?>("region", child.Region)); // clean precision-about
            _pepScores.Record(child.PepScore, new KeyValuePair<string, object?>("child", child.ChildId)); // leak TC1003 direct
            _pepScores.Record(child.PepScore, new KeyValuePair<string, object?>("pupil", pseudonymizer.PseudonymizeFreemealsPupilId(child.Upn))); // leak TC1003 precision-pseudonym
            LogReviewed(logger, child.Region, child.PepScore); // clean precision-about
            LogChildReviewed(logger, child.Name, child.PepScore); // clean logging-objects

            if (child.PepScore < 40)
            {
                _lowScoringChildren.Add(child.Name);
                NotifySocialWorker(child.ChildId);
                Activity.Current?.AddEvent(new ActivityEvent("pep.low_score", tags: new ActivityTagsCollection { ["child.id"] = child.ChildId, ["score"] = child.PepScore })); // leak TC1001 direct
                Activity.Current?.AddEvent(new ActivityEvent("pep.low_score.region", tags: new ActivityTagsCollection { ["region"] = child.Region, ["score"] = child.PepScore })); // clean precision-about
            }
        }
    }

    private void NotifySocialWorker(string childId)
    {
        Activity.Current?.SetTag("pep.social_worker", _currentSocialWorker); // leak TC1001 cross-member
        Activity.Current?.SetTag("pep.social_worker.set", _currentSocialWorker.Length > 0); // clean cross-member
        logger.LogInformation("Low PEP score flagged, social worker notified ({Reviewed} reviewed so far)", _reviewed); // clean cross-member
    }

    public void EndOfRun()
    {
        logger.LogWarning("Children below the PEP threshold: {Children}", string.Join(", ", _lowScoringChildren)); // leak TC1001 cross-member
        logger.LogWarning("{Count} children below the PEP threshold", _lowScoringChildren.Count); // clean precision-about
        _lowScoringChildren.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PEP reviewed in {Region}: score {Score}")]
    private static partial void LogReviewed(ILogger logger, string region, int score);

    [LoggerMessage(Level = LogLevel.Information, Message = "PEP reviewed for {ChildName}: score {Score}")]
    private static partial void LogChildReviewed(ILogger logger, [PrivateData] string childName, int score);
}
