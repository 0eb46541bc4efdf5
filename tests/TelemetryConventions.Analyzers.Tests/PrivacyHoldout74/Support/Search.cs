using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Querying.Search;

// Stand-ins for an Elasticsearch/OpenSearch low-level client and for the search history and saved
// searches the services keep, reduced to what the services call. The client, the history and the
// saved-search store are storage, not telemetry. What prints what:
// - QueryDsl.ToJson serialises the query the service built (an anonymous object or a dictionary) to
//   the JSON the cluster receives: every value in it, the text the user typed included.
// - SearchResponse<T>.DebugInformation is written by the client as NEST writes it: the request line,
//   the JSON body it sent and the time the cluster took.
// - Hit<T> is a positional record: it prints its id, score, source and the name of its sort list's type.
//   Hit<T>.Sort holds the hit's sort values (what search_after is handed for the next page).
// - Bucket is a positional record: it prints its key and its document count.
// - SavedSearch is a positional record: it prints every member (owner, name and query included).
// - QueryParseException's message quotes the query text the engine failed to parse, as Lucene's
//   query_string parser does ("Cannot parse '…': …").
// - TooManyResultsException's message quotes the limit and the total hit count only.
// - SearchTimeoutException's message names the index and the timeout only.

public static class QueryDsl
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string ToJson(object query) => JsonSerializer.Serialize(query, query.GetType(), Options);
}

public sealed record Hit<T>(string Id, double Score, T Source, IReadOnlyList<object> Sort);

public sealed record Bucket(string Key, long DocCount);

public sealed class SearchResponse<T>
{
    public SearchResponse(string index, string requestBody)
    {
        Index = index;
        RequestBody = requestBody;
    }

    public string Index { get; }

    public string RequestBody { get; }

    public long Total { get; init; }

    public int TookMs { get; init; }

    public bool TimedOut { get; init; }

    public IReadOnlyList<Hit<T>> Hits { get; init; } = Array.Empty<Hit<T>>();

    public IReadOnlyDictionary<string, IReadOnlyList<Bucket>> Aggregations { get; init; } = new Dictionary<string, IReadOnlyList<Bucket>>();

    public string? PitId { get; init; }

    public string DebugInformation => $"Valid response built from a successful (200) low level call on POST: /{Index}/_search took {TookMs}ms\n# Request:\n{RequestBody}";
}

public interface ISearchClient
{
    Task<SearchResponse<T>> SearchAsync<T>(string index, object query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> CompleteAsync(string index, string field, string prefix, int size, CancellationToken cancellationToken = default);

    Task<long> CountAsync(string index, object query, CancellationToken cancellationToken = default);
}

public sealed record SavedSearch(Guid Id, string Owner, string Name, string Query, DateTimeOffset CreatedAt);

public interface ISavedSearchStore
{
    Task<SavedSearch?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task SaveAsync(SavedSearch search, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SavedSearch>> ForOwnerAsync(string owner, CancellationToken cancellationToken = default);
}

public interface ISearchHistory
{
    Task AppendAsync(string owner, string query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> RecentAsync(string owner, int count, CancellationToken cancellationToken = default);
}

public sealed class QueryParseException(string index, string query, string reason)
    : Exception($"[{index}] failed to create query: Cannot parse '{query}': {reason}")
{
    public string Index { get; } = index;

    public string Reason { get; } = reason;

    public string ErrorType => "query_shard_exception";
}

public sealed class TooManyResultsException(string index, int limit, long total)
    : Exception($"[{index}] the query matched {total} documents; at most {limit} can be returned. Narrow the query.")
{
    public int Limit { get; } = limit;

    public long Total { get; } = total;
}

public sealed class SearchTimeoutException(string index, TimeSpan timeout)
    : TimeoutException($"Search on [{index}] timed out after {timeout.TotalMilliseconds} ms")
{
    public string Index { get; } = index;
}
