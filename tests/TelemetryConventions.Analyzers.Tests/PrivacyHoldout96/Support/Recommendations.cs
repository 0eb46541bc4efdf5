namespace RecsKit;

// A recommendation runtime in the shape of Amazon Personalize's: GetRecommendations and GetPersonalizedRanking
// against a campaign or a recommender, for a user and/or an item, with context, a filter and its values, and
// promotions; an event tracker the apps' interactions are put to (PutEvents, not telemetry); and the service's
// exceptions.

/// <summary>A promotion: a share of the results reserved for items a filter selects. A class.</summary>
public sealed class Promotion
{
    public required string Name { get; init; }

    public int PercentPromotedItems { get; init; }

    public required string FilterArn { get; init; }

    public Dictionary<string, string> FilterValues { get; init; } = new();
}

/// <summary>A request. A class: printed, it is its type's name.</summary>
public sealed class GetRecommendationsRequest
{
    public string? CampaignArn { get; set; }

    public string? RecommenderArn { get; set; }

    public string? UserId { get; set; }

    public string? ItemId { get; set; }

    public int NumResults { get; set; } = 25;

    public Dictionary<string, string> Context { get; set; } = new();

    public string? FilterArn { get; set; }

    /// <summary>Values for the filter's placeholders, each a quoted list: <c>"\"DRAMA\",\"COMEDY\""</c>.</summary>
    public Dictionary<string, string> FilterValues { get; set; } = new();

    public List<Promotion> Promotions { get; set; } = new();
}

/// <summary>A recommended item. A class: printed, it is its type's name.</summary>
public sealed class PredictedItem
{
    public required string ItemId { get; init; }

    public double? Score { get; init; }

    public string? PromotionName { get; init; }

    public List<string> Reason { get; init; } = new();
}

public sealed class GetRecommendationsResponse
{
    public List<PredictedItem> ItemList { get; init; } = new();

    /// <summary>The id of this recommendation response, for attribution of later interactions.</summary>
    public string RecommendationId { get; init; } = string.Empty;
}

public sealed class GetPersonalizedRankingRequest
{
    public required string CampaignArn { get; set; }

    public required string UserId { get; set; }

    public List<string> InputList { get; set; } = new();

    public Dictionary<string, string> Context { get; set; } = new();
}

public sealed class GetPersonalizedRankingResponse
{
    public List<PredictedItem> PersonalizedRanking { get; init; } = new();

    public string RecommendationId { get; init; } = string.Empty;
}

/// <summary>An interaction as the app reports it to the event tracker. Prints its members.</summary>
public sealed record InteractionEvent(string EventType, string ItemId, DateTimeOffset SentAt, string? RecommendationId = null);

public interface IPersonalizeRuntime
{
    Task<GetRecommendationsResponse> GetRecommendationsAsync(GetRecommendationsRequest request, CancellationToken cancellationToken = default);

    Task<GetPersonalizedRankingResponse> GetPersonalizedRankingAsync(GetPersonalizedRankingRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Puts interactions to the event tracker, which trains the models (not telemetry).</summary>
public interface IEventTracker
{
    Task PutEventsAsync(string trackingId, string userId, string sessionId, IReadOnlyList<InteractionEvent> events, CancellationToken cancellationToken = default);
}

/// <summary>
/// A request the service refused. As AWS's validation errors do, the message quotes the value that failed
/// (<c>1 validation error detected: Value 'x' at 'userId' failed to satisfy constraint: …</c>).
/// </summary>
public sealed class InvalidInputException(string message) : Exception(message)
{
    public static InvalidInputException ValueFailed(string member, string value, string constraint) =>
        new($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");
}

/// <summary>A campaign, recommender or filter that does not exist; names its ARN.</summary>
public sealed class ResourceNotFoundException(string arn) : Exception($"Resource {arn} does not exist.")
{
    public string Arn { get; } = arn;
}

/// <summary>The runtime's throttling; names nothing of the request.</summary>
public sealed class ThrottlingException() : Exception("Rate exceeded");
