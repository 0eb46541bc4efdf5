namespace PrivacyHoldout74.Healthcare;

public sealed class PatientRow
{
    public required string HospitalNumber { get; init; }

    public required string NhsNumber { get; init; }

    public required string FamilyName { get; init; }

    public required string GivenName { get; init; }

    public DateOnly DateOfBirth { get; init; }

    public required string Ward { get; init; }
}

public sealed class BedRow
{
    public required string Ward { get; init; }

    public required string Bed { get; init; }

    public required string Status { get; init; }

    public string? Specialty { get; init; }
}

/// <summary>
/// OData endpoints of the clinical portal. Patients can be filtered by NhsNumber, HospitalNumber,
/// FamilyName, DateOfBirth and Ward; the ward census by Ward, Specialty and Status only.
/// </summary>
[ApiController]
[Route("odata")]
public sealed class PatientFinderController(
    IReadStore<PatientRow> patients,
    IReadStore<BedRow> beds,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PatientFinderController> logger) : ControllerBase
{
    private static readonly string[] PatientFilterable = ["NhsNumber", "HospitalNumber", "FamilyName", "DateOfBirth", "Ward"];
    private static readonly string[] CensusFilterable = ["Ward", "Specialty", "Status"];

    [HttpGet("Patients")]
    public async Task<ActionResult> Patients(ODataQueryOptions options, CancellationToken cancellationToken)
    {
        using var span = source.StartClinsearchQuery("Patients");
        span.SetClinsearchQueryKind("filter");
        span.SetClinsearchPageSize(options.Top ?? 50);
        logger.LogInformation("GET /odata/Patients?{Query}", options.QueryString); // leak TC1001 direct
        if (options.Filter is null)
        {
            return BadRequest("A $filter is required on Patients.");
        }

        FilterClause clause;
        try
        {
            clause = options.Filter.FilterClause;
        }
        catch (ODataFilterParseException ex)
        {
            logger.LogWarning(ex, "Rejected $filter on Patients"); // leak TC1001 exceptions
            span.SetClinsearchOutcome("rejected:parse");
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("odata.error.position", ex.Position); // clean precision-about
            return BadRequest("The $filter could not be parsed.");
        }

        var unknown = clause.Properties.Except(PatientFilterable).ToList();
        if (unknown.Count > 0)
        {
            logger.LogWarning("Filter reads properties that cannot be filtered: {Properties}", string.Join(",", unknown)); // clean precision-names
            return BadRequest("Only NhsNumber, HospitalNumber, FamilyName, DateOfBirth and Ward can be filtered.");
        }

        logger.LogDebug("Parsed filter {Filter}", clause); // leak TC1001 logging-objects
        logger.LogDebug("Filter shape {Shape} over {Properties}", clause.Shape, string.Join(",", clause.Properties)); // clean precision-about
        span.SetClinsearchSort(options.OrderBy?.OrderByClause.ToString() ?? "FamilyName asc"); // clean generated-api

        var predicate = ToPredicate<PatientRow>(clause);
        logger.LogDebug("Patient predicate {Predicate}", predicate); // leak TC1001 logging-objects
        var rows = await patients.WhereAsync(predicate, options.Top ?? 50, cancellationToken);
        span.SetClinsearchResultCount(rows.Count);
        if (rows.Count == 0)
        {
            logger.LogClinsearchZeroResultsEvent("Patients", clinsearchQueryKind: "filter", clinsearchNote: $"no patient matches {clause}"); // leak TC1001 generated-api
            span.AddClinsearchZeroResultsEvent("Patients", clinsearchNote: $"{clause.NodeCount} nodes over {clause.Properties.Count} properties"); // clean generated-api
        }
        else if (rows.Count == 1)
        {
            span.SetClinsearchPatientId(pseudonymizer.PseudonymizeClinsearchPatientId(rows[0].HospitalNumber)); // clean precision-pseudonym
        }
        meter.CreateClinsearchQueriesCounter().Add(1, "Patients", clinsearchOutcome: rows.Count == 0 ? "zero_results" : "ok"); // clean precision-about
        return Ok(rows);
    }

    [HttpGet("WardCensus")]
    public async Task<ActionResult> WardCensus(ODataQueryOptions options, CancellationToken cancellationToken)
    {
        using var span = source.StartClinsearchQuery("WardCensus");
        logger.LogInformation("GET /odata/WardCensus?{Query}", options.QueryString); // clean precision-about
        Expression<Func<BedRow, bool>> predicate = b => b.Status != "closed";
        if (options.Filter is not null)
        {
            FilterClause clause;
            try
            {
                clause = options.Filter.FilterClause;
            }
            catch (ODataFilterParseException ex)
            {
                logger.LogWarning(ex, "Rejected $filter on WardCensus"); // clean exceptions
                span.SetClinsearchNote(ex.Message); // clean generated-api
                return BadRequest("The $filter could not be parsed.");
            }
            if (clause.Properties.Except(CensusFilterable).Any())
            {
                return BadRequest("Only Ward, Specialty and Status can be filtered.");
            }
            logger.LogDebug("Census filter {Filter}", clause); // clean logging-objects
            predicate = predicate.And(ToPredicate<BedRow>(clause));
        }

        logger.LogDebug("Census predicate {Predicate}", predicate); // clean logging-objects
        var rows = await beds.WhereAsync(predicate, 2000, cancellationToken);
        var byWard = rows.GroupBy(b => b.Ward).Select(g => new Bucket(g.Key, g.Count())).OrderBy(b => b.Key).ToList();
        logger.LogInformation("Census by ward {Buckets}", byWard); // clean logging-objects
        span.SetClinsearchResultCount(rows.Count);
        Activity.Current?.SetTag("census.wards", byWard.Count);
        Activity.Current?.SetTag("census.busiest_ward", byWard.OrderByDescending(b => b.DocCount).FirstOrDefault()?.Key); // clean precision-about
        return Ok(byWard);
    }

    /// <summary>Turns the equality comparisons joined by 'and' into a predicate; other nodes are not supported.</summary>
    private static Expression<Func<T, bool>> ToPredicate<T>(FilterClause clause)
    {
        Expression<Func<T, bool>>? predicate = null;
        foreach (var (property, value) in Equalities(clause.Root))
        {
            var next = Predicates.Equal<T>(property, value);
            predicate = predicate is null ? next : predicate.And(next);
        }
        return predicate ?? (_ => true);
    }

    private static IEnumerable<(string Property, object? Value)> Equalities(FilterNode node) => node switch
    {
        BinaryNode { Operator: "and" } and => Equalities(and.Left).Concat(Equalities(and.Right)),
        BinaryNode { Operator: "eq", Left: PropertyNode p, Right: ConstantNode c } => [(p.Path, c.Value)],
        _ => [],
    };
}
