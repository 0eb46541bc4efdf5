namespace PrivacyHoldout150.Media;

/// <summary>Scores newly uploaded profile photos and holds back the ones with nudity or violence for a moderator.</summary>
public sealed partial class ProfilePhotoModerationWorker(
    IQueueReceiver<ProfilePhoto> uploads,
    IPhotoClassifier classifier,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ProfilePhotoModerationWorker> logger) : BackgroundService
{
    private readonly Histogram<double> _nudity = meter.CreateHistogram<double>("casting.photo.nudity");
    private readonly Counter<long> _held = meter.CreateCounter<long>("casting.photo.held");
    private readonly HashSet<Guid> _membersWithHeldPhotos = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var photo = await uploads.ReceiveAsync(stoppingToken);
            if (photo is null)
            {
                continue;
            }

            using var span = source.StartCastingOperation("photo-moderation");
            span.SetCastingMemberId(pseudonymizer.PseudonymizeCastingMemberId(photo.MemberId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetTag("photo.id", photo.PhotoId); // clean precision-names
            Activity.Current?.SetTag("photo.bytes", photo.Bytes); // clean precision-about
            Activity.Current?.SetTag("photo.path", photo.StoragePath); // leak TC1001 direct
            Activity.Current?.SetTag("photo.container", photo.StoragePath.Split('/')[0]); // clean precision-about
            var score = await classifier.ScoreAsync(photo, stoppingToken);
            _nudity.Record(score.Nudity, new KeyValuePair<string, object?>("photo.faces", score.Faces)); // clean precision-about
            LogScored(logger, score); // clean logging-objects
            if (score.Nudity > 0.8 || score.Violence > 0.6)
            {
                _membersWithHeldPhotos.Add(photo.MemberId);
                _held.Add(1, new KeyValuePair<string, object?>("photo.reason", score.Nudity > 0.8 ? "nudity" : "violence")); // clean precision-about
                _held.Add(1, new KeyValuePair<string, object?>("photo.member", photo.MemberId)); // leak TC1003 direct
                LogHeld(logger, photo); // leak TC1001 logging-objects
                Activity.Current?.SetTag("photo.member.fingerprint", new Guid(MD5.HashData(photo.MemberId.ToByteArray())).ToString()); // leak TC1002 hashes
                span.SetCastingOutcome("held"); // clean generated-api
                continue;
            }

            span.SetCastingOutcome("published"); // clean generated-api
            Activity.Current?.SetTag("photo.shard", ShardOf(photo.MemberId)); // clean hashes
        }
    }

    /// <summary>The moderators' queue page asks how many members wait.</summary>
    public void DescribeQueue()
    {
        Activity.Current?.SetTag("photo.held.members", _membersWithHeldPhotos.Count); // clean cross-member
        logger.LogInformation("Members with held photos: {Members}", _membersWithHeldPhotos); // leak TC1001 cross-member
    }

    private string ShardOf(Guid memberId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return Convert.ToHexString(hmac.ComputeHash(memberId.ToByteArray()))[..4];
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Photo scored {Score}")]
    private static partial void LogScored(ILogger logger, PhotoScore score);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Photo held for review {Photo}")]
    private static partial void LogHeld(ILogger logger, ProfilePhoto photo);
}
