namespace GatewayKit.Suppression;

// A suppression list in the shape of the email and SMS providers' (SES' account-level suppression list,
// SendGrid's unsubscribe groups, Twilio's opt-out list).

public enum SuppressionReason
{
    Bounce,
    Complaint,
    Unsubscribe,
    SmsStop,
    Manual,
}

/// <summary>An entry: the address or number, the channel, why, where from and when. A record: prints its members.</summary>
public sealed record SuppressionEntry(string Address, string Channel, SuppressionReason Reason, string Source, DateTimeOffset CreatedAt)
{
    /// <summary>The unsubscribe group or list (<c>newsletter</c>, <c>promotions</c>); null for every message.</summary>
    public string? Group { get; init; }
}

/// <summary>The list's store: reading and writing it is not telemetry.</summary>
public interface ISuppressionList
{
    Task<bool> IsSuppressedAsync(string address, string channel, string? group = null, CancellationToken cancellationToken = default);

    Task AddAsync(SuppressionEntry entry, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(string address, string channel, CancellationToken cancellationToken = default);

    Task<int> CountAsync(string channel, CancellationToken cancellationToken = default);
}

/// <summary>The store's refusal to add an entry that is already there: quotes the address, as the provider's API does.</summary>
public sealed class AlreadySuppressedException(string address, string channel)
    : Exception($"{address} is already on the {channel} suppression list")
{
    public string Channel { get; } = channel;
}
