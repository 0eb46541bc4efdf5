namespace PrivacyHoldout107.Education;

/// <summary>Sends the open-day campaign to the admissions segments and records the platform's refusals.</summary>
public sealed partial class OpenDayCampaignSender(
    IMarketingClient marketing,
    Pseudonymizer pseudonymizer,
    ILogger<OpenDayCampaignSender> logger)
{
    private static readonly ActivitySource Source = new("University.Admissions.Campaigns");
    private static readonly Meter Meter = new("University.Admissions.Campaigns");
    private static readonly AdmcrmSendDurationHistogram Duration = Meter.CreateAdmcrmSendDurationHistogram();
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("admcrm.recipients.refused");

    public async Task SendAsync(string campaignId, string segmentId, DateTimeOffset openDay, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var segment = await marketing.GetSegmentAsync(segmentId, cancellationToken);
        using var span = Source.StartAdmcrmSend(campaignId);
        span.SetAdmcrmSegment(segment.Name); // clean precision-names
        span.SetAdmcrmChannel("email"); // clean precision-names
        logger.LogInformation("Sending {Campaign} to segment {Segment}", campaignId, segment); // clean logging-objects

        var send = new CampaignSend(campaignId, segmentId, "email", openDay.AddDays(-7));
        var result = await marketing.TriggerCampaignAsync(send, cancellationToken: cancellationToken);
        logger.LogInformation("Dispatched {Send}: {Result}", send, result); // clean logging-objects
        span.SetAdmcrmBatchSize(result.Accepted); // clean precision-about

        foreach (var error in result.Errors)
        {
            logger.LogWarning("Recipient refused: {Error}", error); // leak TC1001 logging-objects
            Refused.Add(1, new KeyValuePair<string, object?>("code", error.Code)); // clean precision-names
            LogRefusal(logger, error.Recipient, error.Code); // clean logging-objects
            LogRefusalPlain(logger, error.Recipient, error.Code); // leak TC1001 logging-objects
        }

        if (result.Errors.Count > 0)
        {
            span.SetAdmcrmNote("refused: " + string.Join(";", result.Errors.Select(e => e.Recipient))); // leak TC1001 generated-api
            logger.LogAdmcrmSyncFailedEvent("partial", segment.Name, admcrmNote: $"{result.Rejected} refused, codes {string.Join(",", result.Errors.Select(e => e.Code).Distinct())}"); // clean generated-api
        }

        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, campaignId, "email"); // clean precision-names
    }

    public async Task SendToApplicantsAsync(string campaignId, IReadOnlyList<string> studentNumbers, CancellationToken cancellationToken)
    {
        using var span = Source.StartAdmcrmSend(campaignId);
        span.Activity?.SetTag("recipients", studentNumbers.Count); // clean precision-about
        span.Activity?.SetTag("recipients.first", studentNumbers.FirstOrDefault()); // leak TC1001 direct
        try
        {
            await marketing.TriggerCampaignAsync(new CampaignSend(campaignId, "adhoc", "email", DateTimeOffset.UtcNow), studentNumbers, cancellationToken);
        }
        catch (MarketingApiException ex) when (ex.Code == "invalid_external_id")
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogAdmcrmSyncFailedEvent(ex.Code, admcrmApplicantId: pseudonymizer.PseudonymizeAdmcrmApplicantId(studentNumbers[0])); // clean precision-pseudonym
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Recipient {Recipient} refused with {Code}")]
    private static partial void LogRefusal(ILogger logger, [PrivateData] string recipient, string code);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Recipient {Recipient} refused with {Code}")]
    private static partial void LogRefusalPlain(ILogger logger, string recipient, string code);
}
