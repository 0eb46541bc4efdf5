namespace PrivacyHoldout91.Education;

/// <summary>
/// The reporting portal's usage analytics: which teacher opened which report, for how long, and which
/// page of it (a student's page is named <c>student/{studentNumber}</c>). Views go to the usage warehouse;
/// the daily roll-up goes to the leadership team's adoption dashboard.
/// </summary>
public sealed class ReportUsageTracker(
    IUsageStore usage,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ReportUsageTracker> logger)
{
    private readonly Counter<long> _views = meter.CreateCounter<long>("attainrpt.report.views", "{view}");
    private readonly Histogram<double> _viewSeconds = meter.CreateHistogram<double>("attainrpt.report.view.duration", "s");

    public async Task RecordAsync(ReportViewEvent view, CancellationToken cancellationToken)
    {
        await usage.AppendAsync(view, cancellationToken);
        logger.LogDebug("Report viewed {View}", view); // leak TC1001 logging-objects
        logger.LogDebug("Report {Report} viewed for {Seconds}s", view.ReportId, view.Duration.TotalSeconds); // clean precision-names
        Activity.Current?.SetTag("report.page", view.Page); // leak TC1001 direct
        Activity.Current?.SetTag("report.page.kind", view.Page?.Split('/')[0]); // clean precision-about
        _views.Add(1, new KeyValuePair<string, object?>("report", view.ReportId));
        _views.Add(1, new KeyValuePair<string, object?>("teacher", pseudonymizer.ComputeAttainrptViewerId(view.ViewerId))); // leak TC1003 precision-pseudonym
        _viewSeconds.Record(view.Duration.TotalSeconds, new KeyValuePair<string, object?>("report", view.ReportId));
    }

    public async Task RollUpAsync(string reportId, DateOnly day, CancellationToken cancellationToken)
    {
        using var span = source.StartAttainrptEmbed(reportId, spanName: "attainrpt.usage.rollup");
        var views = await usage.ViewsAsync(reportId, day, cancellationToken);
        var byTeacher = views.GroupBy(v => v.ViewerEmail).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Views of {Report} on {Day} by teacher {Views}", reportId, day, byTeacher); // leak TC1001 logging-objects
        logger.LogInformation("Views of {Report} on {Day}: {Views} by {Teachers} teachers", reportId, day, views.Count, byTeacher.Count);

        var heaviest = byTeacher.OrderByDescending(p => p.Value).FirstOrDefault();
        span.SetAttainrptNote($"most views by {heaviest.Key} ({heaviest.Value})"); // leak TC1001 generated-api
        span.SetAttainrptViewerId(pseudonymizer.PseudonymizeAttainrptViewerId(views.OrderByDescending(v => v.Duration).First().ViewerId)); // clean precision-pseudonym

        var students = views.Where(v => v.Page?.StartsWith("student/", StringComparison.Ordinal) == true).Select(v => v.Page![8..]).Distinct().ToList();
        Activity.Current?.AddEvent(new ActivityEvent("usage.students_viewed", tags: new ActivityTagsCollection { ["count"] = students.Count })); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("usage.students_viewed", tags: new ActivityTagsCollection { ["students"] = string.Join(",", students) })); // leak TC1001 strings

        var domains = views.Select(v => v.ViewerEmail[(v.ViewerEmail.IndexOf('@') + 1)..]).Distinct().ToList();
        logger.LogInformation("Viewer domains {Domains}", string.Join(",", domains)); // clean precision-about
        Activity.Current?.SetBaggage("usage.day", day.ToString("O", CultureInfo.InvariantCulture)); // clean precision-names
    }
}
