namespace PrivacyHoldout74.Education;

public sealed class StudentRow
{
    public required string StudentNumber { get; init; }

    public required string PreferredName { get; init; }

    public required string FamilyName { get; init; }

    public required string Email { get; init; }

    public required string YearGroup { get; init; }

    public required string TutorGroup { get; init; }
}

public sealed record DirectoryCursor(string FamilyName, string StudentNumber);

/// <summary>
/// The staff-only student directory: an OData list of students filterable by StudentNumber, Email,
/// FamilyName, YearGroup and TutorGroup, paged by a keyset skiptoken, with saved searches for tutors.
/// </summary>
public sealed class StudentDirectorySearch(
    IReadStore<StudentRow> students,
    ISavedSearchStore saved,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<StudentDirectorySearch> logger)
{
    public async Task<Page<StudentRow>> ListAsync(string staffId, ODataQueryOptions options, CancellationToken cancellationToken)
    {
        using var span = source.StartLearnsearchQuery("Students");
        span.SetLearnsearchQueryKind(options.Filter is null ? "list" : "filter");
        Activity.Current?.SetTag("odata.filter", options.Filter?.RawValue); // leak TC1001 direct
        Activity.Current?.SetTag("odata.orderby", options.OrderBy?.RawValue); // clean precision-names
        Activity.Current?.SetTag("odata.skiptoken.present", options.SkipToken is not null); // clean precision-about

        Expression<Func<StudentRow, bool>> predicate = s => true;
        if (options.Filter is not null)
        {
            FilterClause clause;
            try
            {
                clause = options.Filter.FilterClause;
            }
            catch (ODataFilterParseException ex)
            {
                logger.LogWarning("Directory filter rejected: {Message}", ex.Message); // leak TC1001 exceptions
                return new Page<StudentRow> { Items = Array.Empty<StudentRow>() };
            }
            foreach (var (property, value) in Equalities(clause.Root))
            {
                predicate = predicate.And(Predicates.Equal<StudentRow>(property, value));
            }
            span.SetLearnsearchNote($"filter on {string.Join(",", clause.Properties)}"); // clean generated-api
        }

        var after = options.SkipToken is null ? null : Cursor.Decode<DirectoryCursor>(options.SkipToken);
        if (after is not null)
        {
            var familyName = after.FamilyName;
            var number = after.StudentNumber;
            predicate = predicate.And(s => string.Compare(s.FamilyName, familyName) > 0 || (s.FamilyName == familyName && string.Compare(s.StudentNumber, number) > 0));
            logger.LogDebug("Resuming after {After}", after); // leak TC1001 logging-objects
        }
        logger.LogDebug("Directory predicate {Predicate}", predicate); // leak TC1001 logging-objects

        var rows = await students.WhereAsync(predicate, options.Top ?? 25, cancellationToken);
        var last = rows.Count == 0 ? null : rows[^1];
        var next = last is null ? null : Cursor.Encode(new DirectoryCursor(last.FamilyName, last.StudentNumber));
        logger.LogDebug("Next skiptoken {Token}", next); // leak TC1001 hashes
        span.SetLearnsearchResultCount(rows.Count);
        span.SetLearnsearchPageSize(options.Top ?? 25);
        if (rows.Count == 1)
        {
            span.SetLearnsearchStudentId(pseudonymizer.PseudonymizeLearnsearchStudentId(rows[0].StudentNumber)); // clean precision-pseudonym
        }
        logger.LogInformation("Directory page for {Staff}: {Count} students in year groups {YearGroups}", pseudonymizer.Pseudonymize("staff", staffId), rows.Count, string.Join(",", rows.Select(r => r.YearGroup).Distinct())); // clean precision-pseudonym
        return new Page<StudentRow> { Items = rows, NextCursor = next };
    }

    public async Task<Guid> SaveAsync(string staffId, string name, string filter, CancellationToken cancellationToken)
    {
        var search = new SavedSearch(Guid.NewGuid(), staffId, name, filter, DateTimeOffset.UtcNow);
        await saved.SaveAsync(search, cancellationToken);
        logger.LogInformation("Saved search {Search}", search); // leak TC1001 logging-objects
        logger.LogInformation("Saved search {SearchId} with a {Length}-character filter", search.Id, filter.Length); // clean precision-about
        Activity.Current?.SetTag("saved_search.name", name); // leak TC1001 direct
        Activity.Current?.SetTag("saved_search.id", search.Id);
        return search.Id;
    }

    public async Task RunSavedAsync(Guid id, CancellationToken cancellationToken)
    {
        var search = await saved.FindAsync(id, cancellationToken);
        if (search is null)
        {
            logger.LogWarning("Saved search {SearchId} not found", id);
            return;
        }
        Activity.Current?.SetTag("saved_search.owner", search.Owner); // leak TC1001 cross-member
        Activity.Current?.SetTag("saved_search.age_days", (DateTimeOffset.UtcNow - search.CreatedAt).Days); // clean precision-about
        logger.LogInformation("Running saved search {Query}", search.Query); // leak TC1001 cross-member
        var clause = FilterParser.Parse(search.Query);
        logger.LogInformation("Saved search reads {Properties}", clause.Properties); // clean logging-objects
        var bucket = BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(search.Owner))) % 8;
        Activity.Current?.SetTag("saved_search.bucket", bucket); // leak TC1002 hashes
    }

    private static IEnumerable<(string Property, object? Value)> Equalities(FilterNode node) => node switch
    {
        BinaryNode { Operator: "and" } and => Equalities(and.Left).Concat(Equalities(and.Right)),
        BinaryNode { Operator: "eq", Left: PropertyNode p, Right: ConstantNode c } => [(p.Path, c.Value)],
        _ => [],
    };
}
