namespace PrivacyHoldout105.Education;

/// <summary>
/// Reads the learning platform's page views from <c>lms.pageviews</c> (keyed by the tracker's anonymous id),
/// assigns them to sessions with a thirty-minute idle timeout and writes closed sessions to the warehouse. The
/// platform's paths include teachers' pages about one student (<c>/students/{studentNumber}/progress</c>).
/// </summary>
public sealed class LearnerSessionizer(
    IConsumer<string, string> consumer,
    ISessionStore sessions,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AnalyticsOptions options,
    ILogger<LearnerSessionizer> logger) : BackgroundService
{
    private readonly Sessionizer _sessionizer = new(options.SessionIdleTimeout);
    private readonly Histogram<double> _sessionMinutes = meter.CreateHistogram<double>("lms.session.duration", "min");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                await CloseIdleAsync(stoppingToken);
                continue;
            }

            logger.LogDebug("Consumed {Topic}/{Partition}@{Offset}", result.Topic, result.Partition, result.Offset); // clean precision-about
            logger.LogDebug("Page view keyed {Key}", result.Message.Key); // leak TC1001 direct
            PageView? view;
            try
            {
                view = JsonSerializer.Deserialize<PageView>(result.Message.Value);
            }
            catch (JsonException ex)
            {
                logger.LogWarning(ex, "Unreadable page view at offset {Offset}", result.Offset); // clean exceptions
                logger.LogWarning("Unreadable page view {Payload}", result.Message.Value); // leak TC1001 strings
                consumer.Commit(result);
                continue;
            }
            if (view is null)
            {
                continue;
            }

            var assignment = _sessionizer.Assign(view);
            using var span = source.StartLrnclickCollect("page_view").SetLrnclickSessionId(assignment.Session.SessionId); // clean generated-api
            if (view.UserId is { } studentNumber)
            {
                span.SetLrnclickStudentId(pseudonymizer.PseudonymizeLrnclickStudentId(studentNumber)); // clean precision-pseudonym
                Activity.Current?.SetTag("lms.student", view.UserId); // leak TC1001 direct
            }
            Activity.Current?.SetTag("lms.view.id", view.ViewId); // clean precision-names
            Activity.Current?.SetTag("lms.page", view.Path); // leak TC1001 strings
            Activity.Current?.SetTag("lms.page.route", LmsRoutes.Template(view.Path)); // clean strings
            Activity.Current?.SetBaggage("lms.session", assignment.Session.SessionId); // clean precision-names
            if (assignment.IsNew)
            {
                logger.LogInformation("Opened session {Session}", assignment.Session); // leak TC1001 logging-objects
                logger.LogInformation("Opened session {SessionId} on {EntryRoute}", assignment.Session.SessionId, LmsRoutes.Template(assignment.Session.EntryPath)); // clean strings
            }
            consumer.Commit(result);
        }
    }

    private async Task CloseIdleAsync(CancellationToken ct)
    {
        var closed = _sessionizer.CloseIdle(DateTimeOffset.UtcNow);
        if (closed.Count == 0)
        {
            return;
        }
        await sessions.WriteAsync(closed, ct);
        logger.LogInformation("Closed {Count} idle sessions, mean {Minutes:F1} min", closed.Count, closed.Average(s => s.Duration.TotalMinutes)); // clean precision-about
        Activity.Current?.SetTag("lms.sessions.open", _sessionizer.OpenSessions); // clean precision-about
        foreach (var session in closed)
        {
            _sessionMinutes.Record(session.Duration.TotalMinutes, new KeyValuePair<string, object?>("lms.entry_route", LmsRoutes.Template(session.EntryPath))); // clean strings
            _sessionMinutes.Record(session.Duration.TotalMinutes, new KeyValuePair<string, object?>("lms.student", session.UserId)); // leak TC1003 direct
        }
    }
}

public static class LmsRoutes
{
    /// <summary>Replaces a student number, a course code or a lesson number in a path by a placeholder.</summary>
    public static string Template(string path) =>
        string.Join('/', path.Split('/').Select((segment, i) => i > 1 && segment.Any(char.IsDigit) ? "{id}" : segment));
}
