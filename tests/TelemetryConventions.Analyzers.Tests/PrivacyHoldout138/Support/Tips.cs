namespace PressKit.Tips;

/// <summary>A tip from the public: the alias the source chose, how to reach them, what they wrote. Prints its members.</summary>
public sealed record TipSubmission(string TipId, string SourceAlias, string? SourceContact, string Body, string Desk, DateTimeOffset ReceivedAt, bool Anonymous);

/// <summary>The tip vault: encrypted storage the desks read from. Not telemetry.</summary>
public interface ITipVault
{
    Task<string> StoreAsync(TipSubmission tip, CancellationToken cancellationToken = default);

    Task AssignAsync(string tipId, string desk, string assigneeStaffId, CancellationToken cancellationToken = default);
}

/// <summary>No desk accepts the tip's category; quotes the desk.</summary>
public sealed class TipRoutingException(string desk) : Exception($"Desk '{desk}' is closed to tips")
{
    public string Desk { get; } = desk;
}

/// <summary>The source's contact failed validation; quotes what they typed.</summary>
public sealed class TipContactInvalidException(string contact) : Exception($"Cannot reply to '{contact}'")
{
    public string Field => "contact";
}
