namespace PrivacyHoldout96.Energy;

/// <summary>A help centre article.</summary>
public sealed record HelpArticle(string Slug, string Title, string Section);

/// <summary>The customer help centre's search box, and the weekly report of searches that found nothing.</summary>
public sealed class HelpCentreSearch(ISearchClient help, TelemetrySecrets secrets, Meter meter, ILogger<HelpCentreSearch> logger)
{
    private static readonly ActivitySource Source = new("Supply.Help");
    private readonly Counter<long> _zero = meter.CreateCounter<long>("help.search.zero_results");
    private readonly ConcurrentDictionary<string, int> _zeroResultQueries = new();

    public async Task<IReadOnlyList<HelpArticle>> SearchAsync(string text, string? accountNumber, CancellationToken cancellationToken)
    {
        var normalized = QueryText.Normalize(text);
        var shape = QueryText.Shape(text);
        using var activity = Source.StartActivity("help.search");
        activity?.SetTag("help.query.shape", shape.ToString()); // clean logging-objects
        activity?.SetTag("help.signed_in", accountNumber is not null); // clean precision-about
        var results = await help.SearchAsync<HelpArticle>(normalized, new SearchOptions { Size = 5 }, cancellationToken);
        activity?.SetTag("help.articles", string.Join(",", results.Results.Select(r => r.Document.Slug))); // clean precision-names
        if (results.Results.Count == 0)
        {
            _zero.Add(1, new KeyValuePair<string, object?>("kind", shape.Kind)); // clean precision-about
            _zeroResultQueries.AddOrUpdate(normalized, 1, (_, n) => n + 1);
            activity?.SetTag("help.query.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))); // leak TC1002 hashes
            activity?.SetTag("help.query.bucket", KeyedBuckets.Of(secrets, normalized, 1024)); // clean hashes
        }
        if (accountNumber is not null)
        {
            activity?.SetTag("help.account.bucket", accountNumber.GetHashCode() % 32); // leak TC1002 hashes
        }
        return results.Results.Select(r => r.Document).ToList();
    }

    public void ReportTopMisses()
    {
        var top = _zeroResultQueries.OrderByDescending(kv => kv.Value).Take(20).ToList();
        logger.LogInformation("Top zero-result searches {Queries}", top); // leak TC1001 cross-member
        logger.LogInformation("{Distinct} distinct zero-result searches, {Total} in all", _zeroResultQueries.Count, _zeroResultQueries.Values.Sum()); // clean precision-about
        _zeroResultQueries.Clear();
    }
}
