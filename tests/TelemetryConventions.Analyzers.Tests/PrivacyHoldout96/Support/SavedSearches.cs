namespace SearchKit.Saved;

public enum AlertFrequency
{
    Off,
    Instant,
    Daily,
    Weekly,
}

/// <summary>
/// A search a person saved, with their name for it and how often to alert them of new results. A class without
/// <c>ToString</c>: printed, it is its type's name.
/// </summary>
public sealed class SavedSearch
{
    public Guid Id { get; init; }

    /// <summary>The person who saved it (a staff id, a student number, an account, a customer number, a rider id).</summary>
    public required string OwnerId { get; init; }

    /// <summary>The name the owner gave it ("My diabetic patients", "Cheap flights to mum's").</summary>
    public required string Name { get; init; }

    public required string QueryText { get; init; }

    public string? Filter { get; init; }

    public AlertFrequency Frequency { get; init; }

    public DateTimeOffset? LastRunAt { get; set; }

    public int LastResultCount { get; set; }
}

/// <summary>What an alert run found for a saved search and where it was sent. Prints its members, the recipient among them.</summary>
public sealed record SavedSearchAlert(Guid SavedSearchId, string Recipient, int NewResults, AlertFrequency Frequency);

public interface ISavedSearchStore
{
    Task<IReadOnlyList<SavedSearch>> DueAsync(AlertFrequency frequency, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SavedSearch>> ForOwnerAsync(string ownerId, CancellationToken cancellationToken = default);

    Task SaveAsync(SavedSearch search, CancellationToken cancellationToken = default);
}

/// <summary>Sends the alert email or push (not telemetry).</summary>
public interface IAlertSender
{
    Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken = default);
}

/// <summary>The alert sender's refusal, quoting the recipient as mail relays do.</summary>
public sealed class AlertRejectedException(string recipient, string reason) : Exception($"Alert to <{recipient}> rejected: {reason}")
{
    public string Reason { get; } = reason;
}
