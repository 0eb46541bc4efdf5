namespace ClickKit.Cdp
{
    /// <summary>One person in an audience, as a CDP sends them to a destination. Prints its members.</summary>
    public sealed record AudienceMember(string ExternalId, string? Email, string? Phone)
    {
        public Dictionary<string, object?> Attributes { get; init; } = new();
    }

    /// <summary>A batch of audience changes for one destination. Prints its members (the member list as its type's name).</summary>
    public sealed record SyncBatch(Guid BatchId, string Destination, string AudienceId, IReadOnlyList<AudienceMember> Members, bool Removal);

    /// <summary>One record a destination refused: its index in the batch, a code and the destination's message. Prints its members.</summary>
    public sealed record SyncError(int Index, string Code, string Message);

    public sealed class SyncResult
    {
        public int Accepted { get; init; }

        public int Rejected => Errors.Count;

        public List<SyncError> Errors { get; } = new();
    }

    /// <summary>
    /// Thrown when a destination's API answers with an error status. Its message names the destination and the
    /// status; <c>ResponseBody</c> is the destination's body as received.
    /// </summary>
    public sealed class DestinationException(string destination, int status, string responseBody)
        : Exception($"Destination '{destination}' answered {status}")
    {
        public string Destination { get; } = destination;

        public int Status { get; } = status;

        public string ResponseBody { get; } = responseBody;

        public bool IsRateLimited => Status == 429;
    }

    /// <summary>A destination's API (an email tool, an ad platform's customer list); calling it is not telemetry.</summary>
    public interface IDestinationClient
    {
        string Name { get; }

        Task<SyncResult> UpsertAsync(SyncBatch batch, CancellationToken cancellationToken = default);
    }

    /// <summary>The CDP's profile store, read by audience; not telemetry.</summary>
    public interface IProfileStore
    {
        IAsyncEnumerable<AudienceMember> AudienceAsync(string audienceId, CancellationToken cancellationToken = default);
    }
}
