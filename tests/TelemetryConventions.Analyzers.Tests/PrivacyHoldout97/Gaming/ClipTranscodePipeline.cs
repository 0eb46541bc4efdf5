namespace PrivacyHoldout97.Gaming;

/// <summary>A gameplay clip the client finished uploading, with what the player typed when sharing it.</summary>
public sealed record ClipUploaded(string ClipId, Guid PlayerId, string Gamertag, string MatchId, string Title, string SourceBlob, long Bytes);

/// <summary>
/// Shared gameplay clips: the client uploads the raw capture to <c>clips/{clipId}/source.mp4</c>; this
/// pipeline probes it, transcodes the share ladder and a poster frame, and publishes it to the player's
/// profile and the match page. The game client writes only the encoder and the match id into the
/// capture's tags; the title the player typed travels in the upload message.
/// </summary>
public sealed partial class ClipTranscodePipeline(
    BlobServiceClient blobs,
    Pseudonymizer pseudonymizer,
    StorageOptions options,
    ILogger<ClipTranscodePipeline> logger)
{
    private static readonly ActivitySource Source = new("Studio.Clips");
    private static readonly Meter Meter = new("Studio.Clips");
    private static readonly UgcfileTranscodeDurationHistogram Duration = Meter.CreateUgcfileTranscodeDurationHistogram();
    private static readonly Counter<long> ClipsByCreator = Meter.CreateCounter<long>("clips.published", "{clip}");
    private static readonly TranscodeProfile[] Ladder = [new("share-480p", 480, 1200, 96), new("share-1080p", 1080, 6000, 160)];

    public async Task ProcessAsync(ClipUploaded clip, CancellationToken cancellationToken)
    {
        using var span = Source.StartUgcfileProcess("clip");
        span.SetUgcfileDocumentId(clip.ClipId);
        span.SetUgcfileSubjectId(pseudonymizer.PseudonymizeUgcfileSubjectId(clip.PlayerId.ToString())); // clean precision-pseudonym
        span.SetUgcfileBlobName(clip.SourceBlob); // clean generated-api
        span.Activity?.SetTag("clip.match_id", clip.MatchId); // clean precision-names
        span.Activity?.SetTag("clip.uploader", clip.PlayerId.ToString()); // leak TC1001 direct
        span.Activity?.SetTag("clip.creator_hash", Convert.ToHexString(MD5.HashData(clip.PlayerId.ToByteArray()))[..12]); // leak TC1002 hashes
        span.Activity?.SetTag("clip.title", clip.Title); // leak TC1001 direct
        span.Activity?.SetTag("clip.title_length", clip.Title.Length); // clean precision-about
        LogReceived(logger, clip.ClipId, clip.Bytes); // clean precision-about

        var local = Path.Combine(options.WorkingDirectory, "clips", clip.ClipId, "source.mp4");
        await using (var target = File.Create(local))
        {
            var source = await blobs.GetBlobContainerClient("clips").GetBlobClient(clip.SourceBlob).OpenReadAsync(cancellationToken);
            await source.Value.CopyToAsync(target, cancellationToken);
        }

        var probe = await FFProbe.AnalyseAsync(local, cancellationToken);
        span.Activity?.SetTag("clip.duration_s", probe.Duration.TotalSeconds); // clean precision-about
        span.Activity?.SetTag("clip.fps", probe.PrimaryVideoStream?.FrameRate);
        if (probe.ErrorData.Count > 0)
        {
            logger.LogWarning("ffprobe reported on {ClipId}: {Errors}", clip.ClipId, string.Join(" | ", probe.ErrorData)); // clean strings
        }

        foreach (var profile in Ladder)
        {
            var started = Stopwatch.GetTimestamp();
            var output = Path.Combine(options.WorkingDirectory, "clips", clip.ClipId, profile.Name + ".mp4");
            try
            {
                await FFMpegArguments.FromFileInput(local).OutputToFile(output, overwrite: true, profile).ProcessAsynchronously();
                Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "clip", profile.Name); // clean generated-api
            }
            catch (FFMpegException ex)
            {
                logger.LogError(ex, "Clip {ClipId} failed at {Profile}", clip.ClipId, profile.Name); // clean exceptions
                span.SetUgcfileOutcome("failed");
                span.SetStatus(ActivityStatusCode.Error, ex.Type.ToString()); // clean exceptions
                return;
            }
        }

        ClipsByCreator.Add(1, new KeyValuePair<string, object?>("creator", clip.Gamertag)); // leak TC1003 direct
        ClipsByCreator.Add(1, new KeyValuePair<string, object?>("profile.count", Ladder.Length));
        logger.LogInformation("Published clip {ClipId} '{Title}' by {Gamertag}", clip.ClipId, clip.Title, clip.Gamertag); // leak TC1001 direct
        logger.LogDebug("Published {Clip}", clip); // leak TC1001 logging-objects
        using (logger.BeginScope("clip:{ClipId} match:{MatchId}", clip.ClipId, clip.MatchId)) // clean precision-names
        {
            logger.LogInformation("Clip linked from the match page");
        }
        using (logger.BeginScope(new Dictionary<string, object> { ["ClipId"] = clip.ClipId, ["Creator"] = clip.Gamertag })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Clip added to the creator's profile");
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Clip {ClipId} received, {Bytes} bytes")]
    private static partial void LogReceived(ILogger logger, string clipId, long bytes);
}
