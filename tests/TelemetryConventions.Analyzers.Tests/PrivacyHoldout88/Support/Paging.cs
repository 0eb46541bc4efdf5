namespace PagerKit;

// A PagerDuty-style Events API v2 client, reduced to what the services call.

public enum EventAction
{
    Trigger,
    Acknowledge,
    Resolve,
}

public enum AlertSeverity
{
    Critical,
    Error,
    Warning,
    Info,
}

/// <summary>The payload of a trigger event. Custom details are shown to the responder as they are sent.</summary>
public sealed record AlertPayload(
    string Summary,
    string Source,
    AlertSeverity Severity,
    string? Component = null,
    string? Group = null,
    string? Class = null)
{
    public Dictionary<string, object?> CustomDetails { get; init; } = new();
}

public sealed record AlertLink(string Href, string Text);

/// <summary>An event for the Events API. Prints its routing key, action, dedup key and payload.</summary>
public sealed record AlertEvent(string RoutingKey, EventAction Action, string DedupKey, AlertPayload? Payload = null)
{
    public List<AlertLink> Links { get; init; } = new();
}

public sealed record EnqueueResult(string Status, string DedupKey, string Message);

public interface IEventsApiClient
{
    Task<EnqueueResult> EnqueueAsync(AlertEvent alert, CancellationToken cancellationToken = default);
}

/// <summary>Thrown for a non-2xx answer; the message quotes the status and the API's error list.</summary>
public sealed class EventsApiException(int statusCode, IReadOnlyList<string> errors)
    : Exception($"Events API answered {statusCode}: {string.Join("; ", errors)}")
{
    public int StatusCode { get; } = statusCode;

    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>A responder as the paging service describes them in webhooks.</summary>
public sealed record Agent(string Id, string Summary, string Email);

/// <summary>An incident webhook (acknowledged, resolved, escalated, annotated). Prints its members.</summary>
public sealed record IncidentWebhook(
    string EventType,
    string IncidentId,
    int IncidentNumber,
    string Title,
    string Urgency,
    string ServiceId,
    Agent? Agent,
    DateTimeOffset OccurredAt);

/// <summary>An entry of an incident's timeline (a note, a status change, a page).</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Text, string? Author);

public interface IIncidentsApi
{
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string incidentId, CancellationToken cancellationToken = default);

    Task AddNoteAsync(string incidentId, string fromEmail, string text, CancellationToken cancellationToken = default);
}

public static class Runbooks
{
    public const string BaseUrl = "https://runbooks.internal.example";

    public static string For(string service, string check) => $"{BaseUrl}/{service}/{check}";
}

public static class DedupKeys
{
    public static string Of(string service, string check) => $"{service}:{check}";
}
