namespace PrivacyHoldout156.Gaming;

/// <summary>Takes players' custom tattoo designs for their avatars, sends them to moderation and bans repeat offenders.</summary>
public sealed partial class TattooDesignUploadHandler(
    IDesignModeration moderation,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TattooDesignUploadHandler> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Game.TattooParlour");

    private readonly Counter<long> _uploads = meter.CreateCounter<long>("tattoo.uploads");
    private readonly ConcurrentDictionary<Guid, int> _strikes = new();
    private string? _lastBannedGamertag;

    public async Task<ModerationVerdict?> HandleAsync(TattooUpload upload, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("tattoo.upload");
        activity?.SetTag("tattoo.upload.id", upload.UploadId); // clean direct
        activity?.SetTag("tattoo.design.name", upload.DesignName); // clean direct
        activity?.SetTag("tattoo.player.id", upload.PlayerId); // leak TC1001 direct
        activity?.SetTag("tattoo.player.gamertag", upload.Gamertag); // leak TC1001 direct
        activity?.SetTag("tattoo.caption.length", upload.Caption.Length); // clean precision-about
        activity?.SetBaggage("player.pseudonym", pseudonymizer.ComputeAvatarsalonPlayerId(upload.PlayerId.ToString())); // clean precision-pseudonym

        if (upload.Width > 1024 || upload.Height > 1024)
        {
            var tooLarge = new DesignTooLargeException(upload.Width, upload.Height);
            logger.LogInformation(tooLarge, "Upload {UploadId} refused", upload.UploadId); // clean exceptions
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        var verdict = await moderation.ReviewAsync(upload, cancellationToken);
        meter.CreateAvatarsalonModerationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "eu-west"); // clean generated-api
        logger.LogInformation("Verdict {@Verdict}", verdict); // clean logging-objects
        _uploads.Add(1, new KeyValuePair<string, object?>("category", verdict.Category), new KeyValuePair<string, object?>("blocked", verdict.Blocked)); // clean direct

        if (verdict.Blocked)
        {
            var strikes = _strikes.AddOrUpdate(upload.PlayerId, 1, (_, n) => n + 1);
            _uploads.Add(1, new KeyValuePair<string, object?>("player.bucket", upload.PlayerId.GetHashCode() % 64)); // leak TC1002 hashes
            LogBlocked(logger, upload.UploadId, upload.Gamertag); // clean logging-objects
            LogBlockedForModerators(logger, upload.UploadId, upload.Gamertag, strikes); // leak TC1001 logging-objects
            if (strikes >= 3)
            {
                await moderation.BanUploadsAsync(upload.PlayerId, TimeSpan.FromDays(7), cancellationToken);
                _lastBannedGamertag = upload.Gamertag;
                var banned = new UploadBannedException(upload.Gamertag);
                using var span = Source.StartAvatarsalonOperation("eu-west").SetAvatarsalonPlayerId(pseudonymizer.PseudonymizeAvatarsalonPlayerId(upload.PlayerId.ToString())); // clean generated-api
                span.RecordException(banned, includeMessage: true); // leak TC1001 exceptions
                span.RecordException(banned); // clean exceptions
            }
        }

        activity?.SetTag("tattoo.player.shard", ShardOf(upload.PlayerId)); // clean hashes
        return verdict;
    }

    public void Summarise()
    {
        Activity.Current?.SetTag("tattoo.players_with_strikes", _strikes.Count); // clean cross-member
        Activity.Current?.SetTag("tattoo.last_banned", _lastBannedGamertag); // leak TC1001 cross-member
    }

    private string ShardOf(Guid playerId) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, playerId.ToByteArray()))[..2];

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Upload {UploadId} by {Gamertag} blocked")]
    private static partial void LogBlocked(ILogger logger, string uploadId, [PrivateData] string gamertag);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Upload {UploadId} by {Gamertag} blocked, strike {Strikes}")]
    private static partial void LogBlockedForModerators(ILogger logger, string uploadId, string gamertag, int strikes);
}
