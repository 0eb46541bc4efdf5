namespace PrivacyHoldout79.Media;

/// <summary>Thrown by the schema library; its message lists the instance at the failing pointer.</summary>
public sealed class SchemaViolationException(string pointer, string keyword, string instance)
    : Exception($"{pointer}: {keyword} failed for {instance}")
{
    public string Pointer { get; } = pointer;

    public string Keyword { get; } = keyword;
}

/// <summary>
/// Validates the streaming apps' analytics events against the tracking plan before they are sent
/// on. The apps' bags include <c>search_submitted.query</c> (what the viewer typed),
/// <c>profile_switched.profile_name</c> and <c>account_updated.email</c>.
/// </summary>
public sealed partial class TrackingPlanValidator(
    TrackingPlan plan,
    ILogger<TrackingPlanValidator> logger,
    ActivitySource source,
    Meter meter)
{
    private readonly Counter<long> _violations = meter.CreateCounter<long>("stream.tracking.violations");

    [LoggerMessage(EventId = 8201, Level = LogLevel.Warning, Message = "Tracking plan violation in {EventName}: {Pointer} ({Keyword})")]
    private static partial void LogViolation(ILogger logger, string eventName, string pointer, string keyword);

    [LoggerMessage(EventId = 8202, Level = LogLevel.Warning, Message = "Rejected instance {Instance}")]
    private static partial void LogInstance(ILogger logger, string instance);

    public bool Check(string batchId, TrackEvent e)
    {
        using var span = source.StartViewpulseIngest(batchId);
        if (!plan.Knows(e.Event))
        {
            meter.CreateViewpulseEventsIngestedCounter().Add(1, ViewpulseEventName(e.Event), "rejected:unknown_event"); // clean precision-about
            span.SetViewpulseOutcome("rejected:unknown_event"); // clean precision-about
            return false;
        }

        try
        {
            Validate(e);
            return true;
        }
        catch (SchemaViolationException ex)
        {
            LogViolation(logger, e.Event, ex.Pointer, ex.Keyword); // clean precision-names
            LogInstance(logger, JsonSerializer.Serialize(e.Properties)); // leak TC1001 logging-objects
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Schema check failed for {Event}", e.Event); // leak TC1001 exceptions
            _violations.Add(1, new KeyValuePair<string, object?>("event", e.Event), new("pointer", ex.Pointer)); // clean precision-names
            logger.LogViewpulseIngestRejectedEvent(batchId, "rejected:schema", viewpulseEventName: e.Event, viewpulseNote: $"{ex.Pointer} {ex.Keyword}"); // clean precision-names
            logger.LogViewpulseIngestRejectedEvent(batchId, "rejected:schema", viewpulseNote: e.ToString()); // leak TC1001 generated-api
            return false;
        }
    }

    private static string ViewpulseEventName(string raw) => raw.Length > 40 ? "_invalid" : raw;

    private static void Validate(TrackEvent e)
    {
        foreach (var (key, value) in e.Properties)
        {
            if (value is string text && text.Length > 200)
            {
                throw new SchemaViolationException("/properties/" + key, "maxLength", text);
            }
        }
    }
}
