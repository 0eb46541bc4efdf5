namespace PrivacyHoldout96.Education;

/// <summary>A document of the course catalogue index.</summary>
public sealed record CourseDoc(string CourseCode, string Title, string Department, string Level, int Credits);

/// <summary>The logging category of the catalogue search endpoints.</summary>
public sealed class CourseSearchLog;

/// <summary>The course catalogue's search, reranked by the learning-to-rank model, with feature logging for training and click beacons.</summary>
public static class CourseSearchEndpoints
{
    private static readonly ActivitySource Source = new("Vle.CourseSearch");
    private static readonly Meter Meter = new("Vle.CourseSearch");
    private static readonly CoursefindSearchesCounter Searches = Meter.CreateCoursefindSearchesCounter();

    public static void Map(EndpointRoutes routes) =>
        routes.MapGet("/courses/search", SearchAsync).MapPost("/courses/click", ClickAsync);

    public static async Task<object> SearchAsync(
        string q, string? department, string? level, string sort, int page, string studentNumber,
        ISearchClient courses, IRanker ranker, ITrainingLog trainingLog, Pseudonymizer pseudonymizer, TelemetrySecrets secrets,
        PersonalisationOptions options, ILogger<CourseSearchLog> logger, CancellationToken cancellationToken)
    {
        var searchId = Guid.NewGuid();
        var facets = new List<string>();
        if (department is not null)
        {
            facets.Add($"department:{department}");
        }
        if (level is not null)
        {
            facets.Add($"level:{level}");
        }

        using var span = Source.StartCoursefindSearch(searchId.ToString());
        span.SetCoursefindFacets(string.Join(',', facets)); // clean precision-names
        span.SetCoursefindSort(sort); // clean precision-names
        span.SetCoursefindPage(page);
        span.SetCoursefindQueryTerms(QueryText.Terms(q)); // clean precision-about
        span.SetCoursefindStudentId(pseudonymizer.PseudonymizeCoursefindStudentId(studentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag(CoursefindAttributes.QueryText, QueryText.Normalize(q)); // leak TC1001 generated-api
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["SearchId"] = searchId, ["Student"] = studentNumber }); // leak TC1001 logging-objects

        var filter = string.Join(" and ", facets.Select(f => f.Split(':')).Select(p => $"{p[0]} eq '{p[1]}'"));
        var results = await courses.SearchAsync<CourseDoc>(q, new SearchOptions { Filter = filter.Length == 0 ? null : filter, Size = options.PageSize, Skip = page * options.PageSize }, cancellationToken);
        logger.LogInformation("Course search {SearchId}: {Count} hits for filter {Filter}", searchId, results.Results.Count, filter); // clean strings

        var context = new Dictionary<string, string> { ["level"] = level ?? "any", ["terms"] = QueryText.Terms(q).ToString(CultureInfo.InvariantCulture) };
        var candidates = results.Results
            .Select(r => new Candidate(r.Document.CourseCode, "bm25", new Dictionary<string, double> { ["bm25"] = r.Score ?? 0, ["credits"] = r.Document.Credits }))
            .ToList();
        var request = new RerankRequest(ranker.ModelName, context, candidates);
        logger.LogDebug("Rerank request {Request}", request); // clean logging-objects
        IReadOnlyList<RankedItem> ranked;
        try
        {
            ranked = await ranker.RerankAsync(request, cancellationToken);
            span.SetCoursefindRanker(ranker.ModelName); // clean precision-names
        }
        catch (RankerTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Ranker {Model} over budget; BM25 order kept", ex.Model); // clean exceptions
            ranked = candidates.Select((c, i) => new RankedItem(c.ItemId, 0, i)).ToList();
        }
        logger.LogDebug("Reranked {Ranked}", ranked); // clean logging-objects
        span.SetCoursefindResultCount(ranked.Count);
        Searches.Add(1, sort, ranked.Count == 0 ? "zero_results" : "ok"); // clean generated-api

        if (KeyedBuckets.Of(secrets, searchId.ToString(), 100) < options.TrainingLogSamplePercent)
        {
            var rows = ranked.Select(r => new FeatureLogRow(searchId, r.ItemId, r.Position, studentNumber, new[] { (float)r.Score })).ToList();
            await trainingLog.WriteAsync(rows, cancellationToken);
            logger.LogDebug("Feature log sample {Rows}", rows); // leak TC1001 logging-objects
            span.Activity?.SetTag("coursefind.training_sample", true); // clean hashes
        }
        span.Activity?.SetTag("coursefind.legacy_sample_bucket", (studentNumber.GetHashCode() & 0x7fffffff) % 100); // leak TC1002 hashes
        return ranked;
    }

    public static async Task<object> ClickAsync(ClickEvent click, IQueryLogStore log, Pseudonymizer pseudonymizer, ILogger<CourseSearchLog> logger, CancellationToken cancellationToken)
    {
        await log.AppendClickAsync(click, cancellationToken);
        Activity.Current?.SetTag("coursefind.click.course", click.DocumentId); // clean precision-names
        Activity.Current?.SetTag("coursefind.click.position", click.Position); // clean precision-about
        logger.LogInformation("Catalogue click {Click}", click); // leak TC1001 logging-objects
        logger.LogInformation("Click by {Student} on {Course}", click.UserKey is null ? "anonymous" : pseudonymizer.ComputeCoursefindStudentId(click.UserKey), click.DocumentId); // clean precision-pseudonym
        return click.SearchId;
    }
}
