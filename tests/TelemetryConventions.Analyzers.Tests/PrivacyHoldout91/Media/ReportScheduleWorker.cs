namespace PrivacyHoldout91.Media;

/// <summary>
/// Delivers the scheduled content and subscriber reports: the studios' weekly title report, and the trust
/// and safety team's daily viewing report of each account under investigation (its subscription's
/// parameters carry the subscriber's id), each rendered once and mailed to its subscribers.
/// </summary>
public sealed class ReportScheduleWorker(
    ISubscriptionStore store,
    IReportExecutionService reports,
    IReportMailer mailer,
    IDatasetCatalog catalog,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<ReportScheduleWorker> logger) : BackgroundService
{
    private readonly Counter<long> _deliveries = meter.CreateCounter<long>("viewrpt.deliveries", "{mail}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var run in await store.DueAsync(DateTimeOffset.UtcNow, stoppingToken))
            {
                var subscription = await store.GetAsync(run.SubscriptionId, stoppingToken);
                await DeliverAsync(run, subscription, stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(ScheduledRun run, ReportSubscription subscription, CancellationToken cancellationToken)
    {
        using var span = source.StartViewrptEmbed(subscription.ReportId, spanName: $"deliver {subscription.ReportId}");
        span.SetViewrptNote($"run {run.RunId}, attempt {run.Attempt}, {subscription.Subscribers.Count} recipients"); // clean precision-about
        logger.LogInformation("Delivering {SubscriptionId} ({Cron}) as {Format}", subscription.Id, subscription.Cron, subscription.Format); // clean precision-names
        logger.LogInformation("Parameters {Parameters}", subscription.Parameters); // leak TC1001 logging-objects

        var refresh = await catalog.GetLastRefreshAsync("ds-accounts", cancellationToken);
        if (DateTimeOffset.UtcNow - refresh.LastRefreshedUtc > options.MaxDataAge)
        {
            span.SetStatus(ActivityStatusCode.Error, $"data set {refresh.Dataset} last refreshed {refresh.LastRefreshedUtc:O} ({refresh.Status})"); // clean strings
            return;
        }

        RenderResult file;
        try
        {
            file = await reports.RenderAsync("/TrustSafety/" + subscription.ReportId, subscription.Parameters.Select(p => new ReportParameter(p.Key, p.Value)), subscription.Format, cancellationToken);
        }
        catch (ReportServerException ex)
        {
            logger.LogError(ex, "Rendering {Report} failed: {Code}", subscription.ReportId, ex.ErrorCode); // clean exceptions
            logger.LogViewrptReportFailedEvent(subscription.ReportId, ex.ErrorCode, viewrptNote: ex.Message); // clean generated-api
            return;
        }

        logger.LogInformation("Rendered {File}", file); // clean logging-objects
        var fileName = $"{subscription.ReportId}-{run.DueAt:yyyyMMdd}.{file.Extension}";
        foreach (var subscriber in subscription.Subscribers)
        {
            try
            {
                await mailer.SendAsync(subscriber, $"{subscription.ReportId} for {run.DueAt:d MMM}", fileName, file, cancellationToken);
                _deliveries.Add(1, new KeyValuePair<string, object?>("report", subscription.ReportId), new KeyValuePair<string, object?>("outcome", "sent"));
                if (subscriber.StaffId is { } staffId)
                {
                    span.SetViewrptViewerId(pseudonymizer.PseudonymizeViewrptViewerId(staffId)); // clean precision-pseudonym
                }
            }
            catch (MailRejectedException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                Activity.Current?.SetTag("mail.rejected.code", ex.Code);
                logger.LogWarning("Mail to {Recipient} rejected ({Code})", subscriber, ex.Code); // leak TC1001 logging-objects
                _deliveries.Add(1, new KeyValuePair<string, object?>("report", subscription.ReportId), new KeyValuePair<string, object?>("outcome", ex.Code.ToString(CultureInfo.InvariantCulture))); // clean precision-about
                _deliveries.Add(1, new KeyValuePair<string, object?>("rejected.to", subscriber.DisplayName)); // leak TC1003 direct
            }
        }
    }
}
