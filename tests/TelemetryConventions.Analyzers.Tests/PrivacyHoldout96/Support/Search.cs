namespace SearchKit;

// A search client in the shape of Azure.Search.Documents: a client per index, SearchOptions with an OData
// filter, facets, a scoring profile with its parameters and a session id for consistent scoring, results with
// facets and scores, autocomplete and suggestions from a named suggester, and RequestFailedException.

public enum SearchQueryType
{
    Simple,
    Full,
    Semantic,
}

public enum AutocompleteMode
{
    OneTerm,
    TwoTerms,
    OneTermWithContext,
}

/// <summary>How a search is run. A class: printed, it is its type's name.</summary>
public sealed class SearchOptions
{
    /// <summary>An OData filter, e.g. <c>ward eq 'W7' and status eq 'admitted'</c>.</summary>
    public string? Filter { get; set; }

    public IList<string> OrderBy { get; } = new List<string>();

    public IList<string> Facets { get; } = new List<string>();

    public IList<string> Select { get; } = new List<string>();

    public int? Size { get; set; }

    public int? Skip { get; set; }

    public bool IncludeTotalCount { get; set; }

    public SearchQueryType QueryType { get; set; }

    public string? ScoringProfile { get; set; }

    /// <summary>Values for the scoring profile's functions, <c>name-value1,value2</c> (e.g. <c>brands-acme,zeta</c>).</summary>
    public IList<string> ScoringParameters { get; } = new List<string>();

    /// <summary>Routes the requests of one session to the same replica so that scores stay consistent. Any string.</summary>
    public string? SessionId { get; set; }

    public string? HighlightFields { get; set; }
}

/// <summary>One facet bucket: a value and its count. A class: printed, it is its type's name.</summary>
public sealed class FacetResult
{
    public long? Count { get; init; }

    public object? Value { get; init; }
}

/// <summary>One hit. A class: printed, it is its type's name.</summary>
public sealed class SearchResult<T>
{
    public double? Score { get; init; }

    public required T Document { get; init; }

    public IDictionary<string, IList<string>>? Highlights { get; init; }
}

public sealed class SearchResults<T>
{
    public long? TotalCount { get; init; }

    public IDictionary<string, IList<FacetResult>> Facets { get; init; } = new Dictionary<string, IList<FacetResult>>();

    public IReadOnlyList<SearchResult<T>> Results { get; init; } = Array.Empty<SearchResult<T>>();

    /// <summary>The engine's spelling correction of the query text, when it has one.</summary>
    public string? SpellingSuggestion { get; init; }
}

public sealed class AutocompleteOptions
{
    public AutocompleteMode Mode { get; set; }

    public int? Size { get; set; }

    public string? Filter { get; set; }

    public bool UseFuzzyMatching { get; set; }
}

/// <summary>A completed term: <c>Text</c> is the completion, <c>QueryPlusText</c> the typed text with it.</summary>
public sealed class AutocompleteItem
{
    public required string Text { get; init; }

    public required string QueryPlusText { get; init; }
}

public sealed class AutocompleteResults
{
    public IReadOnlyList<AutocompleteItem> Results { get; init; } = Array.Empty<AutocompleteItem>();
}

/// <summary>A suggested document with the suggester's text for it.</summary>
public sealed class SearchSuggestion<T>
{
    public required string Text { get; init; }

    public required T Document { get; init; }
}

public sealed class SuggestResults<T>
{
    public IReadOnlyList<SearchSuggestion<T>> Results { get; init; } = Array.Empty<SearchSuggestion<T>>();
}

public interface ISearchClient
{
    string IndexName { get; }

    Task<SearchResults<T>> SearchAsync<T>(string searchText, SearchOptions? options = null, CancellationToken cancellationToken = default);

    Task<AutocompleteResults> AutocompleteAsync(string searchText, string suggesterName, AutocompleteOptions? options = null, CancellationToken cancellationToken = default);

    Task<SuggestResults<T>> SuggestAsync<T>(string searchText, string suggesterName, CancellationToken cancellationToken = default);
}

/// <summary>
/// The service's error, as Azure's <c>RequestFailedException</c> carries it: the HTTP status, an error code and the
/// service's message. A malformed filter or query is quoted back in the message
/// (<c>Invalid expression: Syntax error at position 14 in 'name eq 'O'Brien''.</c>); throttling and timeouts
/// name nothing of the request.
/// </summary>
public sealed class RequestFailedException(int status, string? errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;

    public static RequestFailedException InvalidFilter(string filter, int position) =>
        new(400, "InvalidRequestParameter", $"Invalid expression: Syntax error at position {position} in '{filter}'. Parameter name: $filter");

    public static RequestFailedException InvalidQuery(string searchText) =>
        new(400, "InvalidRequestParameter", $"Failed to parse query string '{searchText}'. Parameter name: search");

    public static RequestFailedException Throttled() =>
        new(503, "ServiceUnavailable", "The request was throttled because the service is under load. Retry later.");
}
