namespace Deskkit;

// A Zendesk/Freshdesk-style help-desk API client, reduced to the shapes the support services use.

/// <summary>The person who raised a ticket, as the help desk stores them.</summary>
public sealed record Requester(long Id, string Name, string Email, string? Phone, string? ExternalId);

/// <summary>A support agent (staff) as the help desk stores them.</summary>
public sealed record AgentRef(long Id, string Name, string Email, string Team);

/// <summary>A comment on a ticket: public (the customer sees it) or an internal note.</summary>
public sealed record TicketComment(long Id, long AuthorId, string Body, bool Public, DateTimeOffset CreatedAt);

/// <summary>A ticket. A class: printed it gives its type name.</summary>
public sealed class Ticket
{
    public long Id { get; init; }

    public string Subject { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public string Status { get; set; } = "new";

    public string Priority { get; set; } = "normal";

    public string Via { get; init; } = "web";

    public required Requester Requester { get; init; }

    public long? AssigneeId { get; set; }

    public string? GroupName { get; set; }

    public List<string> Tags { get; } = new();

    public Dictionary<string, object?> CustomFields { get; } = new();

    public List<TicketComment> Comments { get; } = new();

    public DateTimeOffset CreatedAt { get; init; }

    public string? CustomField(string key) => CustomFields.TryGetValue(key, out var value) ? value?.ToString() : null;
}

public sealed record NewTicket(string Subject, string Body, string RequesterEmail, string RequesterName, string Priority, IReadOnlyList<string> Tags);

/// <summary>A ticket webhook as the help desk posts it (its JSON placeholders filled in).</summary>
public sealed record TicketWebhook(string Event, long TicketId, string RequesterEmail, string RequesterName, string Subject, string LatestComment, string Priority, string Tags);

/// <summary>The search API's answer: ids and a count.</summary>
public sealed record SearchPage(IReadOnlyList<long> TicketIds, int Count, string? AfterCursor);

/// <summary>Thrown by the client for a non-success answer; the message quotes the status and the response body.</summary>
public sealed class HelpdeskApiException(int statusCode, string responseBody)
    : Exception($"Help desk API returned {statusCode}: {responseBody}")
{
    public int StatusCode { get; } = statusCode;

    public string ResponseBody { get; } = responseBody;
}

/// <summary>Thrown when a ticket id is not found; quotes only the id.</summary>
public sealed class TicketNotFoundException(long ticketId) : Exception($"Ticket {ticketId} was not found")
{
    public long TicketId { get; } = ticketId;
}

public sealed class HelpdeskClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public Task<Ticket> GetTicketAsync(long id, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Ticket { Id = id, Requester = new Requester(0, string.Empty, string.Empty, null, null) });

    public Task<long> CreateTicketAsync(NewTicket ticket, CancellationToken cancellationToken = default) => Task.FromResult(1L);

    public Task AddCommentAsync(long ticketId, string body, bool isPublic, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SetTagsAsync(long ticketId, IEnumerable<string> tags, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task AssignAsync(long ticketId, string group, long? assigneeId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<SearchPage> SearchAsync(string query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SearchPage(Array.Empty<long>(), 0, null));

    public Task<Requester?> FindRequesterByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        Task.FromResult<Requester?>(null);
}

/// <summary>A canned response (macro) with <c>{{placeholder}}</c> fields.</summary>
public sealed record Macro(string Id, string Title, string Template);

public static class MacroRenderer
{
    /// <summary>Fills the placeholders; the result is the reply the customer will read.</summary>
    public static string Render(Macro macro, IReadOnlyDictionary<string, string> values)
    {
        var text = macro.Template;
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }
        if (text.Contains("{{", StringComparison.Ordinal))
        {
            throw new MacroRenderException(macro.Id, text[(text.IndexOf("{{", StringComparison.Ordinal) + 2)..].Split("}}")[0]);
        }
        return text;
    }
}

/// <summary>A placeholder of a macro had no value; quotes the macro id and the placeholder name.</summary>
public sealed class MacroRenderException(string macroId, string placeholder)
    : Exception($"Macro {macroId} has no value for {{{{{placeholder}}}}}")
{
    public string MacroId { get; } = macroId;

    public string Placeholder { get; } = placeholder;
}

/// <summary>An SLA policy of the help desk.</summary>
public sealed record SlaPolicy(string Name, TimeSpan FirstReply, TimeSpan Resolution);

/// <summary>A breach raised by the SLA timer: ids, policy, metric and durations.</summary>
public sealed record SlaBreach(long TicketId, string Policy, string Metric, TimeSpan Overdue, string Priority, string Queue);

/// <summary>An escalation between teams. <c>Note</c> is the agent's free text.</summary>
public sealed record Escalation(long TicketId, string FromTeam, string ToTeam, string ReasonCode, string Note, string RaisedBy);

/// <summary>A call-back request left by a caller on the IVR or the web form.</summary>
public sealed record CallbackRequest(string RequestId, string Name, string PhoneNumber, DateTimeOffset WindowStart, string Queue, string Reason);

public static class Masking
{
    /// <summary>Keeps the last four characters: "•••• 4821".</summary>
    public static string LastFour(string value) => value.Length <= 4 ? value : "•••• " + value[^4..];

    /// <summary>"j•••@example.org".</summary>
    public static string Email(string email)
    {
        var at = email.IndexOf('@');
        return at <= 1 ? "•••" + email[Math.Max(at, 0)..] : email[0] + "•••" + email[at..];
    }

    public static string Domain(string email) => email[(email.IndexOf('@') + 1)..];
}
