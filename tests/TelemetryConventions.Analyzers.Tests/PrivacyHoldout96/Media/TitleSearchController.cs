namespace PrivacyHoldout96.Media;

/// <summary>A document of the titles index.</summary>
public sealed record TitleDoc(string TitleId, string Name, string Genre, int Year, string Rating);

/// <summary>Title search and the search box's autocomplete.</summary>
[ApiController]
[Route("api/search")]
public sealed class TitleSearchController(ISearchClient titles, Pseudonymizer pseudonymizer, ILogger<TitleSearchController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Stream.TitleSearch");

    [HttpGet]
    public async Task<ActionResult> Search(string q, Guid profileId, bool kids, CancellationToken cancellationToken)
    {
        using var span = Source.StartHomefeedSearch();
        var profile = pseudonymizer.PseudonymizeHomefeedProfileId(profileId.ToString());
        span.SetHomefeedProfileId(profile); // clean precision-pseudonym
        span.SetHomefeedQueryLength(q.Length); // clean precision-about
        span.Activity?.SetTag(HomefeedAttributes.QueryText, pseudonymizer.Compute("query.text", QueryText.Normalize(q))); // leak TC1001 precision-pseudonym

        var options = new SearchOptions { Size = 30, ScoringProfile = kids ? "kids" : "default", SessionId = profileId.ToString() };
        if (kids)
        {
            options.Filter = "rating eq 'U' or rating eq 'PG'";
        }
        span.Activity?.SetTag("search.filter", options.Filter); // clean precision-names
        span.Activity?.SetTag("search.scoring_profile", options.ScoringProfile); // clean precision-names
        var results = await titles.SearchAsync<TitleDoc>(q, options, cancellationToken);
        span.SetHomefeedItemCount(results.Results.Count);
        if (results.Results.Count > 0)
        {
            span.SetHomefeedTitleId(results.Results[0].Document.TitleId); // clean precision-names
        }
        else
        {
            logger.LogHomefeedSearchZeroResultsEvent(q.Length, profile, results.SpellingSuggestion is null ? "no suggestion" : "suggestion offered"); // clean generated-api
            logger.LogHomefeedSearchZeroResultsEvent(q.Length, homefeedNote: $"nothing for \"{q}\""); // leak TC1001 generated-api
        }
        if (results.SpellingSuggestion is { } suggestion && suggestion != q)
        {
            span.Activity?.SetTag("search.suggested", suggestion); // leak TC1001 strings
        }
        logger.LogDebug("Titles {Titles}", results.Results.Select(r => r.Document.Name).ToList()); // clean precision-names
        logger.LogDebug("Facets {Facets}", results.Facets); // clean logging-objects
        var lane = (int)(BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(profileId.ToString())), 0) % 8);
        span.Activity?.SetTag("search.cache_lane", lane); // leak TC1002 hashes
        return Ok(results.Results.Select(r => r.Document));
    }

    [HttpGet("autocomplete")]
    public async Task<ActionResult> Autocomplete(string term, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("autocomplete.terms", QueryText.Terms(term)); // clean precision-about
        try
        {
            var completions = await titles.AutocompleteAsync(term, "sg-titles", new AutocompleteOptions { Mode = AutocompleteMode.TwoTerms, Size = 6 }, cancellationToken);
            Activity.Current?.SetTag("autocomplete.completions", string.Join("|", completions.Results.Select(c => c.Text))); // clean precision-names
            Activity.Current?.SetTag("autocomplete.first", completions.Results.FirstOrDefault()?.QueryPlusText); // leak TC1001 strings
            return Ok(completions.Results.Select(c => c.QueryPlusText));
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            logger.LogWarning(ex, "Autocomplete refused the term"); // leak TC1001 exceptions
            Activity.Current?.SetTag("autocomplete.error", ex.ErrorCode); // clean exceptions
            return BadRequest();
        }
    }
}
