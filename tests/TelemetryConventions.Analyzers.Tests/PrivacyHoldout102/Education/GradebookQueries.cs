namespace PrivacyHoldout102.Education;

public sealed record GradeRow(string StudentNumber, string PreferredName, string Assessment, decimal Mark);

public sealed record RosterQuery(string ClassCode, string Term, bool IncludeWithdrawn);

public sealed record StudentGradesQuery(string StudentNumber, string Term);

/// <summary>Gradebook reads over Dapper; the gradebook database is reporting-shaped and EF is not used here.</summary>
public sealed class GradebookQueries(IDbConnection connection, ILogger<GradebookQueries> logger, Pseudonymizer pseudonymizer, DataAccessOptions options)
{
    private static readonly ActivitySource Source = new("School.Sis.Gradebook");
    private static readonly Meter Meter = new("School.Sis.Gradebook");

    private const string RosterSql = "SELECT s.StudentNumber, s.PreferredName, g.Assessment, g.Mark FROM Grades g JOIN Students s ON s.Id = g.StudentId WHERE g.ClassCode = @ClassCode AND g.Term = @Term";

    private const string StudentSql = "SELECT s.StudentNumber, s.PreferredName, g.Assessment, g.Mark FROM Grades g JOIN Students s ON s.Id = g.StudentId WHERE s.StudentNumber = @StudentNumber AND g.Term = @Term";

    public async Task<IReadOnlyList<GradeRow>> ClassRosterAsync(RosterQuery query, CancellationToken ct)
    {
        var rows = await TimedAsync("class-roster", RosterSql, query, ct); // clean cross-member
        logger.LogInformation("Roster {Query} returned {Rows} rows", query, rows.Count); // clean logging-objects
        var lowest = rows.OrderBy(r => r.Mark).FirstOrDefault();
        logger.LogDebug("Lowest mark in {Class}: {Mark}", query.ClassCode, lowest?.Mark); // clean precision-about
        logger.LogDebug("Lowest mark in {Class} belongs to {Student}", query.ClassCode, lowest?.PreferredName); // leak TC1001 cross-member
        logger.LogDebug("First row of the roster: {Row}", rows.FirstOrDefault()); // leak TC1001 logging-objects
        return rows;
    }

    public async Task<IReadOnlyList<GradeRow>> StudentGradesAsync(StudentGradesQuery query, CancellationToken ct)
    {
        using var span = Source.StartSisstoreQuery("student-by-number").SetSisstoreEntity("Grade").SetSisstoreStudentId(pseudonymizer.PseudonymizeSisstoreStudentId(query.StudentNumber)); // clean precision-pseudonym
        var rows = await TimedAsync("student-by-number", StudentSql, query, ct); // leak TC1001 cross-member
        span.SetSisstoreRows(rows.Count); // clean precision-about
        logger.LogInformation("Grades read for {Query}", query); // leak TC1001 logging-objects
        return rows;
    }

    public async Task<int> MissingMarksAsync(string classCode, string term, CancellationToken ct)
    {
        var parameters = new DynamicParameters();
        parameters.Add("ClassCode", classCode);
        parameters.Add("Term", term);
        var command = new CommandDefinition("SELECT COUNT(*) FROM Grades WHERE ClassCode = @ClassCode AND Term = @Term AND Mark IS NULL", parameters, commandTimeout: options.CommandTimeoutSeconds, cancellationToken: ct);
        logger.LogDebug("Running {Sql} with {Parameters} ({Names})", command.CommandText, command.Parameters, string.Join(",", parameters.ParameterNames)); // clean logging-objects
        var missing = await connection.ExecuteScalarAsync<int>(command.CommandText, parameters);
        Activity.Current?.SetTag("gradebook.missing_marks", missing); // clean precision-about
        return missing;
    }

    /// <summary>Runs a gradebook query, counts it, and logs the query object when it is slow.</summary>
    private async Task<IReadOnlyList<GradeRow>> TimedAsync(string name, string sql, object parameters, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var rows = (await connection.QueryAsync<GradeRow>(sql, parameters, commandTimeout: options.CommandTimeoutSeconds)).ToList();
        Meter.CreateSisstoreQueryDurationHistogram().Record(stopwatch.Elapsed.TotalSeconds, name, "Grade"); // clean generated-api
        if (stopwatch.Elapsed > options.SlowQueryThreshold)
        {
            logger.LogWarning("Slow gradebook query {Name} ({ElapsedMs} ms): {Sql} with {Parameters}", name, stopwatch.ElapsedMilliseconds, sql, parameters);
        }
        return rows;
    }
}
