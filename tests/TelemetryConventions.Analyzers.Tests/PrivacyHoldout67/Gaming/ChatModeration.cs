using System.Text.Json;

namespace PrivacyHoldout67.Gaming;

/// <summary>A report a player filed against a chat line, as the game client publishes it.</summary>
public sealed record PlayerReport(string ReportId, string MatchId, Guid ReporterId, string ReporterGamertag, Guid ReportedId, string Category, string ChatLine, string? Comment);

/// <summary>The word filter blocked a line; its message quotes the line.</summary>
public sealed class BlockedLineException(string line) : Exception($"Blocked chat line: '{line}'");

/// <summary>The moderation queue's consumer: each report continues the trace of the client that sent it.</summary>
public sealed class ReportConsumer(IBatchReceiver receiver, ModerationService moderation, ILogger<ReportConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Arena.Moderation.Consumer");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var message in await receiver.ReceiveBatchAsync(20, stoppingToken))
            {
                var parent = Propagators.DefaultTextMapPropagator.Extract(default, message, MessageCarrier.Getter);
                Baggage.Current = parent.Baggage;
                using var activity = Source.StartActivity("moderation.report process", ActivityKind.Consumer, parent.ActivityContext);
                activity?.SetTag("messaging.message.id", message.MessageId);
                activity?.SetTag("messaging.delivery_count", message.DeliveryCount);
                activity?.SetTag("client.platform", Baggage.GetBaggage("client.platform")); // clean direct
                activity?.SetTag("reporter.id", Baggage.GetBaggage("player.id")); // leak TC1001 direct
                var report = JsonSerializer.Deserialize<PlayerReport>(message.Body)!;
                activity?.SetCustomProperty("reporter", report.ReporterGamertag); // clean direct
                try
                {
                    await moderation.ReviewAsync(report, stoppingToken);
                    await receiver.CompleteAsync(message, stoppingToken);
                }
                catch (TimeoutException ex)
                {
                    logger.LogWarning(ex, "Review of report {ReportId} timed out", report.ReportId); // clean exceptions
                }
            }
        }
    }
}

/// <summary>Reviews a report: the word filter, then escalation to a human moderator.</summary>
public sealed class ModerationService(IWordFilter filter, Pseudonymizer pseudonymizer, ILogger<ModerationService> logger)
{
    public async Task ReviewAsync(PlayerReport report, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.SetTag("moderation.category", report.Category);
        activity?.SetTag("moderation.line.length", report.ChatLine.Length); // clean precision-about
        try
        {
            await filter.CheckAsync(report.ChatLine, ct);
        }
        catch (BlockedLineException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"Blocked: {report.ChatLine}"); // leak TC1001 strings
            logger.LogError(ex, "Filter blocked the reported line in {MatchId}", report.MatchId); // leak TC1001 exceptions
        }

        if (report.Category is "harassment" or "cheating")
        {
            activity?.AddArenaReportEscalatedEvent(report.MatchId, "escalated", pseudonymizer.PseudonymizeArenaPlayerId(report.ReportedId.ToString()), $"category {report.Category}"); // clean generated-api
            activity?.AddArenaReportEscalatedEvent(report.MatchId, "escalated", arenaNote: report.Comment ?? string.Empty); // leak TC1001 generated-api
            logger.LogArenaReportEscalatedEvent(report.MatchId, "escalated", pseudonymizer.PseudonymizeArenaPlayerId(report.ReportedId.ToString())); // clean precision-pseudonym
            logger.LogInformation("Escalated {@Report}", report); // leak TC1001 logging-objects
            logger.LogInformation("Escalated {ReportId} ({Category}) in {MatchId}", report.ReportId, report.Category, report.MatchId); // clean direct
        }
    }
}

public interface IWordFilter
{
    Task CheckAsync(string line, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps every moderation span and one in ten of the others, the same players' spans each time. The
/// sampler reads the tags the span starts with; its attributes are added to the span.
/// </summary>
public sealed class ModerationSampler : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.Name.StartsWith("moderation.", StringComparison.Ordinal))
        {
            return new SamplingResult(SamplingDecision.RecordAndSample, new[] { KeyValuePair.Create("sampler.reason", (object)"moderation") }); // clean direct
        }
        var player = samplingParameters.Tags?.FirstOrDefault(t => t.Key == "player.guid").Value as Guid?;
        if (player is { } id)
        {
            var bucket = Math.Abs(id.GetHashCode()) % 10;
            return new SamplingResult(bucket == 0 ? SamplingDecision.RecordAndSample : SamplingDecision.Drop, new[] { KeyValuePair.Create("sampler.bucket", (object)bucket) }); // leak TC1002 hashes
        }
        return new SamplingResult(SamplingDecision.RecordAndSample, new[] { KeyValuePair.Create("sampler.tags", (object)(samplingParameters.Tags?.Count() ?? 0)) }); // clean precision-about
    }
}

/// <summary>The moderation host's listener: logs the reports whose processing failed.</summary>
public static class ModerationListener
{
    public static ActivityListener Create(ILogger logger) => new()
    {
        ShouldListenTo = source => source.Name.StartsWith("Arena.Moderation", StringComparison.Ordinal),
        Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        ActivityStopped = activity =>
        {
            if (activity.Status == ActivityStatusCode.Error)
            {
                logger.LogWarning("Report span {Name} failed in {Duration} ms", activity.DisplayName, activity.Duration.TotalMilliseconds); // clean precision-names
                logger.LogWarning("Report by {Reporter} failed", activity.GetCustomProperty("reporter")); // leak TC1001 cross-member
            }
        },
    };
}
