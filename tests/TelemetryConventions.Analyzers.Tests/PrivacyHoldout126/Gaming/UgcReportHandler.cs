namespace PrivacyHoldout126.Gaming;

/// <summary>A player's report of a workshop item or screenshot.</summary>
public sealed record UgcReport(string ReportId, string ItemId, Guid ReporterId, string ReporterGamertag, string Category, string? Details);

public sealed partial class UgcReportHandler(
    IQueueReceiver<UgcReport> reports,
    IMediaStore store,
    Pseudonymizer pseudonymizer,
    ILogger<UgcReportHandler> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Game.UgcReports");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outcomes = new Meter("Game.UgcReports").CreateWorkshopSubmissionsCounter();
        while (!stoppingToken.IsCancellationRequested)
        {
            var report = await reports.ReceiveAsync(stoppingToken);
            if (report is null)
            {
                continue;
            }

            using var span = Source.StartWorkshopModerate(report.ItemId)
                .SetWorkshopReason(report.Category) // clean generated-api
                .SetWorkshopAuthorId(pseudonymizer.PseudonymizeWorkshopAuthorId(report.ReporterId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("ugc.report.id", report.ReportId); // clean precision-names
            span.Activity?.SetTag("ugc.report.route", $"items/{report.ItemId}/reports/{report.Category}"); // clean strings
            var dedupeKey = new StringBuilder().Append(report.ItemId).Append(':').Append(report.ReporterId).ToString();
            span.Activity?.SetTag("ugc.report.dedupe", dedupeKey); // leak TC1001 strings
            span.Activity?.SetTag("ugc.report.has_details", report.Details is not null); // clean precision-about
            logger.LogInformation("Report {ReportId} on {ItemId} by {Reporter}", report.ReportId, report.ItemId, report.ReporterGamertag); // leak TC1001 direct
            span.SetWorkshopNote(report.Details ?? "no details"); // leak TC1001 generated-api
            outcomes.Add(1, "reported", report.ItemId); // clean generated-api
        }
    }

    public async Task TakeDownAsync(TakedownNotice notice, IReadOnlyList<WorkshopItem> items, CancellationToken cancellationToken)
    {
        using var span = Source.StartWorkshopModerate(notice.NoticeId).SetWorkshopReason(notice.Basis); // clean generated-api
        span.Activity?.SetTag("takedown.rights_holder", notice.RightsHolder); // clean precision-names
        span.Activity?.SetTag("takedown.urls", notice.ContentUrls.Count); // clean precision-about
        logger.LogInformation("Takedown notice {Notice}", notice); // leak TC1001 logging-objects
        logger.LogInformation("Notice from {Complainant} <{Email}>", notice.ComplainantName, notice.ComplainantEmail); // leak TC1001 direct
        // The notice form takes workshop item pages only (https://workshop.example-games.com/items/wk-…).
        logger.LogInformation("Notice covers {Urls}", notice.ContentUrls); // clean logging-objects

        foreach (var item in items)
        {
            try
            {
                await store.DeleteAsync($"workshop/{item.ItemId}/payload.zip", cancellationToken);
                span.Activity?.AddEvent(new ActivityEvent("takedown.item", tags: new ActivityTagsCollection { ["item"] = item.ItemId, ["title"] = item.Title })); // clean precision-names
                span.Activity?.AddEvent(new ActivityEvent("takedown.creator", tags: new ActivityTagsCollection { ["creator"] = item.CreatorId.ToString() })); // leak TC1001 direct
                LogTakenDown(logger, item.ItemId, item.CreatorGamertag); // clean logging-objects
            }
            catch (UnmatchedContentException ex)
            {
                logger.LogWarning(ex, "Notice URL did not match an item"); // clean exceptions
                span.Activity?.SetTag("takedown.unmatched", ex.Url); // clean exceptions
            }
        }
    }

    public void OnCounterNotice(CounterNotice counter)
    {
        using var activity = Source.StartActivity("takedown.counter_notice");
        activity?.SetTag("takedown.notice", counter.NoticeId); // clean precision-names
        activity?.SetTag("takedown.statement.length", counter.Statement.Length); // clean precision-about
        logger.LogInformation("Counter-notice from {Name}, {Address}", counter.FullName, counter.PostalAddress); // leak TC1001 direct
        logger.LogDebug("Counter-notice {@Counter}", counter); // leak TC1001 logging-objects
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took down {ItemId} published by {Gamertag}")]
    private static partial void LogTakenDown(ILogger logger, string itemId, [PrivateData] string gamertag);
}
