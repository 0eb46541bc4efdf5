namespace PrivacyHoldout163.Media;

/// <summary>The desk's review queue: scores clips and publishes verdicts; verdicts name no one.</summary>
public sealed partial class ClipReviewWorker(
    IQueueReceiver<ClipVerdict> verdicts,
    IClipStore clips,
    TelemetrySecrets secrets,
    ILogger<ClipReviewWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Driving.Media.Review");
    private static readonly Meter ReviewMeter = new("Driving.Media.Review");
    private static readonly Histogram<int> Scores = ReviewMeter.CreateHistogram<int>("roadcast.clip.score");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var verdict = await verdicts.ReceiveAsync(stoppingToken);
            if (verdict is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("clip.review");
            activity?.SetTag("roadcast.clip", verdict.ClipId); // clean precision-names
            activity?.SetTag("roadcast.verdict", verdict.Verdict); // clean precision-about
            Scores.Record(verdict.Score, new KeyValuePair<string, object?>("verdict", verdict.Verdict)); // clean precision-about
            logger.LogInformation("Verdict {@Verdict}", verdict); // clean logging-objects
            var clip = await clips.FindAsync(verdict.ClipId, stoppingToken);
            if (clip is null)
            {
                continue;
            }

            Reviewed(logger, verdict.ClipId, clip.PlateSeen); // clean logging-objects
            ReviewedFrom(logger, verdict.ClipId, clip.UploaderEmail); // leak TC1001 logging-objects
            activity?.SetTag("roadcast.clip.plate.region", clip.PlateSeen[..2]); // clean precision-about
            activity?.SetTag("roadcast.uploader.cohort", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(clip.UploaderEmail))[0] % 8); // clean hashes
            activity?.SetTag("roadcast.uploader.b64", Convert.ToBase64String(Encoding.UTF8.GetBytes(clip.UploaderEmail))); // leak TC1001 hashes
            activity?.SetTag("roadcast.summary", Summary(verdict, clip)); // leak TC1001 strings
        }
    }

    private static string Summary(ClipVerdict verdict, DashcamClip clip) => $"{verdict.Verdict}: {clip.PlateSeen} at {clip.Location}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Clip {ClipId} reviewed, plate {Plate}")]
    private static partial void Reviewed(ILogger logger, string clipId, [PrivateData] string plate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clip {ClipId} reviewed, sent by {Uploader}")]
    private static partial void ReviewedFrom(ILogger logger, string clipId, string uploader);
}
