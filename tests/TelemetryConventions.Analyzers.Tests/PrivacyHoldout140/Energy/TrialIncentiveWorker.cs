namespace PrivacyHoldout140.Energy;

/// <summary>A household's month in the trial, from the settlement data.</summary>
public sealed record TrialMonth(string TrialCode, string AccountNumber, string MeterSerial, string Arm, double PeakKwh, double OffPeakKwh, bool CompletedSurvey, string? SurveyComment);

/// <summary>
/// Once a month: credits each trial household's bill with its incentive, sends the evaluator the month's
/// consumption feed and records what households wrote in the monthly survey.
/// </summary>
public sealed class TrialIncentiveWorker(
    IQueueReceiver<TrialMonth> months,
    ITrialBilling billing,
    ISponsorTransfer evaluator,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TrialIncentiveWorker> logger) : BackgroundService
{
    private readonly List<ExportRow> _feed = new();
    private string? _lastFailedAccount;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await months.ReceiveAsync(stoppingToken) is { } month)
        {
            await CreditAsync(month, stoppingToken);
        }

        await SendFeedAsync("TOU-2025", stoppingToken);
    }

    private async Task CreditAsync(TrialMonth month, CancellationToken cancellationToken)
    {
        using var span = source.StartTarifftrialOperation(month.TrialCode);
        span.SetTarifftrialArm(month.Arm);
        var peakShare = month.PeakKwh / Math.Max(0.1, month.PeakKwh + month.OffPeakKwh);
        span.Activity?.SetTag("tarifftrial.peak_share", Math.Round(peakShare, 3)); // clean precision-about

        var amount = month.CompletedSurvey ? 10m : 5m;
        var credit = new BillCredit(month.AccountNumber, amount, DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        try
        {
            await billing.ApplyCreditAsync(credit, cancellationToken);
            meter.CreateTarifftrialCreditAmountHistogram().Record((double)amount, month.TrialCode, tarifftrialArm: month.Arm); // clean generated-api
            logger.LogDebug("Credit applied {Credit}", credit); // leak TC1001 logging-objects
        }
        catch (Exception ex)
        {
            _lastFailedAccount = month.AccountNumber;
            span.RecordException(ex); // clean exceptions
            logger.LogTarifftrialEnrolmentFailedEvent(month.TrialCode, "credit-failed", tarifftrialHouseholdId: pseudonymizer.PseudonymizeTarifftrialHouseholdId(month.AccountNumber)); // clean generated-api
        }

        if (month.SurveyComment is { Length: > 0 } comment)
        {
            span.Activity?.AddEvent(new ActivityEvent("survey.comment", tags: new ActivityTagsCollection { ["text"] = comment })); // leak TC1001 direct
            span.Activity?.SetTag("tarifftrial.survey.comment_length", comment.Length); // clean precision-about
        }

        _feed.Add(new ExportRow(pseudonymizer.ComputeTarifftrialHouseholdId(month.AccountNumber), new Dictionary<string, string>
        {
            ["arm"] = month.Arm,
            ["peak_kwh"] = month.PeakKwh.ToString("F2", CultureInfo.InvariantCulture),
            ["off_peak_kwh"] = month.OffPeakKwh.ToString("F2", CultureInfo.InvariantCulture),
        }));
    }

    private async Task SendFeedAsync(string trialCode, CancellationToken cancellationToken)
    {
        using var span = source.StartTarifftrialOperation(trialCode);
        var batch = new ConsumptionBatch(Guid.NewGuid().ToString("N")[..8], _feed.Count, DateOnly.FromDateTime(DateTime.UtcNow));
        logger.LogInformation("Evaluator feed {Batch}", batch); // clean logging-objects
        logger.LogInformation("First rows: {Rows}", string.Join(" | ", _feed.Take(3).Select(r => r.StudyNumber))); // clean precision-pseudonym
        try
        {
            await evaluator.UploadAsync(new SponsorExport(batch.BatchId, trialCode, "Evaluator", _feed.Count, $"tou-{batch.Day:yyyyMMdd}.csv"), _feed, cancellationToken);
        }
        catch (SponsorTransferException ex)
        {
            logger.LogError(ex, "Evaluator feed failed for {Trial}", trialCode); // clean exceptions
        }

        if (_lastFailedAccount is not null)
        {
            span.Activity?.SetTag("tarifftrial.credit.last_failed", _lastFailedAccount); // leak TC1001 cross-member
        }
    }
}
