namespace PrivacyHoldout102.Education;

/// <summary>Class rosters cached in process; term rollover fixes run from the admin console.</summary>
public sealed class RosterCache(IMemoryCache cache, GradebookQueries queries, ILogger<RosterCache> logger, DataAccessOptions options)
{
    private static readonly Meter Meter = new("School.Sis.Cache");

    public async Task<IReadOnlyList<GradeRow>> GetAsync(string classCode, string term, CancellationToken ct)
    {
        var key = $"roster:{classCode}:{term}";
        if (cache.TryGetValue(key, out IReadOnlyList<GradeRow>? rows) && rows is not null)
        {
            Meter.CreateSisstoreCacheLookupsCounter().Add(1, "Roster", "hit"); // clean generated-api
            logger.LogDebug("Roster cache hit {Key}", key); // clean precision-names
            return rows;
        }
        rows = await queries.ClassRosterAsync(new RosterQuery(classCode, term, IncludeWithdrawn: false), ct);
        cache.Set(key, rows, options.CacheLifetime);
        var stats = cache.GetCurrentStatistics();
        logger.LogDebug("Roster cache holds {Entries} entries, {Hits} hits, {Misses} misses", stats?.CurrentEntryCount, stats?.TotalHits, stats?.TotalMisses); // clean precision-about
        return rows;
    }

    public void Forget(string studentNumber, IEnumerable<string> classCodes, string term)
    {
        foreach (var classCode in classCodes)
        {
            cache.Remove($"roster:{classCode}:{term}");
        }
        cache.Remove($"student-grades:{studentNumber}:{term}");
        logger.LogInformation("Evicted rosters of {Classes} and student-grades:{StudentNumber}:{Term}", string.Join(",", classCodes), studentNumber, term); // leak TC1001 direct
    }
}

/// <summary>Moves active enrolments to the new term and archives leavers; run once per term by the registry office.</summary>
public sealed class TermRolloverFix(SisDbContext db, IDbConnection connection, ILogger<TermRolloverFix> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("School.Sis.Fixes");

    public async Task RunAsync(string fromTerm, string toTerm, string officerStaffNumber, CancellationToken ct)
    {
        using var span = Source.StartSisstoreFix("2025_09_term_rollover").SetSisstoreEntity(nameof(Enrolment)); // clean generated-api
        span.SetSisstoreStaffId(pseudonymizer.PseudonymizeSisstoreStaffId(officerStaffNumber)); // clean precision-pseudonym
        logger.LogInformation("Applied migrations: {Migrations}", string.Join(",", await db.Database.GetAppliedMigrationsAsync(ct))); // clean precision-names
        var moved = await connection.ExecuteAsync("UPDATE Enrolments SET Term = @toTerm WHERE Term = @fromTerm AND Status = 'active'", new { fromTerm, toTerm });
        logger.LogInformation("Rolled over {Rows} enrolments from {From} to {To}", moved, fromTerm, toTerm); // clean precision-about
        var leavers = (await connection.QueryAsync<string>("SELECT StudentNumber FROM Students WHERE LeavingDate < @cutoff", new { cutoff = DateTime.UtcNow })).ToList();
        span.SetSisstoreRows(leavers.Count).SetSisstoreNote($"{leavers.Count} leavers archived"); // clean precision-about
        logger.LogInformation("Archived leavers {Leavers}", leavers); // leak TC1001 logging-objects
        logger.LogDebug("Leaver fingerprint {Fingerprint}", string.Join(",", leavers).GetHashCode().ToString("x8")); // leak TC1002 hashes
        Activity.Current?.SetTag("rollover.officer", officerStaffNumber); // leak TC1001 direct
        Activity.Current?.SetTag("rollover.terms", $"{fromTerm}->{toTerm}"); // clean precision-names
    }
}
