namespace PrivacyHoldout91.Energy;

/// <summary>An account that asked for a monthly consumption file.</summary>
public sealed record ExportSubscriber(string AccountNumber, string Mpan, string HolderName, string Email, string Region);

public interface IExportRecipients
{
    Task<IReadOnlyList<ExportSubscriber>> MonthlyAsync(CancellationToken cancellationToken = default);
}

/// <summary>Writes export files to the outbound share (not telemetry).</summary>
public interface IExportShare
{
    Task<string> WriteAsync(string fileName, byte[] content, CancellationToken cancellationToken = default);
}

/// <summary>
/// The monthly consumption exports: one CSV per household that asked for it, and the regulator's return
/// of consumption by region and tariff. Both read the settlement data set, which must have been refreshed
/// since the month closed.
/// </summary>
public sealed class ConsumptionExportJob(
    IExportRecipients recipients,
    IReportExecutionService reports,
    IDatasetCatalog catalog,
    IExportShare share,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ConsumptionExportJob> logger) : BackgroundService
{
    private readonly Counter<long> _files = meter.CreateCounter<long>("usagerpt.export.files", "{file}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var month = DateTime.UtcNow.AddMonths(-1);
        var period = month.ToString("yyyyMM", CultureInfo.InvariantCulture);

        var refresh = await catalog.GetLastRefreshAsync("ds-settlement", stoppingToken);
        logger.LogInformation("Settlement data set {Refresh}", refresh); // clean logging-objects
        if (refresh.LastRefreshedUtc < new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero))
        {
            var stale = new StaleDataException(refresh.Dataset, DateTimeOffset.UtcNow - refresh.LastRefreshedUtc, TimeSpan.FromDays(1));
            logger.LogError(stale, "Exports for {Period} postponed", period); // clean exceptions
            return;
        }

        foreach (var household in await recipients.MonthlyAsync(stoppingToken))
        {
            using var span = source.StartUsagerptRender("rpt-household-export", "csv");
            span.SetUsagerptHouseholdId(pseudonymizer.PseudonymizeUsagerptHouseholdId(household.AccountNumber)); // clean precision-pseudonym
            span.SetUsagerptRegion(household.Region);
            try
            {
                var csv = await reports.RenderAsync("/Usage/HouseholdMonthly", new[] { new ReportParameter("Mpan", household.Mpan), new ReportParameter("Period", period) }, RenderFormat.Csv, stoppingToken);
                var fileName = $"{household.AccountNumber}-{period}.csv";
                var path = await share.WriteAsync(fileName, csv.Content, stoppingToken);
                logger.LogInformation("Wrote {Path}", path); // leak TC1001 cross-member
                logger.LogInformation("Wrote {Bytes} bytes for {Period}", csv.Content.Length, period);
                _files.Add(1, new KeyValuePair<string, object?>("kind", "household"), new KeyValuePair<string, object?>("region", household.Region)); // clean precision-names
            }
            catch (ReportServerException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning("Household export failed for {Holder} <{Email}>: {Code}", household.HolderName, household.Email, ex.ErrorCode); // leak TC1001 direct
                span.SetUsagerptNote($"{ex.ErrorCode} for {household.Mpan}"); // leak TC1001 generated-api
                span.Activity?.SetTag(UsagerptAttributes.HouseholdContact, household.Email); // leak TC1001 generated-api
            }
        }

        await RegulatorReturnAsync(period, stoppingToken);
    }

    private async Task RegulatorReturnAsync(string period, CancellationToken cancellationToken)
    {
        using var span = source.StartUsagerptRender("rpt-regulator-return", "xlsx");
        var file = await reports.RenderAsync("/Usage/RegulatorReturn", new[] { new ReportParameter("Period", period) }, RenderFormat.Excel, cancellationToken);
        var fileName = $"consumption-by-region-{period}.xlsx";
        var path = await share.WriteAsync(fileName, file.Content, cancellationToken);
        logger.LogInformation("Wrote {Path} with {Warnings}", path, string.Join("; ", file.Warnings)); // clean strings
        span.SetUsagerptNote(fileName); // clean precision-names
        _files.Add(1, new KeyValuePair<string, object?>("kind", "regulator"), new KeyValuePair<string, object?>("period", period));
    }
}
