namespace PrivacyHoldout165.Media;

/// <summary>Reads DNA match stories handed over by the testing partner (topic keyed by applicant id) and plans segments.</summary>
public sealed partial class MatchStoryConsumer(
    IConsumer<string, StoryMatch> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<MatchStoryConsumer> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Reunion.Stories");
    private readonly List<string> _withdrawn = new();
    private StoryMatch? _closestMatch;

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} matched {MatchName} at {Centimorgans} cM")]
    private static partial void LogMatched(ILogger logger, string storyId, [PrivateData] string matchName, double centimorgans);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {Segment} dropped")]
    private static partial void LogDropped(ILogger logger, string segment, Exception exception);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var record = consumer.Consume(stoppingToken);
            if (record is null)
            {
                continue;
            }

            using var span = Source.StartReunionOperation("lost-and-found");
            span.Activity?.SetTag("messaging.kafka.message.key", record.Message.Key); // leak TC1001 direct
            var match = record.Message.Value;
            LogMatched(logger, match.StoryId, match.MatchDisplayName, match.SharedCentimorgans); // clean logging-objects
            span.SetReunionSegment("reveal"); // clean generated-api
            span.SetReunionStoryCount(1); // clean generated-api
            span.SetReunionApplicantId(Pseudonym.FromComputed(match.ApplicantId)); // leak TC1001 generated-api
            if (_closestMatch is null || match.SharedCentimorgans > _closestMatch.SharedCentimorgans)
            {
                _closestMatch = match;
            }

            var segment = new EpisodeSegment("lost-and-found", "reveal", 4, TimeSpan.FromMinutes(12));
            try
            {
                if (match.SharedCentimorgans < 20)
                {
                    throw new RelativeWithdrewException(match.MatchDisplayName);
                }

                if (segment.Runtime > TimeSpan.FromMinutes(10))
                {
                    throw new SegmentOverrunException(segment.Segment, segment.Runtime - TimeSpan.FromMinutes(10));
                }
            }
            catch (RelativeWithdrewException ex)
            {
                _withdrawn.Add(match.MatchDisplayName);
                LogDropped(logger, segment.Segment, ex); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
            }
            catch (SegmentOverrunException ex)
            {
                LogDropped(logger, segment.Segment, ex); // clean exceptions
                span.RecordException(ex, includeMessage: true); // clean exceptions
            }

            logger.LogInformation("Segment {@Segment}", segment); // clean logging-objects
            meter.CreateReunionStoriesCounter().Add(1, "lost-and-found", match.PredictedRelationship); // clean generated-api
            consumer.Commit(record);
        }

        return Task.CompletedTask;
    }

    public void Report()
    {
        Activity.Current?.SetTag("stories.withdrawn", string.Join(", ", _withdrawn)); // leak TC1001 cross-member
        Activity.Current?.SetTag("stories.withdrawn_count", _withdrawn.Count); // clean cross-member
        Activity.Current?.SetTag("stories.closest_cm", _closestMatch?.SharedCentimorgans); // clean cross-member
        Activity.Current?.SetTag("stories.closest_applicant", _closestMatch?.ApplicantId); // leak TC1001 cross-member
    }
}
