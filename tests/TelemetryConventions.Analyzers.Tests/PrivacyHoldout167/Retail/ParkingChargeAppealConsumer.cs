namespace PrivacyHoldout167.Retail;

/// <summary>Consumes appeals against store car park charges from the parking operator's queue; blue badge holders' appeals are cancelled after the badge check.</summary>
public sealed partial class ParkingChargeAppealConsumer(
    IQueueReceiver<Representation> appeals,
    IBadgeRegister badges,
    IPenaltyStore notices,
    Pseudonymizer pseudonymizer,
    ILogger<ParkingChargeAppealConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retail.Appeals");
    private static readonly Meter Meter = new("Retail.Appeals");
    private readonly StoreparkOperationDurationHistogram _duration = Meter.CreateStoreparkOperationDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await appeals.ReceiveAsync(stoppingToken) is { } appeal)
        {
            var started = Stopwatch.GetTimestamp();
            using var activity = Source.StartActivity("appeal.received");
            activity?.SetTag("appeal.notice", appeal.NoticeNumber); // clean precision-about
            activity?.SetTag("appeal.has_evidence", appeal.HasEvidence); // clean precision-about
            activity?.SetTag("appeal.email", pseudonymizer.ComputeStoreparkCustomerId(appeal.AppellantEmail)); // clean precision-pseudonym
            logger.LogInformation("Appeal {Appeal}", appeal); // leak TC1001 logging-objects
            LogGrounds(logger, appeal.NoticeNumber, appeal.Grounds); // leak TC1001 direct
            LogGroundsClassified(logger, appeal.NoticeNumber, appeal.Grounds); // clean precision-names

            var badgeNumber = ExtractBadgeNumber(appeal.Grounds);
            if (badgeNumber is not null)
            {
                var verdict = await badges.CheckAsync(badgeNumber, stoppingToken);
                activity?.SetTag("appeal.badge.valid", verdict.Valid); // clean precision-about
                activity?.SetTag("appeal.badge.lost", verdict.ReportedLost); // clean precision-about
                activity?.SetTag("appeal.badge", badgeNumber); // leak TC1001 cross-member
                activity?.SetTag("appeal.badge.last4", badgeNumber[^4..]); // clean precision-about
                if (!verdict.Valid)
                {
                    try
                    {
                        throw new BadgeInvalidException(badgeNumber);
                    }
                    catch (BadgeInvalidException ex)
                    {
                        logger.LogWarning("Appeal rejected: {Reason}", ex.Message); // leak TC1001 exceptions
                        logger.LogStoreparkOperationFailedEvent("appeals", "badge-invalid", storeparkNote: ex.GetType().Name); // clean exceptions
                    }
                }
            }

            var status = await notices.StatusAsync(appeal.NoticeNumber, stoppingToken);
            logger.LogInformation("Notice status {@Status}", status); // clean logging-objects
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "appeals"); // clean generated-api
        }
    }

    private static string? ExtractBadgeNumber(string grounds)
    {
        var index = grounds.IndexOf("badge ", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? null : grounds.Substring(index + 6, Math.Min(16, grounds.Length - index - 6)).Trim();
    }

    [LoggerMessage(EventId = 8201, Level = LogLevel.Information, Message = "Appeal against {Notice}: {Grounds}")]
    private static partial void LogGrounds(ILogger logger, string notice, string grounds);

    [LoggerMessage(EventId = 8202, Level = LogLevel.Information, Message = "Appeal against {Notice}: {Grounds}")]
    private static partial void LogGroundsClassified(ILogger logger, string notice, [PrivateData] string grounds);
}
