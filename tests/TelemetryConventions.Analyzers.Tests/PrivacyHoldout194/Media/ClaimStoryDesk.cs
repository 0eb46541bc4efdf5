namespace PrivacyHoldout194.Media;

/// <summary>
/// The show's researchers follow up viewers whose insurer paid out after a black-box crash alert; the
/// desk books interviews and keeps the crash details the viewer agreed to share.
/// </summary>
public sealed partial class ClaimStoryDesk(ILogger<ClaimStoryDesk> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.ClaimStories");

    public sealed record ClaimStory(string StoryId, string ViewerName, string ViewerMobile, string InsurerName, string ClaimId, CrashAlert Crash, string Quote);

    public void Book(ClaimStory story, DateTimeOffset slot)
    {
        using var activity = Source.StartActivity("claim_story.book");
        activity?.SetTag("story.id", story.StoryId); // clean precision-names
        activity?.SetTag("story.insurer", story.InsurerName); // clean precision-about
        activity?.SetTag("story.claim_id", story.ClaimId); // clean precision-names
        activity?.SetTag("story.crash_severity", story.Crash.Severity); // clean precision-about
        activity?.SetTag("story.crash_area", Math.Round(story.Crash.Longitude, 1)); // clean precision-about
        activity?.SetTag("story.crash_box", story.Crash.BoxImei); // leak TC1001 direct
        activity?.SetTag("story.viewer_mobile", story.ViewerMobile); // leak TC1001 direct
        activity?.SetTag("story.quote", story.Quote); // leak TC1001 direct
        activity?.SetTag("story.slot", slot.ToString("u")); // clean precision-about
        activity?.AddEvent(new ActivityEvent("story.booked", tags: new ActivityTagsCollection { ["viewer"] = story.ViewerName })); // leak TC1001 direct
        logger.LogInformation("Story booked {@Crash}", story.Crash); // leak TC1001 logging-objects
        logger.LogInformation("Story booked {Story}", story with { ViewerName = "", ViewerMobile = "", Quote = "" }); // leak TC1001 logging-objects
        LogBooked(logger, story.StoryId, story.ViewerName); // leak TC1001 direct
        var invite = $"Hi {story.ViewerName}, we'd like to film on {slot:d}";
        logger.LogInformation("Invite sent: {Invite}", invite); // leak TC1001 strings
        logger.LogInformation("Invite sent for story {StoryId} at {Slot}", story.StoryId, slot); // clean precision-names
    }

    [LoggerMessage(EventId = 9601, Level = LogLevel.Information, Message = "Story {StoryId} booked with {ViewerName}")]
    private static partial void LogBooked(ILogger logger, string storyId, string viewerName);
}
