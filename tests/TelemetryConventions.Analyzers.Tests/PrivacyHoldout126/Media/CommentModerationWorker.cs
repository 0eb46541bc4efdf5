namespace PrivacyHoldout126.Media;

/// <summary>A comment a viewing profile posted under a title.</summary>
public sealed record TitleComment(string CommentId, string TitleId, Guid SubscriberId, Guid ProfileId, string ProfileName, string Text, DateTimeOffset PostedAt);

public sealed class CommentLockedException(string commentId) : Exception($"Comment {commentId} is locked by a moderator");

public sealed partial class CommentModerationWorker(
    IConsumer<string, TitleComment> consumer,
    ContentSafetyClient safety,
    TextAnalyticsClient pii,
    Pseudonymizer pseudonymizer,
    ILogger<CommentModerationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Media.Comments");
    private static readonly Meter Meter = new("Media.Comments");
    private static readonly Counter<long> Hidden = Meter.CreateCounter<long>("comments.hidden");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var durations = Meter.CreateCommentmodModerationDurationHistogram();
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var comment = result.Message.Value;
            using var span = Source.StartCommentmodModerate(comment.CommentId)
                .SetCommentmodAuthorId(pseudonymizer.PseudonymizeCommentmodAuthorId(comment.SubscriberId.ToString())); // clean precision-pseudonym
            // The comments topic is keyed by title, so that a title's thread is moderated in order.
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            span.Activity?.SetTag("commentmod.profile", comment.ProfileId.ToString()); // leak TC1001 direct
            logger.LogDebug("Moderating comment {CommentId} by {ProfileName}", comment.CommentId, comment.ProfileName); // leak TC1001 direct

            var analysis = await safety.AnalyzeTextAsync(new AnalyzeTextOptions(comment.Text) { BlocklistNames = { "spoilers", "slurs" } }, stoppingToken);
            var severities = analysis.CategoriesAnalysis.ToDictionary(c => c.Category.ToString(), c => c.Severity ?? 0);
            logger.LogInformation("Comment severities {Severities}", severities); // clean logging-objects
            span.Activity?.SetTag("commentmod.blocklist.hits", analysis.BlocklistsMatch.Count); // clean precision-about

            var entities = await pii.RecognizePiiEntitiesAsync(comment.Text, cancellationToken: stoppingToken);
            var contacts = entities.Where(e => e.Category == PiiEntityCategory.Email || e.Category == PiiEntityCategory.PhoneNumber).ToList();
            span.Activity?.SetTag("commentmod.pii.count", contacts.Count); // clean precision-about
            if (contacts.Count > 0)
            {
                logger.LogWarning("Comment {CommentId} shares contact details {Contacts}", comment.CommentId, contacts); // leak TC1001 logging-objects
                logger.LogWarning("Contact shared in comment: {First}", contacts[0].Text); // leak TC1001 cross-member
            }

            var hide = severities.Values.Any(s => s >= 4) || contacts.Count > 0 || analysis.BlocklistsMatch.Count > 0;
            var verdict = hide ? "hidden" : "approved";
            span.SetCommentmodVerdict(verdict).SetCommentmodReason(hide ? "policy" : "none"); // clean generated-api
            durations.Record((DateTimeOffset.UtcNow - comment.PostedAt).TotalSeconds, verdict); // clean generated-api
            if (hide)
            {
                Hidden.Add(1, new KeyValuePair<string, object?>("title", comment.TitleId)); // clean precision-names
                Hidden.Add(1, new KeyValuePair<string, object?>("profile", pseudonymizer.ComputeCommentmodAuthorId(comment.ProfileId.ToString()))); // leak TC1003 precision-pseudonym
                logger.LogCommentmodReviewRejectedEvent(comment.CommentId, "policy", commentmodNote: $"hidden: \"{comment.Text}\""); // leak TC1001 generated-api
                logger.LogCommentmodReviewRejectedEvent(comment.CommentId, "policy", pseudonymizer.PseudonymizeCommentmodAuthorId(comment.SubscriberId.ToString()), "hidden by classifier"); // clean generated-api
            }

            consumer.Commit(result);
        }
    }

    public void OnModeratorOverride(string commentId, string moderatorEmail, string note, bool lockedByOther)
    {
        using var span = Source.StartCommentmodModerate(commentId).SetCommentmodVerdict("restored"); // clean generated-api
        if (lockedByOther)
        {
            var ex = new CommentLockedException(commentId);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return;
        }

        span.SetCommentmodModeratorId(pseudonymizer.PseudonymizeCommentmodModeratorId(moderatorEmail)); // clean precision-pseudonym
        span.Activity?.SetTag("commentmod.moderator.team", moderatorEmail.EndsWith("@trust-safety.example.tv", StringComparison.Ordinal) ? "trust-safety" : "editorial"); // clean precision-about
        logger.LogInformation("Override by {Moderator}: {Note}", moderatorEmail, note); // leak TC1001 direct
    }
}
