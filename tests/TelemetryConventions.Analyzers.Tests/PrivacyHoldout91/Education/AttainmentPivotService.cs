namespace PrivacyHoldout91.Education;

/// <summary>One student's result in one subject, as the MIS extract gives it.</summary>
public sealed record SubjectResult(string StudentNumber, string PreferredName, string ClassCode, string Subject, string Group, int Points, int TargetPoints);

/// <summary>
/// The head of year's attainment pivot: classes by subject, disadvantaged and SEN groups with small cells
/// suppressed before the governors' pack, and the "most progress" and "below target" top-N lists.
/// </summary>
public sealed partial class AttainmentPivotService(
    IReportDataSource data,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<AttainmentPivotService> logger)
{
    private readonly Histogram<double> _belowTarget = meter.CreateHistogram<double>("attainrpt.below_target.ratio");

    public async Task<SuppressionResult> BuildAsync(string yearGroup, string term, CancellationToken cancellationToken)
    {
        using var span = source.StartAttainrptRender("rpt-year-pivot", "html");
        var query = new ReportQuery("year-results", "SELECT student_number, preferred_name, class_code, subject, grp, points, target FROM results WHERE year_group = @year AND term = @term", options.CommandTimeout)
        {
            Parameters = { ["@year"] = yearGroup, ["@term"] = term },
        };
        logger.LogDebug("Pivot query {Text} with {Parameters}", query.CommandText, string.Join(",", query.Parameters.Select(p => $"{p.Key}={p.Value}"))); // clean strings

        var table = await data.QueryAsync(query, cancellationToken);
        var results = table.Rows.Select(r => new SubjectResult((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (int)r[5]!, (int)r[6]!)).ToList();
        span.SetAttainrptRowCount(results.Count);

        var byClass = PivotTable.Build(results, "class", r => r.ClassCode, "subject", r => r.Subject, r => r.Points);
        logger.LogInformation("Pivot classes {Classes}", string.Join(",", byClass.RowKeys)); // clean precision-names

        var byGroup = PivotTable.Build(results, "group", r => r.Group, "subject", r => r.Subject, r => r.Points);
        var suppressed = SmallCellSuppression.Apply(byGroup, options.SmallCellThreshold);
        span.SetAttainrptSuppressedCells(suppressed.SuppressedCells);
        logger.LogInformation("Group pivot after suppression {Result}", suppressed); // clean logging-objects

        var progress = results.GroupBy(r => r.StudentNumber)
            .Select(g => (Student: g.Key, Name: g.First().PreferredName, Gain: g.Sum(r => r.Points - r.TargetPoints)))
            .OrderByDescending(s => s.Gain)
            .ToList();
        var top = progress.Take(options.TopN).ToList();
        logger.LogInformation("Most progress: {Top}", string.Join(", ", top.Select(s => $"{s.Name} (+{s.Gain})"))); // leak TC1001 strings
        logger.LogInformation("Most progress gains {Gains}", string.Join(",", top.Select(s => s.Gain))); // clean precision-about
        Activity.Current?.SetTag("report.top.first", top.FirstOrDefault().Student); // leak TC1001 cross-member

        var below = progress.Where(s => s.Gain < 0).ToList();
        _belowTarget.Record((double)below.Count / Math.Max(1, progress.Count), new KeyValuePair<string, object?>("year", yearGroup), new KeyValuePair<string, object?>("term", term)); // clean precision-about
        LogBelowTarget(logger, yearGroup, string.Join(",", below.Select(s => s.Student))); // clean strings
        LogBelowTargetUnclassified(logger, yearGroup, below.Count, below.FirstOrDefault().Student); // leak TC1001 cross-member
        span.SetAttainrptNote($"{below.Count} below target; lowest {below.LastOrDefault().Name}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("report.below_target.refs", string.Join(",", below.Select(s => pseudonymizer.ComputeAttainrptStudentId(s.Student)))); // clean precision-pseudonym
        return suppressed;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Below target in {YearGroup}: {Students}")]
    private static partial void LogBelowTarget(ILogger logger, string yearGroup, [PrivateData] string students);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Below target in {YearGroup}: {Count}, first {StudentNumber}")]
    private static partial void LogBelowTargetUnclassified(ILogger logger, string yearGroup, int count, string? studentNumber);
}
