using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout16.Support.Search;

// Stand-ins for an Elasticsearch/OpenSearch-style client, reduced to what the services call.

public sealed record SearchRequest(string Index, string Query)
{
    public int From { get; init; }

    public int Size { get; init; } = 20;

    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Facets { get; init; } = Array.Empty<string>();

    public bool Fuzzy { get; init; }
}

public sealed record SearchHit<T>(string Id, double Score, T Source);

public sealed record FacetBucket(string Value, long Count);

public sealed class SearchResponse<T>
{
    public IReadOnlyList<SearchHit<T>> Hits { get; init; } = Array.Empty<SearchHit<T>>();

    public long Total { get; init; }

    public int TookMs { get; init; }

    public bool TimedOut { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetBucket>>();

    public string? SuggestedQuery { get; init; }
}

public interface ISearchClient
{
    Task<SearchResponse<T>> SearchAsync<T>(SearchRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> SuggestAsync(string index, string prefix, int size, CancellationToken cancellationToken = default);
}

/// <summary>The engine's query parser rejected the query; like Lucene's, its message quotes the query text.</summary>
public sealed class SearchQueryParseException(string query, string reason)
    : Exception($"Failed to parse query [{query}]: {reason}")
{
    public string Reason { get; } = reason;

    public string ErrorType => "query_shard_exception";
}

/// <summary>The cluster did not answer in time; names the index only.</summary>
public sealed class SearchTimeoutException(string index, TimeSpan timeout)
    : TimeoutException($"Search on index '{index}' timed out after {timeout.TotalMilliseconds} ms")
{
    public string Index { get; } = index;
}

/// <summary>A nearest-neighbour index over item embeddings.</summary>
public interface IVectorIndex
{
    Task<IReadOnlyList<Neighbour>> NearestAsync(ReadOnlyMemory<float> vector, int k, CancellationToken cancellationToken = default);

    Task<ReadOnlyMemory<float>?> EmbeddingOfAsync(string itemId, CancellationToken cancellationToken = default);
}

public sealed record Neighbour(string ItemId, float Distance);

/// <summary>A Redis-style sorted set, as leaderboards use it.</summary>
public interface ISortedSetStore
{
    Task<double> IncrementAsync(string key, string member, double by, CancellationToken cancellationToken = default);

    Task<long?> RankAsync(string key, string member, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<(string Member, double Score)>> RangeByRankAsync(string key, long start, long stop, CancellationToken cancellationToken = default);

    Task<long> LengthAsync(string key, CancellationToken cancellationToken = default);
}
