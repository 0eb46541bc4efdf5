namespace PrivacyHoldout74.Healthcare;

public sealed record PatientCriteria(string? NhsNumber, string? FamilyName, DateOnly? DateOfBirth, string? Ward);

/// <summary>Patient lookups for the portal and the PAS bridge: LINQ over the read model, SQL over the PAS replica.</summary>
public sealed class PatientLookupRepository(
    IReadStore<PatientRow> patients,
    ISqlRunner sql,
    TelemetrySecrets secrets,
    ILogger<PatientLookupRepository> logger)
{
    private static readonly ActivitySource Source = new("Trust.Portal.PatientLookup");
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(250);
    private readonly QueryPlanCache<SqlStatement> _legacyPlans = new();

    public async Task<PatientRow?> ByHospitalNumberAsync(string hospitalNumber, CancellationToken cancellationToken)
    {
        Expression<Func<PatientRow, bool>> predicate = p => p.HospitalNumber == hospitalNumber;
        logger.LogDebug("Patient lookup {Predicate}", predicate); // clean logging-objects
        Activity.Current?.SetTag("db.query.predicate", predicate.ToString()); // clean precision-about
        var rows = await patients.WhereAsync(predicate, 1, cancellationToken);
        if (rows.Count == 0)
        {
            logger.LogInformation("No patient for {Predicate}", Predicates.Inline(predicate)); // leak TC1001 logging-objects
        }
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<PatientRow>> ByFamilyNamePrefixAsync(string prefix, string ward, CancellationToken cancellationToken)
    {
        var predicate = Predicates.StartsWith<PatientRow>(nameof(PatientRow.FamilyName), prefix).And(p => p.Ward == ward);
        Activity.Current?.SetTag("db.query.predicate", predicate.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("db.query.members", Predicates.Describe(predicate)); // clean precision-names
        Activity.Current?.SetTag("patient.ward", ward); // clean precision-about
        return await patients.WhereAsync(predicate, 20, cancellationToken);
    }

    public async Task<IReadOnlyList<PatientRow>> SearchAsync(PatientCriteria criteria, CancellationToken cancellationToken)
    {
        var where = new SqlWhereBuilder();
        if (criteria.NhsNumber is not null)
        {
            where.And("nhs_number = @nhs", "@nhs", criteria.NhsNumber.Replace(" ", "", StringComparison.Ordinal));
        }
        if (criteria.FamilyName is not null)
        {
            where.And("family_name ILIKE @family", "@family", criteria.FamilyName + "%");
        }
        if (criteria.DateOfBirth is not null)
        {
            where.And("date_of_birth = @dob", "@dob", criteria.DateOfBirth);
        }
        if (criteria.Ward is not null)
        {
            where.And("ward = @ward", "@ward", criteria.Ward);
        }
        var statement = where.Build(
            "SELECT hospital_number, nhs_number, family_name, given_name, date_of_birth, ward FROM patients",
            "family_name, given_name", 100, "patient-search");

        using var activity = Source.StartActivity("patient-search");
        activity?.SetTag("db.query.text", statement.Text); // clean precision-about
        activity?.SetTag("db.query.parameter_names", string.Join(",", statement.Args.Select(a => a.Name))); // clean precision-names
        logger.LogDebug("Executing {Statement} with {Args}", statement, statement.Args); // leak TC1001 logging-objects
        if (criteria.NhsNumber is not null)
        {
            var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(criteria.NhsNumber)))[..16];
            activity?.SetTag("patient.lookup.digest", digest); // leak TC1002 hashes
            var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(criteria.NhsNumber))[0] % 16;
            activity?.SetTag("patient.lookup.shard", shard); // clean hashes
        }

        var result = await sql.QueryAsync<PatientRow>(statement, cancellationToken);
        if (result.Elapsed > SlowThreshold)
        {
            logger.LogWarning("Slow query {Tag} {Digest} took {ElapsedMs} ms", statement.Tag, SqlNormalizer.Normalize(statement.Text), result.Elapsed.TotalMilliseconds); // clean precision-about
            foreach (var arg in statement.Args)
            {
                logger.LogWarning("  {Name} = {Value}", arg.Name, arg.Value); // leak TC1001 direct
            }
        }
        activity?.SetTag("db.response.returned_rows", result.Rows.Count);
        return result.Rows;
    }

    /// <summary>The PAS bridge's replica does not take parameters: the statement is written with its value.</summary>
    public async Task<PatientRow?> LegacyByNhsNumberAsync(string nhsNumber, CancellationToken cancellationToken)
    {
        var text = $"SELECT * FROM PAS.PATIENT WHERE NHS_NO = '{nhsNumber.Replace("'", "''", StringComparison.Ordinal)}'";
        var key = SqlNormalizer.Normalize(text);
        var cached = _legacyPlans.TryGet(key, out _);
        logger.LogDebug("Plan cache {Outcome} for {Key}", cached ? "hit" : "miss", key); // clean precision-about
        var statement = _legacyPlans.GetOrAdd(key, _ => new SqlStatement(text, Array.Empty<SqlArg>(), "pas-legacy"));
        logger.LogDebug("Legacy PAS query {Sql}", text); // leak TC1001 strings
        logger.LogDebug("Plan cache holds {Keys}", _legacyPlans.Keys); // clean logging-objects
        try
        {
            var result = await sql.QueryAsync<PatientRow>(new SqlStatement(text, Array.Empty<SqlArg>(), statement.Tag), cancellationToken);
            return result.Rows.Count == 0 ? null : result.Rows[0];
        }
        catch (SqlTimeoutException ex)
        {
            logger.LogError(ex, "PAS replica timed out"); // clean exceptions
            return null;
        }
    }
}
