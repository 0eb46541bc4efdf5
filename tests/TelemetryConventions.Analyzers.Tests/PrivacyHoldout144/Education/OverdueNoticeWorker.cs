namespace PrivacyHoldout144.Education;

/// <summary>
/// Every Monday the school library system emails parents about books more than a week overdue, with the replacement
/// charge once a book is lost, and reports who could not be reached.
/// </summary>
public sealed partial class OverdueNoticeWorker(
    ILendingService lending,
    IPatronDirectory patrons,
    IPatronNotifier notifier,
    CultureHubOptions options,
    ActivitySource source,
    TelemetrySecrets secrets,
    ILogger<OverdueNoticeWorker> logger) : BackgroundService
{
    private static readonly string[] Schools = ["north-academy", "riverside-primary", "st-anselm-high"];

    private readonly List<string> _unreachableParents = new();
    private int _noticesSent;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var school in Schools)
            {
                await SendNoticesAsync(school, stoppingToken);
            }

            Report();
            await Task.Delay(TimeSpan.FromDays(7), stoppingToken);
        }
    }

    private async Task SendNoticesAsync(string school, CancellationToken cancellationToken)
    {
        using var span = source.StartSchoollibOperation(school, spanName: "overdue-notices");
        var overdue = await lending.OverdueAsync(school, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7), cancellationToken);
        span.SetSchoollibLoanCount(overdue.Count); // clean generated-api
        logger.LogInformation("Overdue at {School}: {LoanIds}", school, overdue.Select(o => o.LoanId)); // clean logging-objects

        foreach (var loan in overdue)
        {
            var pupil = await patrons.FindByCardAsync(loan.CardNumber, cancellationToken);
            if (pupil is null)
            {
                LogPupilMissing(logger, loan.LoanId, loan.CardNumber); // leak TC1001 logging-objects
                continue;
            }

            // A junior card's email is the parent's, given when the card was issued.
            var parentEmail = pupil.Email;
            var fields = new Dictionary<string, string>
            {
                ["firstName"] = pupil.FirstName,
                ["titleId"] = loan.TitleId,
                ["days"] = loan.DaysOverdue.ToString(CultureInfo.InvariantCulture),
            };

            Activity.Current?.SetTag("schoollib.notice.days_overdue", loan.DaysOverdue); // clean precision-about
            Activity.Current?.SetTag("schoollib.notice.fine", loan.FineSoFar); // clean precision-about
            Activity.Current?.SetTag(SchoollibAttributes.Contact, "[parent-on-file]"); // clean generated-api
            logger.LogDebug("Overdue notice fields {Fields}", fields); // leak TC1001 logging-objects

            var dedupeKey = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(parentEmail + loan.TitleId)));
            logger.LogDebug("Notice dedupe key {Key}", dedupeKey); // leak TC1002 hashes

            var sampled = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(loan.CardNumber))[0] < 26;
            if (sampled)
            {
                logger.LogDebug("Sampled overdue {LoanId} in cohort {Cohort}", loan.LoanId, HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(loan.CardNumber))[1] % 10); // clean hashes
            }

            try
            {
                await notifier.SendAsync(options.OverdueTemplateId, parentEmail, fields, cancellationToken);
                _noticesSent++;
                LogNoticeSent(logger, loan.LoanId, parentEmail); // clean logging-objects
            }
            catch (TimeoutException ex)
            {
                _unreachableParents.Add(parentEmail);
                logger.LogWarning(ex, "Notice for {LoanId} not delivered", loan.LoanId); // clean exceptions
            }

            if (loan.FineSoFar >= options.FineCap)
            {
                var charge = await lending.AssessFineAsync(loan.LoanId, cancellationToken);
                logger.LogInformation("Replacement charge raised: {Charge}", charge); // clean logging-objects
            }
        }
    }

    private void Report()
    {
        using var activity = source.StartActivity("overdue-notices.report");
        activity?.SetTag("schoollib.notices.sent", _noticesSent); // clean cross-member
        activity?.SetTag("schoollib.notices.unreachable", _unreachableParents.Count); // clean precision-about
        logger.LogWarning("Parents we could not email: {Parents}", _unreachableParents); // leak TC1001 cross-member
        _unreachableParents.Clear();
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Overdue loan {LoanId} has no pupil for card {CardNumber}")]
    private static partial void LogPupilMissing(ILogger logger, string loanId, string cardNumber);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Overdue notice for {LoanId} sent to {ParentEmail}")]
    private static partial void LogNoticeSent(ILogger logger, string loanId, [PrivateData] string parentEmail);
}
