namespace PrivacyHoldout91.Healthcare;

/// <summary>
/// Runs the clinical reports' subscriptions: the monthly readmissions pivot (ward by diagnosis chapter,
/// small cells suppressed) for the divisional boards, and the morning "awaiting discharge" list for ward
/// managers, mailed to each subscriber. A subscription's <c>Owner</c> is the email of the member of staff
/// who set it up.
/// </summary>
public sealed class ClinicalReportScheduler(
    ISubscriptionStore store,
    IReportExecutionService reports,
    IReportDataSource data,
    IReportMailer mailer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<ClinicalReportScheduler> logger) : BackgroundService
{
    private readonly Counter<long> _deliveryFailures = meter.CreateCounter<long>("wardrpt.delivery.failures", "{mail}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var run in await store.DueAsync(DateTimeOffset.UtcNow, stoppingToken))
            {
                await RunAsync(run, stoppingToken);
            }

            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }

    private async Task RunAsync(ScheduledRun run, CancellationToken cancellationToken)
    {
        var subscription = await store.GetAsync(run.SubscriptionId, cancellationToken);
        using var span = source.StartWardrptEmbed(subscription.ReportId, spanName: "wardrpt.schedule " + subscription.ReportId);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["RunId"] = run.RunId, ["SubscriptionId"] = subscription.Id }); // clean precision-names
        logger.LogInformation("Running {Run}", run); // clean logging-objects
        logger.LogInformation("Subscription {Subscription}", subscription); // leak TC1001 logging-objects
        Activity.Current?.SetTag("subscription.recipients", subscription.Subscribers.Count);
        logger.LogDebug("Mailing {Recipients}", string.Join("; ", subscription.Subscribers.Select(s => s.DisplayName))); // leak TC1001 strings

        RenderResult rendered;
        if (subscription.ReportId == "rpt-readmissions-pivot")
        {
            var pivot = await ReadmissionsAsync(span.Activity, cancellationToken);
            if (pivot is null)
            {
                return;
            }

            rendered = new RenderResult(Encoding.UTF8.GetBytes(string.Join("\n", pivot.Table.Cells.Select(c => $"{c.Row},{c.Column},{c.Count}"))), "text/csv", "csv", Array.Empty<string>());
        }
        else
        {
            var ward = subscription.Parameters["Ward"];
            try
            {
                rendered = await reports.RenderAsync("/Clinical/AwaitingDischarge", new[] { new ReportParameter("Ward", ward) }, subscription.Format, cancellationToken);
            }
            catch (DataSourceException ex) when (ex.Number == 245)
            {
                // The PAS feed's hospital numbers are joined to the warehouse's integer patient key; a bad one fails the whole list.
                logger.LogError(ex, "Awaiting-discharge list failed for {Ward}", ward); // leak TC1001 exceptions
                span.SetStatus(ActivityStatusCode.Error, "conversion failed in awaiting-discharge"); // clean exceptions
                return;
            }
        }

        foreach (var subscriber in subscription.Subscribers)
        {
            try
            {
                await mailer.SendAsync(subscriber, $"{subscription.ReportId} {run.DueAt:yyyy-MM-dd}", $"{subscription.ReportId}-{run.DueAt:yyyyMMdd}.{rendered.Extension}", rendered, cancellationToken);
                if (subscriber.StaffId is { } staffId)
                {
                    Activity.Current?.AddEvent(new ActivityEvent("report.delivered", tags: new ActivityTagsCollection { ["recipient"] = pseudonymizer.ComputeWardrptViewerId(staffId) })); // clean precision-pseudonym
                }
            }
            catch (MailRejectedException ex)
            {
                logger.LogWarning(ex, "Delivery of run {RunId} failed", run.RunId); // leak TC1001 exceptions
                Activity.Current?.AddEvent(new ActivityEvent("report.delivery_failed", tags: new ActivityTagsCollection { ["smtp.code"] = ex.Code })); // clean precision-about
                _deliveryFailures.Add(1, new KeyValuePair<string, object?>("recipient", subscriber.Email)); // leak TC1003 direct
                _deliveryFailures.Add(1, new KeyValuePair<string, object?>("report", subscription.ReportId), new KeyValuePair<string, object?>("smtp.code", ex.Code));
            }
        }
    }

    private async Task<SuppressionResult?> ReadmissionsAsync(Activity? activity, CancellationToken cancellationToken)
    {
        var query = new ReportQuery(
            "readmissions-by-ward",
            "SELECT ward_code, diagnosis_chapter, COUNT(*) FROM readmissions WHERE discharged >= @from GROUP BY ward_code, diagnosis_chapter",
            options.CommandTimeout)
        {
            Parameters = { ["@from"] = DateTime.UtcNow.AddDays(-30) },
        };
        logger.LogDebug("Readmissions query {Query}", query); // clean logging-objects

        ReportTable table;
        try
        {
            table = await data.QueryAsync(query, cancellationToken);
        }
        catch (QueryTimeoutException ex)
        {
            logger.LogWarning(ex, "Readmissions query over {Timeout}", query.Timeout); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            return null;
        }

        var pivot = PivotTable.Build(table.Rows, "ward", r => (string)r[0]!, "chapter", r => (string)r[1]!, r => Convert.ToDecimal(r[2], CultureInfo.InvariantCulture));
        var result = SmallCellSuppression.Apply(pivot, options.SmallCellThreshold);
        Activity.Current?.SetTag("report.suppressed_cells", result.SuppressedCells); // clean precision-about
        logger.LogInformation("Suppressed {Cells}", string.Join(", ", result.Suppressed.Select(c => $"{c.Row}/{c.Column}"))); // clean precision-names
        logger.LogInformation("Readmissions pivot {Rows} wards by {Columns} chapters", pivot.RowKeys.Count(), pivot.ColumnKeys.Count());
        return result;
    }
}

