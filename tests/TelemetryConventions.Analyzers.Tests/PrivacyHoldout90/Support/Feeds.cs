namespace FeedKit;

// A Stream-style activity feeds client (feeds named slug:userId, activities of actor, verb and object,
// aggregated and notification feeds, follows), reduced to what the services call. Stream's type is
// called Activity; the stand-in is FeedActivity so that it does not meet System.Diagnostics.Activity.

/// <summary>An activity. A class: prints its type name.</summary>
public sealed class FeedActivity(string actor, string verb, string @object)
{
    public string? Id { get; set; }

    public string Actor { get; } = actor;

    public string Verb { get; } = verb;

    public string Object { get; } = @object;

    public string? Target { get; init; }

    public string? ForeignId { get; init; }

    public DateTime? Time { get; init; }

    public List<string> To { get; init; } = new();

    public Dictionary<string, object> ExtraData { get; } = new();
}

/// <summary>A group of an aggregated or notification feed ("Alice and 3 others liked …"). A class.</summary>
public sealed class AggregatedActivity
{
    public required string Id { get; init; }

    /// <summary>The aggregation key, built from the feed's aggregation format (verb, object and day).</summary>
    public required string Group { get; init; }

    public required string Verb { get; init; }

    public int ActivityCount { get; init; }

    public int ActorCount { get; init; }

    public List<FeedActivity> Activities { get; init; } = new();

    public bool IsSeen { get; init; }

    public bool IsRead { get; init; }
}

/// <summary>A follow: the feed that follows (<c>timeline:{userId}</c>) and the feed it follows. Prints its members.</summary>
public sealed record Follower(string FeedId, string TargetId, DateTime CreatedAt);

public sealed record MarkResult(int Seen, int Read);

public interface IStreamFeed
{
    /// <summary>The feed id, <c>{slug}:{userId}</c>.</summary>
    string Id { get; }

    string FeedSlug { get; }

    string UserId { get; }

    Task<FeedActivity> AddActivityAsync(FeedActivity activity);

    Task<IReadOnlyList<AggregatedActivity>> GetNotificationActivitiesAsync(int limit, bool markSeen = false);

    Task<IReadOnlyList<Follower>> FollowersAsync(int offset, int limit);

    Task FollowFeedAsync(string targetSlug, string targetUserId);

    Task UnfollowFeedAsync(string targetSlug, string targetUserId);

    Task<MarkResult> MarkReadAsync(IEnumerable<string> groupIds);
}

public interface IStreamClient
{
    IStreamFeed Feed(string feedSlug, string userId);

    Task AddToManyAsync(FeedActivity activity, IEnumerable<string> feedIds);
}

/// <summary>Stream's API error: the status and the server's detail, which names the feed id concerned.</summary>
public sealed class StreamException(int statusCode, string detail) : Exception($"{statusCode}: {detail}")
{
    public int StatusCode { get; } = statusCode;
}

public static class AggregationText
{
    /// <summary>"Alice liked …", "Alice and Bob liked …", "Alice and 3 others liked …".</summary>
    public static string Summarise(IReadOnlyList<string> actorNames, string verbPhrase, string objectName) => actorNames.Count switch
    {
        0 => $"Someone {verbPhrase} {objectName}",
        1 => $"{actorNames[0]} {verbPhrase} {objectName}",
        2 => $"{actorNames[0]} and {actorNames[1]} {verbPhrase} {objectName}",
        _ => $"{actorNames[0]} and {actorNames.Count - 1} others {verbPhrase} {objectName}",
    };
}
