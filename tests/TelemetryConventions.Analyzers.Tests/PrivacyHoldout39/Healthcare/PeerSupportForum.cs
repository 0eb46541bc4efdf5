using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Healthcare;

// The patient community of the trust's portal: peer-support forums per condition, where patients
// post under a screen name. Posts are screened by the content-safety service and reported posts go
// to the community team's review queue.

public sealed record NewForumPost(string Body, string? QuotedPostId, string? MentionedScreenName);

public sealed record ForumMember(
    string PortalAccountId,
    string ScreenName,
    string HospitalNumber,
    DateOnly DateOfBirth,
    int Reputation,
    bool IsPeerSupporter);

public sealed record PostReport(string PostId, string ReporterAccountId, ReportCategory Category, string? Details);

public interface IForumMemberStore
{
    Task<ForumMember?> FindByAccountAsync(string portalAccountId, CancellationToken cancellationToken);
}

public interface IForumPostStore
{
    Task<string> InsertAsync(string threadId, string portalAccountId, string body, CancellationToken cancellationToken);

    Task<string?> FindAuthorAsync(string postId, CancellationToken cancellationToken);

    Task HideAsync(string postId, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/community/threads")]
public sealed class ForumPostsController(
    IForumMemberStore members,
    IForumPostStore posts,
    IContentSafetyClient safety,
    Pseudonymizer pseudonymizer,
    ILogger<ForumPostsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("PatientCommunity.Forum");

    [HttpPost("{threadId}/posts")]
    public async Task<ActionResult> CreatePostAsync(string threadId, [FromBody] NewForumPost post, CancellationToken cancellationToken)
    {
        var accountId = HttpContext.User.SubjectId!;
        var member = await members.FindByAccountAsync(accountId, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        using var publish = Source.StartCommunityPublish("post");
        publish.SetCommunityMemberId(pseudonymizer.PseudonymizeCommunityMemberId(accountId)); // clean precision-pseudonym
        publish.SetCommunityContentLength(post.Body.Length); // clean precision-about
        Activity.Current?.SetTag("forum.thread.id", threadId); // clean precision-about
        Activity.Current?.SetTag("forum.member.reputation", member.Reputation); // clean precision-names
        Activity.Current?.SetTag("forum.member.peer_supporter", member.IsPeerSupporter); // clean precision-names

        AnalyzeTextResult analysis;
        try
        {
            analysis = await safety.AnalyzeTextAsync(new AnalyzeTextOptions(post.Body) { BlocklistNames = { "nhs-community-terms" } }, cancellationToken);
        }
        catch (ContentSafetyRequestFailedException ex)
        {
            logger.LogWarning(ex, "Content safety unavailable, post in thread {ThreadId} queued for manual review", threadId); // clean exceptions
            return Ok(new { status = "pending" });
        }

        if (analysis.MaxSeverity >= 4 || analysis.BlocklistsMatch.Count > 0)
        {
            var worst = analysis.CategoriesAnalysis.OrderByDescending(c => c.Severity).First();
            publish.AddCommunityContentRejectedEvent("post", communityNote: $"{worst.Category} severity {worst.Severity}"); // clean strings
            logger.LogInformation("Post held in thread {ThreadId}, blocklist terms {Terms}", threadId, string.Join(",", analysis.BlocklistsMatch.Select(m => m.BlocklistItemText))); // clean precision-about
            logger.LogDebug("Held post body: {Body}", post.Body); // leak TC1001 direct
            return BadRequest("Your post has been held for a moderator to look at.");
        }

        if (post.MentionedScreenName is { } mentioned)
        {
            logger.LogInformation("Notifying mentioned member {ScreenName}", mentioned); // leak TC1001 direct
        }

        logger.LogInformation("Member aged {AgeBand} posted in {ThreadId}", AgeBand(member.DateOfBirth), threadId); // clean precision-about
        Activity.Current?.SetTag("forum.author", member.ScreenName); // leak TC1001 direct

        var postId = await posts.InsertAsync(threadId, accountId, post.Body, cancellationToken);
        Activity.Current?.SetTag("forum.post.id", postId); // clean precision-about
        return Ok(new { postId });
    }

    private static string AgeBand(DateOnly dateOfBirth)
    {
        var age = DateTime.UtcNow.Year - dateOfBirth.Year;
        return age switch { < 18 => "under-18", < 40 => "18-39", < 65 => "40-64", _ => "65+" };
    }
}

public sealed class ForumReportService(
    IForumPostStore posts,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ForumReportService> logger)
{
    private static readonly ActivitySource Source = new("PatientCommunity.Reports");

    public async Task FileAsync(PostReport report, CancellationToken cancellationToken)
    {
        var author = await posts.FindAuthorAsync(report.PostId, cancellationToken);
        var caseId = $"case_{Guid.NewGuid():N}";

        using var review = Source.StartModerationReview("forum-posts");
        review.SetModerationCaseId(caseId); // clean precision-about
        if (author is not null)
        {
            review.SetModerationSubjectId(pseudonymizer.PseudonymizeModerationSubjectId(author)); // clean precision-pseudonym
        }

        logger.LogInformation("Report {Category} on post {PostId} filed by {ReporterAccountId}", report.Category, report.PostId, report.ReporterAccountId); // leak TC1001 direct
        if (!string.IsNullOrWhiteSpace(report.Details))
        {
            review.SetModerationNote(report.Details); // leak TC1001 generated-api
        }

        logger.LogDebug("Report payload {@Report}", report); // leak TC1001 logging-objects
        logger.LogDebug("Report details given: {HasDetails}, {Length} characters", report.Details is not null, report.Details?.Length ?? 0); // clean precision-about

        if (report.Category is ReportCategory.SelfHarm)
        {
            await posts.HideAsync(report.PostId, cancellationToken);
            logger.LogWarning("Self-harm report on post {PostId}: author {AuthorAccountId} to be contacted by the clinical team", report.PostId, author); // leak TC1001 direct
            review.AddModerationActionTakenEvent("hide", moderationNote: "self-harm report: hidden pending review"); // clean strings
        }

        meter.CreateModerationDecisionsCounter().Add(1, "forum-posts", moderationOutcome: report.Category.ToString()); // clean precision-about
    }
}
