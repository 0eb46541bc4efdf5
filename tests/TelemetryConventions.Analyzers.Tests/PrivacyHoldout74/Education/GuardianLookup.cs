namespace PrivacyHoldout74.Education;

/// <summary>The front office finds a caller's children by the guardian's email on file.</summary>
public sealed class GuardianLookup(ISqlRunner sql, Meter meter, TelemetrySecrets secrets, ILogger<GuardianLookup> logger)
{
    private const string ChildrenSql =
        "SELECT s.student_number FROM students s JOIN guardians g ON g.student_id = s.id WHERE lower(g.email) = lower(@email) AND s.campus = @campus";

    private readonly Counter<long> _lookups = meter.CreateCounter<long>("guardian.lookups", "{lookup}");
    private readonly Histogram<double> _latency = meter.CreateHistogram<double>("guardian.lookup.duration", "ms");
    private readonly List<string> _misses = new();

    public async Task<IReadOnlyList<string>> ChildrenOfAsync(string guardianEmail, string campus, CancellationToken cancellationToken)
    {
        var statement = new SqlStatement(ChildrenSql, new[] { new SqlArg("@email", guardianEmail), new SqlArg("@campus", campus) }, "guardian-children");
        logger.LogDebug("Guardian lookup {Statement}", statement); // clean logging-objects
        logger.LogDebug("Guardian lookup {Statement} for {Email}", statement, statement.Args[0].Value); // leak TC1001 direct
        logger.LogDebug("Guardian lookup binds {Args}", string.Join(", ", statement.Args.Select(a => a.Name))); // clean precision-names

        var result = await sql.QueryAsync<string>(statement, cancellationToken);
        _latency.Record(result.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("statement", statement.Tag), new KeyValuePair<string, object?>("campus", campus)); // clean precision-about
        _lookups.Add(1, new KeyValuePair<string, object?>("guardian.domain", guardianEmail[(guardianEmail.IndexOf('@') + 1)..])); // clean precision-about
        _lookups.Add(1, new KeyValuePair<string, object?>("guardian", guardianEmail)); // leak TC1003 direct
        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(guardianEmail))[0] & 7;
        _lookups.Add(1, new KeyValuePair<string, object?>("guardian.cohort", cohort)); // clean hashes

        Activity.Current?.SetTag(LearnsearchAttributes.GuardianContact, guardianEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("guardian.lookup.attribute", LearnsearchAttributes.GuardianContact); // clean precision-names
        Activity.Current?.SetTag("guardian.children", string.Join(",", result.Rows)); // leak TC1001 direct
        Activity.Current?.SetTag("guardian.children.count", result.Rows.Count);
        if (result.Rows.Count == 0)
        {
            logger.LogLearnsearchZeroResultsEvent("guardians", learnsearchQueryKind: "email", learnsearchNote: $"no children for {guardianEmail}"); // leak TC1001 generated-api
            _misses.Add(guardianEmail);
        }
        return result.Rows;
    }

    /// <summary>Run at the end of the day: the emails the front office could not match go to the data team.</summary>
    public void ReportMisses()
    {
        logger.LogInformation("{Count} guardian lookups found no children today", _misses.Count); // clean precision-about
        logger.LogInformation("Unmatched guardian emails: {Emails}", string.Join("; ", _misses)); // leak TC1001 cross-member
        _misses.Clear();
    }
}
