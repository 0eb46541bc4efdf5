namespace PrivacyHoldout93.Gaming;

/// <summary>
/// The post-match survey shown to a sample of players: "how likely are you to recommend" (0 to 10), what they
/// liked from a list, and a comment. Detractors get a follow-up question; the community team reads comments tagged
/// by topic; the title's NPS is published per platform with small groups suppressed.
/// </summary>
public sealed partial class PlayerFeedbackSurvey(
    ITextAnalyticsClient textAnalytics,
    TopicLexicon lexicon,
    Pseudonymizer pseudonymizer,
    SurveyOptions options,
    FormTelemetry telemetry,
    ILogger<PlayerFeedbackSurvey> logger)
{
    private const string NpsField = "q1_nps";
    private const string LikedField = "q2_liked";
    private const string CommentField = "q3_comment";

    private readonly Histogram<int> _nps = telemetry.Meter.CreateHistogram<int>("playerfb.nps");

    public async Task RecordAsync(FormSubmission response, string title, string platform, CancellationToken cancellationToken)
    {
        using var span = telemetry.Source.StartPlayerfbSubmit(response.FormId).SetPlayerfbTitle(title);
        var player = response.RespondentId!;
        var score = response.Score(NpsField) ?? -1;
        var category = Nps.Category(score);
        span.SetPlayerfbScore(score);
        span.Activity?.SetTag("playerfb.nps.category", category); // clean precision-about
        _nps.Record(score, new KeyValuePair<string, object?>("title", title), new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("category", category)); // clean precision-names
        span.Activity?.SetTag("playerfb.liked", response.Answer(LikedField)); // clean precision-names

        var comment = response.Answer(CommentField);
        if (comment is not null)
        {
            var topics = lexicon.Count(comment).Where(t => t.Value > 0).Select(t => t.Key).ToList();
            span.Activity?.SetTag("playerfb.comment.topics", string.Join(",", topics)); // clean precision-names
            try
            {
                var sentiment = await textAnalytics.AnalyzeAsync(comment, "en", cancellationToken);
                span.Activity?.SetTag("playerfb.comment.negative", sentiment.Negative); // clean precision-about
                span.Activity?.AddEvent(new ActivityEvent("playerfb.comment.analyzed", tags: new ActivityTagsCollection { ["phrases"] = string.Join(", ", sentiment.KeyPhrases.Take(5)) })); // leak TC1001 strings
            }
            catch (TextAnalyticsException failure)
            {
                logger.LogWarning(failure, "Sentiment failed for {Title}", title); // clean exceptions
                LogCommentQueued(logger, title, comment); // leak TC1001 logging-objects
            }
            if (category == "detractor")
            {
                logger.LogPlayerfbSubmissionRejectedEvent(response.FormId, "detractor_follow_up", CommentField, playerfbRespondentId: pseudonymizer.PseudonymizePlayerfbRespondentId(player), playerfbNote: $"{topics.Count} topics"); // clean generated-api
                logger.LogInformation("Detractor {Player} said: {Comment}", player, comment); // leak TC1001 direct
                span.SetPlayerfbRespondentId(Pseudonym.FromComputed(player)); // leak TC1001 precision-pseudonym
            }
        }
    }

    public NpsResult PublishTitleNps(string title, IReadOnlyList<(string Platform, string Player, int Score)> responses)
    {
        using var activity = telemetry.Source.StartActivity("playerfb.title_nps");
        var byPlatform = responses.GroupBy(r => r.Platform).ToDictionary(g => g.Key, g => Nps.Compute(g.Select(r => r.Score)));
        var published = byPlatform.Where(p => p.Value.Total >= options.SmallGroupThreshold).ToDictionary(p => p.Key, p => p.Value.Score);
        logger.LogInformation("NPS for {Title} by platform {@Nps}", title, published); // clean logging-objects
        activity?.SetTag("playerfb.platforms.suppressed", byPlatform.Count - published.Count);
        var overall = Nps.Compute(responses.Select(r => r.Score));
        activity?.SetTag("playerfb.nps", overall.Score); // clean precision-about
        logger.LogInformation("Title NPS {Result}", overall); // clean logging-objects
        var loudest = responses.Where(r => r.Score == 0).Select(r => r.Player).Take(10).ToList();
        logger.LogDebug("Zero scores from {Players}", loudest); // leak TC1001 logging-objects
        activity?.SetTag("playerfb.detractor.sample", string.Join(",", responses.Where(r => r.Score <= 6).Take(3).Select(r => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(r.Player)))[..10]))); // leak TC1002 hashes
        return overall;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment on {Title} queued for manual review: {Comment}")]
    private static partial void LogCommentQueued(ILogger logger, string title, string comment);
}
