namespace PrivacyHoldout96.Healthcare;

/// <summary>A document of the EPR's patient index.</summary>
public sealed record PatientHit(string HospitalNumber, string NhsNumber, string FamilyName, string GivenName, DateOnly BirthDate, string? Ward);

/// <summary>The finder's click beacon: which hit of which search the clinician opened.</summary>
public sealed record FinderClick(Guid SearchId, int Position, string HospitalNumber, string StaffId);

/// <summary>The EPR's patient finder: the search box at the top of every screen and its autocomplete.</summary>
[ApiController]
[Route("api/patient-finder")]
public sealed partial class PatientFinderController(
    ISearchClient patients,
    IQueryLogStore queryLog,
    IRecentSearches recent,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PatientFinderController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Epr.PatientFinder");
    private static readonly Meter Meter = new("Epr.PatientFinder");
    private static readonly Counter<long> ZeroResults = Meter.CreateCounter<long>("epr.finder.zero_results");
    private static readonly PtfindSearchesCounter Searches = Meter.CreatePtfindSearchesCounter();
    private static readonly PtfindSearchDurationHistogram Duration = Meter.CreatePtfindSearchDurationHistogram();

    [HttpGet("search")]
    public async Task<ActionResult> Search(string q, string? ward, string staffId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var searchId = Guid.NewGuid();
        var kind = QueryText.Classify(q);
        using var span = Source.StartPtfindSearch(searchId.ToString(), patients.IndexName);
        span.SetPtfindQueryKind(kind); // clean precision-about
        span.SetPtfindQueryLength(q.Length); // clean precision-about
        span.SetPtfindClinicianId(pseudonymizer.PseudonymizePtfindClinicianId(staffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("epr.finder.q", q); // leak TC1001 direct
        logger.LogInformation("Patient search {SearchId} by {Clinician} looks like {Kind}", searchId, pseudonymizer.ComputePtfindClinicianId(staffId), kind); // clean precision-pseudonym

        var options = new SearchOptions { Size = 25, IncludeTotalCount = true, QueryType = SearchQueryType.Full, SessionId = staffId };
        options.Facets.Add("ward");
        if (ward is not null)
        {
            options.Filter = $"ward eq '{ward}'";
        }
        span.SetPtfindNote($"filter={options.Filter ?? "none"}; facets={string.Join(',', options.Facets)}"); // clean strings
        try
        {
            var results = await patients.SearchAsync<PatientHit>(q, options, cancellationToken);
            span.SetPtfindResultCount(results.Results.Count);
            Searches.Add(1, patients.IndexName, kind, results.Results.Count == 0 ? "zero_results" : "ok"); // clean generated-api
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, patients.IndexName); // clean generated-api
            if (results.SpellingSuggestion is { } suggestion)
            {
                logger.LogDebug("Finder suggested '{Suggestion}' for search {SearchId}", suggestion, searchId); // leak TC1001 strings
            }
            if (results.Results.Count == 0)
            {
                ZeroResults.Add(1, new KeyValuePair<string, object?>("query.kind", kind)); // clean precision-about
                logger.LogInformation("No patients matched '{Query}' on ward {Ward}", q.Trim(), ward ?? "any"); // leak TC1001 direct
                return Ok(Array.Empty<PatientHit>());
            }
            if (results.Results.Count == 1)
            {
                var only = results.Results[0].Document;
                span.SetPtfindPatientId(pseudonymizer.PseudonymizePtfindPatientId(only.HospitalNumber)); // clean precision-pseudonym
                Activity.Current?.AddEvent(new ActivityEvent("epr.finder.single_hit", tags: new ActivityTagsCollection { ["hospital_number"] = only.HospitalNumber })); // leak TC1001 direct
            }
            logger.LogDebug("Top hits {Hits}", results.Results.Take(3).Select(r => $"{r.Document.FamilyName}, {r.Document.GivenName} ({r.Score:0.00})")); // leak TC1001 strings
            logger.LogDebug("Score spread {Top:0.00}..{Bottom:0.00} over {Wards} wards", results.Results[0].Score, results.Results[^1].Score, results.Facets.TryGetValue("ward", out var wards) ? wards.Count : 0); // clean precision-about
            logger.LogDebug("Ward facets {Facets}", results.Facets["ward"]); // clean logging-objects

            await queryLog.AppendAsync(new QueryLogEntry(searchId, patients.IndexName, q, results.Results.Count, staffId, DateTimeOffset.UtcNow), cancellationToken);
            await recent.PushAsync(staffId, q, cancellationToken);
            return Ok(results.Results.Select(r => r.Document));
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogPtfindSearchFailedEvent(patients.IndexName, "invalid_query", ptfindNote: ex.ErrorCode); // clean exceptions
            return BadRequest("The search could not be understood.");
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "Patient index unavailable ({Status})", ex.Status); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.ErrorCode); // clean exceptions
            return BadRequest("The patient index is unavailable.");
        }
    }

    [HttpGet("autocomplete")]
    public async Task<ActionResult> Autocomplete(string prefix, string staffId, CancellationToken cancellationToken)
    {
        using var span = Source.StartPtfindSearch(Guid.NewGuid().ToString("N"), "patients-suggest");
        span.SetPtfindQueryLength(prefix.Length); // clean precision-about
        Activity.Current?.AddBaggage("epr.clinician", staffId); // leak TC1001 direct
        var completions = await patients.AutocompleteAsync(prefix, "sg-names", new AutocompleteOptions { Mode = AutocompleteMode.OneTermWithContext, Size = 8 }, cancellationToken);
        span.SetPtfindResultCount(completions.Results.Count);
        logger.LogTrace("Completions {Completions}", string.Join(" | ", completions.Results.Select(c => c.QueryPlusText))); // leak TC1001 strings
        span.SetPtfindNote($"mode={AutocompleteMode.OneTermWithContext}; fuzzy=false; size=8"); // clean strings

        var shard = KeyedBuckets.Of(secrets, QueryText.Normalize(prefix), 64);
        span.Activity?.SetTag("epr.suggest.cache_shard", shard); // clean hashes
        var cacheKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(QueryText.Normalize(prefix))))[..16];
        logger.LogDebug("Suggest cache miss {CacheKey}", cacheKey); // leak TC1002 hashes
        return Ok(completions.Results.Select(c => c.Text));
    }

    [HttpPost("click")]
    public async Task<ActionResult> Click([FromBody] FinderClick click, CancellationToken cancellationToken)
    {
        LogOpenedFromSearch(logger, click.StaffId, click.HospitalNumber, click.SearchId); // clean logging-objects
        TagOpened(Activity.Current, click.HospitalNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("epr.finder.index_label", IndexLabel); // clean cross-member
        logger.LogInformation("Hit {Position} of search {SearchId} opened", click.Position, click.SearchId); // clean precision-names
        logger.LogInformation("Finder click {@Click}", click); // leak TC1001 logging-objects
        await queryLog.AppendClickAsync(new ClickEvent(click.SearchId, click.HospitalNumber, click.Position, click.StaffId, DateTimeOffset.UtcNow), cancellationToken);
        return Ok();
    }

    private string IndexLabel => $"{patients.IndexName}@v3";

    private static void TagOpened(Activity? activity, string hospitalNumber) =>
        activity?.SetTag("epr.finder.opened", hospitalNumber); // leak TC1001 direct

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Clinician {StaffId} opened patient {HospitalNumber} from search {SearchId}")]
    private static partial void LogOpenedFromSearch(ILogger logger, [PrivateData] string staffId, [PrivateData] string hospitalNumber, Guid searchId);
}
