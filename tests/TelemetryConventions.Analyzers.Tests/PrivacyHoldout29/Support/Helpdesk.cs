using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout29.Support.Helpdesk;

// A small stand-in for a Zendesk-style helpdesk API: tickets, comments, users, macros and
// satisfaction ratings, and the webhook that posts ticket changes.

public sealed class HelpdeskUser
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string Role { get; init; } = "end-user";

    public string? ExternalId { get; init; }
}

public sealed class Ticket
{
    public long Id { get; init; }

    public long RequesterId { get; init; }

    public long? AssigneeId { get; init; }

    public long? GroupId { get; init; }

    public string Subject { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public string Status { get; init; } = "new";

    public string Priority { get; init; } = "normal";

    public string Channel { get; init; } = "web";

    public List<string> Tags { get; init; } = new();

    public Dictionary<long, string?> CustomFields { get; init; } = new();

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class TicketComment
{
    public long Id { get; init; }

    public long AuthorId { get; init; }

    public string Body { get; init; } = string.Empty;

    public bool Public { get; init; }

    public int AttachmentCount { get; init; }
}

public sealed class Macro
{
    public long Id { get; init; }

    public required string Title { get; init; }

    public bool Active { get; init; } = true;
}

public sealed class SatisfactionRating
{
    public long Id { get; init; }

    public long TicketId { get; init; }

    public long RequesterId { get; init; }

    public long? AssigneeId { get; init; }

    public string Score { get; init; } = "unoffered";

    public string? Comment { get; init; }

    public string? Reason { get; init; }
}

public sealed record TicketWebhook(string EventType, long TicketId, Ticket Ticket, TicketComment? LatestComment);

/// <summary>
/// An error answered by the helpdesk API: <c>Error</c> is a fixed code (RecordInvalid, RecordNotFound),
/// <c>Description</c> a fixed sentence, and <c>Details</c> lists the invalid fields with the value that was
/// submitted ("requester: email jo@example is not properly formatted"). The message is
/// "{Error}: {Description}".
/// </summary>
public sealed class HelpdeskApiException(int status, string error, string description, IReadOnlyDictionary<string, string> details)
    : Exception($"{error}: {description}")
{
    public int Status { get; } = status;

    public string Error { get; } = error;

    public IReadOnlyDictionary<string, string> Details { get; } = details;
}

public interface IHelpdeskClient
{
    Task<Ticket> GetTicketAsync(long ticketId, CancellationToken cancellationToken);

    Task<Ticket> CreateTicketAsync(Ticket ticket, CancellationToken cancellationToken);

    Task<Ticket> UpdateTicketAsync(long ticketId, Action<Ticket> change, CancellationToken cancellationToken);

    Task AddCommentAsync(long ticketId, string body, bool isPublic, CancellationToken cancellationToken);

    Task<HelpdeskUser> GetUserAsync(long userId, CancellationToken cancellationToken);

    Task<HelpdeskUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken);

    Task<Macro> GetMacroAsync(long macroId, CancellationToken cancellationToken);

    Task ApplyMacroAsync(long ticketId, long macroId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SatisfactionRating>> RatingsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    Task DeleteUserPermanentlyAsync(long userId, CancellationToken cancellationToken);
}
