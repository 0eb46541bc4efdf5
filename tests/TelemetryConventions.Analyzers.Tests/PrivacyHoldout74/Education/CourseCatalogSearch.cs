namespace PrivacyHoldout74.Education;

public sealed record CourseDoc(string Code, string Title, string Department, string Level, int Credits);

/// <summary>The public course catalogue: applicants and students type into the search box, filter by department and level.</summary>
public sealed partial class CourseCatalogSearch(ISearchClient search, ActivitySource source, Meter meter, ILogger<CourseCatalogSearch> logger)
{
    private const string Index = "courses-v3";
    private const int MaxWindow = 1000;

    public sealed record CourseCursor(double Score, string Code);

    public async Task<Page<CourseDoc>> SearchAsync(string text, string? department, string? level, string? cursor, CancellationToken cancellationToken)
    {
        using var span = source.StartLearnsearchQuery(Index);
        CourseCursor? after = null;
        if (cursor is not null)
        {
            try
            {
                after = Cursor.Decode<CourseCursor>(cursor);
            }
            catch (InvalidCursorException ex)
            {
                logger.LogInformation(ex, "Course cursor rejected"); // clean exceptions
            }
        }
        span.SetLearnsearchCursorKind(after is null ? "first" : "keyset");
        Activity.Current?.SetTag("catalogue.after", after?.ToString()); // clean precision-about

        var filters = new List<object>();
        if (department is not null)
        {
            filters.Add(new { term = new { department } });
        }
        if (level is not null)
        {
            filters.Add(new { term = new { level } });
        }
        var query = new
        {
            size = 20,
            query = new { @bool = new { must = new { multi_match = new { query = text, fields = new[] { "title^3", "summary", "code" } } }, filter = filters } },
            sort = new object[] { new { _score = "desc" }, new { code = "asc" } },
            search_after = after is null ? null : new object[] { after.Score, after.Code },
            aggs = new { departments = new { terms = new { field = "department" } }, levels = new { terms = new { field = "level" } } },
        };
        logger.LogDebug("Course query {Query}", QueryDsl.ToJson(query)); // leak TC1001 strings
        logger.LogDebug("Course filters {Filters}", QueryDsl.ToJson(new { filter = filters })); // clean precision-about

        SearchResponse<CourseDoc> response;
        try
        {
            response = await search.SearchAsync<CourseDoc>(Index, query, cancellationToken);
        }
        catch (QueryParseException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetLearnsearchNote(ex.Message); // leak TC1001 generated-api
            logger.LogWarning("Course query rejected: {ErrorType}", ex.ErrorType); // clean exceptions
            return new Page<CourseDoc> { Items = Array.Empty<CourseDoc>() };
        }

        if (response.Total > MaxWindow)
        {
            var tooMany = new TooManyResultsException(Index, MaxWindow, response.Total);
            logger.LogInformation(tooMany, "Course search too broad"); // clean exceptions
        }
        span.SetLearnsearchResultCount(response.Hits.Count);
        span.SetLearnsearchSort("_score desc, code asc"); // clean generated-api
        foreach (var (facet, buckets) in response.Aggregations)
        {
            logger.LogDebug("Facet {Facet}: {Buckets}", facet, buckets); // clean logging-objects
        }

        var last = response.Hits.Count == 0 ? null : response.Hits[^1];
        var next = last is null ? null : Cursor.Encode(new CourseCursor(last.Score, last.Source.Code));
        span.SetLearnsearchNote($"next page after {string.Join(",", last?.Sort ?? Array.Empty<object>())}"); // clean generated-api
        Activity.Current?.SetTag("page.next_cursor", next); // clean hashes
        if (response.Total == 0)
        {
            logger.LogLearnsearchZeroResultsEvent(Index, learnsearchQueryKind: "full_text", learnsearchNote: text); // leak TC1001 generated-api
            logger.LogInformation("No courses for a {Length}-character query in {Department}", text.Length, department); // clean precision-about
        }
        meter.CreateLearnsearchQueriesCounter().Add(1, Index, learnsearchOutcome: response.Total == 0 ? "zero_results" : "ok"); // clean precision-about
        return new Page<CourseDoc> { Items = response.Hits.Select(h => h.Source).ToList(), NextCursor = next, Total = response.Total };
    }

    public void Clicked(Guid searchId, string courseCode, int position, string? applicantEmail)
    {
        ResultClicked(logger, searchId, courseCode, position); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("course.clicked", tags: new ActivityTagsCollection { ["course.code"] = courseCode, ["applicant.email"] = applicantEmail })); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 7410, Level = LogLevel.Information, Message = "Search {SearchId} result {CourseCode} clicked at {Position}")]
    private static partial void ResultClicked(ILogger logger, Guid searchId, string courseCode, int position);
}
