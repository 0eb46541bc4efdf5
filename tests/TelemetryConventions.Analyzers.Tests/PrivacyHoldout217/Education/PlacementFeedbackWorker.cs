namespace PrivacyHoldout217.Education;

public sealed record PlacementFeedback(string FeedbackId, string StudentNumber, string StudentEmail, string HomeId, string FamilyComment, int Rating);

/// <summary>Collects families' feedback on care students' placements in the college's partner homes.</summary>
public sealed class PlacementFeedbackWorker(IQueueReceiver<PlacementFeedback> queue, ActivitySource source, ILogger<PlacementFeedbackWorker> logger) : BackgroundService
{
    private PlacementFeedback? _current;
    private readonly List<string> _studentsSeen = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } feedback)
        {
            _current = feedback;
            _studentsSeen.Add(feedback.StudentNumber);
            Record();
        }
    }

    private void Record()
    {
        using var activity = source.StartActivity("placement.feedback");
        activity?.SetTag("placement.feedback.id", _current!.FeedbackId); // clean cross-member
        activity?.SetTag("placement.student.number", _current.StudentNumber); // leak TC1001 cross-member
        activity?.SetTag("placement.student.email", _current.StudentEmail); // leak TC1001 cross-member
        activity?.SetTag("placement.rating", _current.Rating); // clean precision-about
        activity?.SetTag("placement.family_comment", _current.FamilyComment); // leak TC1001 direct
        logger.LogInformation("Feedback {@Feedback}", _current); // leak TC1001 logging-objects
        logger.LogInformation("Students this batch: {Students}", string.Join(",", _studentsSeen)); // leak TC1001 strings
        logger.LogInformation("Students this batch: {StudentCount}", _studentsSeen.Count); // clean precision-about
    }
}
