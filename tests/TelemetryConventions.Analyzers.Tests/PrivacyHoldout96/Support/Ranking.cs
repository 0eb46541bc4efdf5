namespace RankKit;

// Learning-to-rank in the shape of the Elasticsearch LTR plugin and an online feature store: feature sets with
// named features, feature values logged per hit for training ("feature logging"), a reranker over candidates,
// and per-person feature rows keyed by the person's id.

/// <summary>A named feature and the template that computes it. Prints its members.</summary>
public sealed record FeatureSpec(string Name, string Template);

/// <summary>The features a model was trained on. A class: printed, it is its type's name.</summary>
public sealed class FeatureSet
{
    public required string Name { get; init; }

    public required IReadOnlyList<FeatureSpec> Features { get; init; }
}

/// <summary>
/// The feature values of one hit for one search, written to the training log (not telemetry). A positional record:
/// printed, it writes out its members, the user key among them, and the values as their type's name.
/// </summary>
public sealed record FeatureLogRow(Guid SearchId, string DocumentId, int Position, string? UserKey, float[] Values);

/// <summary>An item to rank with its features. Prints its members (the features as their type's name).</summary>
public sealed record Candidate(string ItemId, string Source, IReadOnlyDictionary<string, double> Features);

/// <summary>What the ranker is asked: a model, the context (features of the request) and candidates. Prints its members, the dictionaries and lists as their types' names.</summary>
public sealed record RerankRequest(string Model, IReadOnlyDictionary<string, string> Context, IReadOnlyList<Candidate> Candidates);

/// <summary>A ranked item. Prints its members.</summary>
public sealed record RankedItem(string ItemId, double Score, int Position);

public interface IRanker
{
    string ModelName { get; }

    Task<IReadOnlyList<RankedItem>> RerankAsync(RerankRequest request, CancellationToken cancellationToken = default);
}

public interface ITrainingLog
{
    Task WriteAsync(IReadOnlyList<FeatureLogRow> rows, CancellationToken cancellationToken = default);
}

/// <summary>A person's feature row from the online store: the entity key it is stored under and its values. Prints its members (the values as their type's name).</summary>
public sealed record PersonFeatures(string View, string EntityKey, IReadOnlyDictionary<string, double> Values, TimeSpan Age);

public interface IFeatureStore
{
    Task<PersonFeatures> GetAsync(string view, string entityKey, CancellationToken cancellationToken = default);
}

/// <summary>Thrown when the ranker does not answer within its budget; names the model and the budget.</summary>
public sealed class RankerTimeoutException(string model, TimeSpan budget)
    : TimeoutException($"Ranker '{model}' did not answer within {budget.TotalMilliseconds:0} ms")
{
    public string Model { get; } = model;
}

/// <summary>Thrown when the feature store has no row for an entity; quotes the view and the entity key, as the store's client does.</summary>
public sealed class FeatureRowMissingException(string view, string entityKey)
    : KeyNotFoundException($"No row in feature view '{view}' for entity key '{entityKey}'")
{
    public string View { get; } = view;
}
