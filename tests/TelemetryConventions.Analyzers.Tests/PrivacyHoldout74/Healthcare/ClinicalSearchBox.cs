namespace PrivacyHoldout74.Healthcare;

/// <summary>
/// The search box of the clinical portal, over the patients index (one document per patient, keyed by
/// the hospital number): autocomplete on family names, search, history, saved searches and clicks.
/// </summary>
public sealed partial class ClinicalSearchBox(
    ISearchClient search,
    ISearchHistory history,
    ISavedSearchStore saved,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ClinicalSearchBox> logger)
{
    private const string Index = "patients-v7";
    private readonly Counter<long> _clicks = meter.CreateCounter<long>("clinsearch.clicks", "{click}");

    public async Task<IReadOnlyList<string>> CompleteAsync(string typed, CancellationToken cancellationToken)
    {
        PrefixTyped(logger, typed); // leak TC1001 direct
        PrefixTypedClassified(logger, typed); // clean precision-about
        Activity.Current?.SetTag("autocomplete.prefix.length", typed.Length); // clean precision-about
        var suggestions = await search.CompleteAsync(Index, "family_name.suggest", typed, 8, cancellationToken);
        Activity.Current?.SetTag("autocomplete.suggestions", string.Join("|", suggestions)); // leak TC1001 direct
        Activity.Current?.SetTag("autocomplete.suggestion.count", suggestions.Count);
        return suggestions;
    }

    public async Task<SearchResponse<PatientRow>?> SearchAsync(string clinicianStaffNumber, string text, string? ward, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["clinician"] = clinicianStaffNumber, ["ward"] = ward }); // leak TC1001 direct
        Activity.Current?.SetTag(ClinsearchAttributes.QueryText, pseudonymizer.Pseudonymize("query", text).Value); // leak TC1001 precision-pseudonym
        OpenTelemetry.Baggage.SetBaggage("clinician.ref", pseudonymizer.Pseudonymize("staff", clinicianStaffNumber).Value); // clean precision-pseudonym
        var query = new
        {
            size = 25,
            query = new
            {
                @bool = new
                {
                    must = new object[] { new { query_string = new { query = text, fields = new[] { "family_name", "given_name", "nhs_number", "hospital_number" } } } },
                    filter = ward is null ? Array.Empty<object>() : new object[] { new { term = new { ward } } },
                },
            },
            aggs = new { by_ward = new { terms = new { field = "ward", size = 20 } } },
        };
        logger.LogDebug("Patient search body {Body}", QueryDsl.ToJson(query)); // leak TC1001 strings

        SearchResponse<PatientRow> response;
        try
        {
            response = await search.SearchAsync<PatientRow>(Index, query, cancellationToken);
        }
        catch (QueryParseException ex)
        {
            logger.LogWarning("Patient search rejected by the cluster ({ErrorType})", ex.ErrorType); // clean exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            return null;
        }

        if (response.TookMs > 500)
        {
            logger.LogWarning("Slow patient search: {Debug}", response.DebugInformation); // leak TC1001 cross-member
        }
        var wards = response.Aggregations["by_ward"];
        logger.LogInformation("Patient search by ward {Buckets}", string.Join(", ", wards.Select(b => $"{b.Key}={b.DocCount}"))); // clean precision-about
        meter.CreateClinsearchQueryDurationHistogram().Record(response.TookMs, Index, clinsearchQueryKind: "full_text"); // clean precision-about
        if (response.Total == 0)
        {
            logger.LogInformation("Zero results for {Length} characters and {Terms} terms on {Ward}", text.Length, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, ward); // clean precision-about
        }
        else if (response.Total > 200)
        {
            var tooMany = new TooManyResultsException(Index, 200, response.Total);
            logger.LogWarning(tooMany, "Patient search too broad"); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, tooMany.Message); // clean exceptions
        }
        await history.AppendAsync(clinicianStaffNumber, text, cancellationToken);
        return response;
    }

    public async Task ShowHistoryAsync(string clinicianStaffNumber, CancellationToken cancellationToken)
    {
        var recent = await history.RecentAsync(clinicianStaffNumber, 10, cancellationToken);
        logger.LogDebug("Recent searches {Recent}", recent); // leak TC1001 logging-objects
        logger.LogDebug("{Count} recent searches", recent.Count);
        var mine = await saved.ForOwnerAsync(clinicianStaffNumber, cancellationToken);
        logger.LogDebug("Saved searches {Saved}", mine.Select(s => s.Id)); // clean logging-objects
        logger.LogDebug("Saved searches {Saved}", mine); // leak TC1001 logging-objects
    }

    public void Clicked(Guid searchId, Hit<PatientRow> hit, int position, string clinicianStaffNumber)
    {
        Activity.Current?.AddEvent(new ActivityEvent("search.result.clicked", tags: new ActivityTagsCollection { ["search.id"] = searchId, ["search.position"] = position })); // clean precision-about
        logger.LogInformation("Result {Hit} clicked at {Position}", hit, position); // leak TC1001 logging-objects
        logger.LogInformation("Search {SearchId} clicked at {Position} with score {Score}", searchId, position, hit.Score); // clean precision-about
        _clicks.Add(1, new KeyValuePair<string, object?>("search.index", Index), new KeyValuePair<string, object?>("search.position", position)); // clean precision-about
        _clicks.Add(1, new KeyValuePair<string, object?>("clinician", pseudonymizer.Pseudonymize("staff", clinicianStaffNumber).Value)); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("search.clicked.patient", pseudonymizer.PseudonymizeClinsearchPatientId(hit.Id).Value); // clean precision-pseudonym
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Debug, Message = "Autocomplete prefix {Prefix}")]
    private static partial void PrefixTyped(ILogger logger, string prefix);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Debug, Message = "Autocomplete prefix {Prefix}")]
    private static partial void PrefixTypedClassified(ILogger logger, [PrivateData] string prefix);
}
