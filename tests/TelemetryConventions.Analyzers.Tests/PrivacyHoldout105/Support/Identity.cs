namespace ClickKit.Identity
{
    /// <summary>A request to stitch an anonymous id to a known user, as a login or signup does. Prints its members.</summary>
    public sealed record StitchRequest(string AnonymousId, string UserId, string Trigger, DateTimeOffset At);

    /// <summary>The identity graph's answer: the canonical id the anonymous history now belongs to. Prints its members.</summary>
    public sealed record StitchOutcome(string CanonicalId, int MergedAnonymousIds, int ReattributedEvents, bool CreatedProfile);

    /// <summary>
    /// Thrown when an anonymous id is already stitched to another user (a shared device). Its message quotes the
    /// anonymous id and both user ids, as the graph's merge rule reports them.
    /// </summary>
    public sealed class IdentityConflictException(string anonymousId, string existingUserId, string newUserId)
        : Exception($"Anonymous id {anonymousId} is already stitched to {existingUserId}; refusing to merge into {newUserId}")
    {
        public string AnonymousId { get; } = anonymousId;

        public string ExistingUserId { get; } = existingUserId;

        public string NewUserId { get; } = newUserId;

        public string Rule { get; } = "one-user-per-anonymous-id";
    }

    /// <summary>Thrown when the graph store is unavailable; quotes the store's name.</summary>
    public sealed class GraphUnavailableException(string store) : Exception($"Identity graph store '{store}' is unavailable")
    {
        public string Store { get; } = store;
    }

    /// <summary>The identity graph (its own store, not telemetry).</summary>
    public interface IIdentityGraph
    {
        Task<StitchOutcome> StitchAsync(StitchRequest request, CancellationToken cancellationToken = default);

        Task<IReadOnlyList<string>> AnonymousIdsOfAsync(string userId, CancellationToken cancellationToken = default);
    }
}
