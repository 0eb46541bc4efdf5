using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Media;

// Comments under the streaming service's creator videos. Each comment is written by a viewing profile;
// creators can hold comments that mention words from their channel's list, and viewers can flag a
// comment. Uploaded comment images are matched against the industry hash list.

public sealed record VideoComment(
    Guid CommentId,
    string VideoId,
    Guid ProfileId,
    string ProfileName,
    string Text,
    byte[]? Image,
    string? ReplyToHandle);

public sealed class CommentRateLimitedException(string profileName, int comments)
    : Exception($"Profile '{profileName}' posted {comments} comments in the last minute");

public sealed record CommentFlag(Guid CommentId, Guid FlaggedByProfileId, string Reason, string? Note);

public sealed record CreatorChannel(string ChannelId, string Handle, IReadOnlyList<string> HeldWords);

public interface ICommentStore
{
    Task SaveAsync(VideoComment comment, string state, CancellationToken cancellationToken);
}

public sealed class CommentPipeline(
    ICommentStore store,
    IHashListClient hashList,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<CommentPipeline> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Comments");
    private readonly Counter<long> _held = meter.CreateCounter<long>("comments.held");

    public async Task SubmitAsync(VideoComment comment, CreatorChannel channel, int commentsLastMinute, CancellationToken cancellationToken)
    {
        using var publish = Source.StartCommunityPublish("comment");
        publish.SetCommunityMemberId(pseudonymizer.PseudonymizeCommunityMemberId(comment.ProfileId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("comment.video.id", comment.VideoId); // clean precision-about
        Activity.Current?.SetTag("comment.channel", channel.Handle); // leak TC1001 direct
        Activity.Current?.SetTag("comment.profile", comment.ProfileId); // leak TC1001 direct

        try
        {
            EnsureUnderRate(comment, commentsLastMinute);
        }
        catch (CommentRateLimitedException ex)
        {
            publish.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            Activity.Current?.SetTag("comment.rejected_by", ex.GetType().Name); // clean exceptions
            return;
        }

        if (comment.Image is { Length: > 0 } image)
        {
            var hash = PerceptualHash.Compute(image);
            var match = await hashList.MatchAsync(hash, cancellationToken);
            Activity.Current?.SetTag("comment.image.phash", hash); // clean hashes
            if (match is not null)
            {
                publish.AddCommunityContentRejectedEvent("comment", communityNote: $"hash list {match.ListName} distance {match.Distance}"); // clean strings
                await store.SaveAsync(comment, "quarantined", cancellationToken);
                return;
            }
        }

        var held = channel.HeldWords.Where(w => comment.Text.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
        if (held.Count > 0)
        {
            _held.Add(1, new KeyValuePair<string, object?>("rule", "channel-held-words")); // clean precision-about
            logger.LogInformation("Comment {CommentId} held by channel rules ({Count} words)", comment.CommentId, held.Count); // clean precision-about
            logger.LogDebug("Held comment by {ProfileName}: {Text}", comment.ProfileName, comment.Text); // leak TC1001 direct
            await store.SaveAsync(comment, "held", cancellationToken);
            return;
        }

        if (comment.ReplyToHandle is not null)
        {
            publish.SetCommunityNote($"reply to @{comment.ReplyToHandle}"); // leak TC1001 generated-api
        }

        await store.SaveAsync(comment, "published", cancellationToken);
        Activity.Current?.SetTag("comment.id", comment.CommentId); // clean precision-about
    }

    private static void EnsureUnderRate(VideoComment comment, int commentsLastMinute)
    {
        if (commentsLastMinute > 10)
        {
            throw new CommentRateLimitedException(comment.ProfileName, commentsLastMinute);
        }
    }
}

public sealed class CommentFlagHandler(Pseudonymizer pseudonymizer, ILogger<CommentFlagHandler> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Comments.Flags");

    public void Handle(CommentFlag flag, VideoComment comment)
    {
        using var review = Source.StartModerationReview("comments");
        review.SetModerationCaseId(flag.CommentId.ToString()); // clean precision-about
        review.SetModerationSubjectId(pseudonymizer.PseudonymizeModerationSubjectId(comment.ProfileId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("flag.reason", flag.Reason); // clean precision-about
        Activity.Current?.SetTag("flag.payload", JsonSerializer.Serialize(flag)); // leak TC1001 logging-objects
        logger.LogInformation("Flag on comment {CommentId} by profile {FlaggerRef}", flag.CommentId, pseudonymizer.ComputeCommunityMemberId(flag.FlaggedByProfileId.ToString())); // clean precision-pseudonym
        if (flag.Note is not null)
        {
            logger.LogInformation("Flag note: {Note}", flag.Note); // leak TC1001 direct
        }
    }
}
