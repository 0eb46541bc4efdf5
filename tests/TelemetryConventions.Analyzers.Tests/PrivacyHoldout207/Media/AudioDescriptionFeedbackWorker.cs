namespace PrivacyHoldout207.Media;

public sealed record DescriptionFeedback(string FeedbackId, string ViewerId, string ViewerName, string ProgrammeId, int Rating, string Text);

/// <summary>Collects blind and partially sighted viewers' ratings of audio description, in batches from the feedback queue.</summary>
public sealed class AudioDescriptionFeedbackWorker(IQueueReceiver<DescriptionFeedback> queue, ILogger<AudioDescriptionFeedbackWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("AudioDescription.Feedback");
    private static readonly Histogram<int> Ratings = new Meter("AudioDescription").CreateHistogram<int>("audio_description.rating");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } feedback)
        {
            using var activity = Source.StartActivity("feedback.received");
            activity?.SetTag("feedback.id", feedback.FeedbackId); // clean precision-names
            activity?.SetTag("feedback.rating", feedback.Rating); // clean precision-about
            activity?.SetTag("feedback.viewer_name", feedback.ViewerName); // leak TC1001 direct
            activity?.SetTag("feedback.summary", $"{feedback.ProgrammeId} rated {feedback.Rating}/5"); // clean strings
            activity?.SetTag("feedback.quote", $"\"{feedback.Text}\" ({feedback.ProgrammeId})"); // leak TC1001 strings
            Ratings.Record(feedback.Rating, new KeyValuePair<string, object?>("programme", feedback.ProgrammeId)); // clean precision-about
            Ratings.Record(feedback.Rating, new KeyValuePair<string, object?>("viewer", feedback.ViewerId)); // leak TC1003 direct
            var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(feedback.ViewerId)))[..10];
            activity?.SetTag("feedback.viewer_key", key); // leak TC1002 hashes
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["ProgrammeId"] = feedback.ProgrammeId, ["FeedbackId"] = feedback.FeedbackId }); // clean precision-names
            using var viewerScope = logger.BeginScope(new Dictionary<string, object> { ["Viewer"] = feedback.ViewerName }); // leak TC1001 direct
            logger.LogInformation("Feedback received with {Words} words", feedback.Text.Split(' ').Length); // clean precision-about
        }
    }
}
