namespace PrivacyHoldout126.Media;

/// <summary>A clip a subscriber cut from a title and shared on their public channel.</summary>
public sealed record FanClip(string ClipId, string TitleId, Guid SubscriberId, string ChannelHandle, TimeSpan Start, TimeSpan Length);

[ApiController]
[Route("api/takedowns")]
public sealed partial class ClipTakedownController(IMediaStore store, Pseudonymizer pseudonymizer, ILogger<ClipTakedownController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Media.Takedowns");
    private static readonly Meter Meter = new("Media.Takedowns");
    private static readonly Counter<long> Takedowns = Meter.CreateCounter<long>("clips.takedowns");

    [HttpPost("")]
    public async Task<ActionResult> Receive([FromBody] TakedownNotice notice, IReadOnlyList<FanClip> clips)
    {
        using var span = Source.StartCommentmodModerate(notice.NoticeId)
            .SetCommentmodReason(notice.Basis); // clean generated-api
        span.Activity?.SetTag("takedown.rights_holder", notice.RightsHolder); // clean precision-names
        span.Activity?.SetTag("takedown.sworn", notice.SwornStatement); // clean precision-about
        span.Activity?.SetTag("takedown.complainant", notice.ComplainantEmail); // leak TC1001 direct
        logger.LogInformation("Notice {NoticeId} for {Work}", notice.NoticeId, notice.WorkDescription); // clean precision-names
        // Complainants paste the clips' share links, which name the channel: https://watch.example.tv/@handle/clip/c-…
        logger.LogInformation("Notice URLs {Urls}", string.Join(" ", notice.ContentUrls)); // leak TC1001 strings

        foreach (var clip in clips)
        {
            await store.DeleteAsync($"clips/{clip.ClipId}.mp4");
            Takedowns.Add(1, new KeyValuePair<string, object?>("title", clip.TitleId), new("basis", notice.Basis)); // clean precision-names
            Takedowns.Add(1, new KeyValuePair<string, object?>("channel", clip.ChannelHandle)); // leak TC1003 direct
            span.Activity?.AddEvent(new ActivityEvent("clip.removed", tags: new ActivityTagsCollection { ["clip"] = clip.ClipId, ["seconds"] = (int)clip.Length.TotalSeconds })); // clean precision-names
            span.Activity?.AddEvent(new ActivityEvent("clip.channel", tags: new ActivityTagsCollection { ["channel"] = pseudonymizer.ComputeCommentmodAuthorId(clip.SubscriberId.ToString()) })); // clean precision-pseudonym
            LogRemoved(logger, clip.ClipId, clip.ChannelHandle); // leak TC1001 direct
        }

        logger.LogInformation("Removed clips {@Clips}", clips); // leak TC1001 logging-objects
        logger.LogInformation("Removed clip ids {ClipIds}", clips.Select(c => c.ClipId)); // clean precision-names
        span.SetCommentmodNote($"{clips.Count} clips removed for {notice.RightsHolder}"); // clean generated-api
        return Ok(clips.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed clip {ClipId} from channel {Channel}")]
    private static partial void LogRemoved(ILogger logger, string clipId, string channel);
}
