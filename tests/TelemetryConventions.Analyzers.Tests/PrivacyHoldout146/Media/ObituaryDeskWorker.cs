namespace PrivacyHoldout146.Media;

/// <summary>Publishes prepared obituaries when their embargo lifts and tells the family.</summary>
public sealed partial class ObituaryDeskWorker(
    IObituaryDesk desk,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LifeEventsOptions options,
    ILogger<ObituaryDeskWorker> logger) : BackgroundService
{
    private static readonly Meter DeskMeter = new("Broadcaster.Obituaries");
    private static readonly Histogram<int> Words = DeskMeter.CreateHistogram<int>("obituary.words");

    private ObituaryNotice? _lastWithdrawn;
    private readonly List<string> _publishedNoticeIds = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = await desk.DueAsync(DateTimeOffset.UtcNow, stoppingToken);
            using var span = source.StartDedicationOperation(options.Station);
            span.SetDedicationProgramme("news").SetDedicationRequestCount(due.Count); // clean generated-api
            foreach (var notice in due)
            {
                await PublishAsync(notice, stoppingToken);
            }

            LogRound(logger, _publishedNoticeIds.Count, string.Join(",", _publishedNoticeIds)); // clean cross-member
            LogLastWithdrawn(logger, _lastWithdrawn?.SubjectName); // leak TC1001 cross-member
            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
        }
    }

    private async Task PublishAsync(ObituaryNotice notice, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("obituary.notice_id", notice.NoticeId); // clean precision-names
        Activity.Current?.SetTag("obituary.subject", notice.SubjectName); // leak TC1001 direct
        Activity.Current?.SetTag("obituary.birth_decade", notice.DateOfBirth.Year / 10 * 10); // clean precision-about
        Activity.Current?.SetTag("obituary.embargo_minutes_left", (notice.EmbargoUntil - DateTimeOffset.UtcNow).TotalMinutes); // clean precision-about
        LogDue(logger, notice); // leak TC1001 logging-objects
        try
        {
            var receipt = await desk.PublishAsync(notice, cancellationToken);
            _publishedNoticeIds.Add(notice.NoticeId);
            logger.LogInformation("Published {Receipt}", receipt); // clean logging-objects
            Words.Record(receipt.Words, new KeyValuePair<string, object?>("desk", receipt.Desk)); // clean precision-about
            await desk.NotifyFamilyAsync(notice.FamilyContactEmail, "tpl-obituary-published", cancellationToken);
            LogFamilyNotified(logger, notice.FamilyContactEmail); // clean logging-objects
            Activity.Current?.SetTag("obituary.family_template_id", "tpl-obituary-published"); // clean precision-names
            Activity.Current?.SetTag("obituary.family_contact", notice.FamilyContactEmail); // leak TC1001 direct
        }
        catch (EmbargoActiveException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
        }
        catch (ConsentWithdrawnException ex)
        {
            _lastWithdrawn = notice;
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogDedicationOperationFailedEvent(options.Station, "consent-withdrawn", dedicationNote: "consent withdrawn for " + notice.NoticeId); // clean generated-api
        }
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Published {Count} notices: {NoticeIds}")]
    private static partial void LogRound(ILogger logger, int count, string noticeIds);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Last withdrawn notice was for {SubjectName}")]
    private static partial void LogLastWithdrawn(ILogger logger, string? subjectName);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Debug, Message = "Due: {Notice}")]
    private static partial void LogDue(ILogger logger, ObituaryNotice notice);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Information, Message = "Family notified at {FamilyEmail}")]
    private static partial void LogFamilyNotified(ILogger logger, [PrivateData] string familyEmail);
}
