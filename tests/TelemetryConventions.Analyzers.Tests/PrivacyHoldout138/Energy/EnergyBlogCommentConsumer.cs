namespace PrivacyHoldout138.Energy;

/// <summary>Reads comments posted under the energy-saving blog. The topic is keyed by blog post id.</summary>
public sealed class EnergyBlogCommentConsumer(
    IConsumer<string, Comment> consumer,
    IModerationClient moderation,
    Pseudonymizer pseudonymizer,
    ILogger<EnergyBlogCommentConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Supplier.BlogComments");
    private static readonly Meter BlogMeter = new("Supplier.BlogComments");
    private static readonly Counter<long> Verdicts = BlogMeter.CreateCounter<long>("blog.comment.verdicts", "{comment}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var comment = result.Message.Value;
            using var activity = Source.StartActivity("blog.comment.moderate");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            activity?.SetTag("blog.comment.id", comment.CommentId); // clean precision-names
            activity?.SetTag("blog.comment.length", comment.Text.Length); // clean precision-about
            activity?.SetTag("blog.comment.author", comment.AuthorDisplayName); // leak TC1001 direct
            activity?.SetTag(EnergymagAttributes.CustomerId, pseudonymizer.ComputeEnergymagCustomerId(comment.AuthorId)); // clean precision-pseudonym

            try
            {
                var verdict = await moderation.ClassifyAsync(comment, stoppingToken);
                logger.LogInformation("Verdict {Verdict}", verdict); // clean logging-objects
                Verdicts.Add(1, new TagList { { "decision", verdict.Decision }, { "thread", comment.ThreadId } }); // clean precision-names
                if (verdict.Decision == "reject")
                {
                    logger.LogInformation("Rejected comment {Comment}", comment); // leak TC1001 logging-objects
                    activity?.AddEvent(new ActivityEvent("blog.comment.rejected", tags: new ActivityTagsCollection { ["toxicity"] = verdict.Toxicity, ["categories"] = verdict.Categories.Length })); // clean precision-about
                }
            }
            catch (ThreadClosedException ex)
            {
                logger.LogInformation(ex, "Thread {ThreadId} closed", ex.ThreadId); // clean exceptions
            }

            consumer.Commit(result);
        }
    }
}
