namespace PrivacyHoldout88.Healthcare;

/// <summary>A critical laboratory result the LIS bridge must phone through to the clinician on call.</summary>
public sealed record CriticalResult(string HospitalNumber, string PatientName, string Ward, string TestCode, double Value, string Units, string OrderedByStaffId);

/// <summary>Pages the on-call clinician for critical results and escalates when nobody acknowledges.</summary>
public sealed partial class CriticalResultPager(
    IEventsApiClient events,
    IOnCallDirectory rota,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AlertingOptions options,
    ILogger<CriticalResultPager> logger)
{
    private readonly Counter<long> _escalations = meter.CreateCounter<long>("clinicpage.escalations", "{escalation}");

    public async Task PageAsync(CriticalResult result, CancellationToken cancellationToken)
    {
        // One incident per patient and test, so a repeat result updates the open page instead of paging again.
        var dedupKey = $"lab-critical:{result.HospitalNumber}:{result.TestCode}";
        using var span = source.StartClinicpagePage("lab-critical", "critical");
        span.SetClinicpageCheck(result.TestCode); // clean precision-about
        span.SetClinicpageDedupKey(dedupKey); // leak TC1001 generated-api
        span.SetClinicpagePatientId(pseudonymizer.PseudonymizeClinicpagePatientId(result.HospitalNumber)); // clean precision-pseudonym

        var shift = await rota.WhoIsOnCallAsync(options.OnCallScheduleId, 1, cancellationToken);
        if (shift is null)
        {
            logger.LogError("Nobody on call on schedule {ScheduleId} for ward {Ward}", options.OnCallScheduleId, result.Ward); // clean precision-names
            throw new NoResponderException(options.OnCallScheduleId, 1);
        }

        logger.LogInformation("Paging {Responder} for critical {Test} on {Ward}", shift.Responder.Name, result.TestCode, result.Ward); // leak TC1001 direct
        span.SetClinicpageClinicianId(pseudonymizer.PseudonymizeClinicpageClinicianId(shift.Responder.StaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("oncall.phone", PhoneMask.Mask(shift.Responder.Phone)); // clean precision-about

        var payload = new AlertPayload(
            $"Critical {result.TestCode} {result.Value} {result.Units} for {result.HospitalNumber} on {result.Ward}",
            "lis-bridge",
            AlertSeverity.Critical,
            Component: "lab-critical",
            Group: result.Ward)
        {
            CustomDetails =
            {
                ["hospital_number"] = result.HospitalNumber,
                ["patient"] = result.PatientName,
                ["ordered_by"] = result.OrderedByStaffId,
                ["value"] = result.Value,
            },
        };
        var alert = new AlertEvent(options.RoutingKey, EventAction.Trigger, dedupKey, payload)
        {
            Links = { new AlertLink(Runbooks.For("lab-critical", result.TestCode), "Runbook") },
        };

        logger.LogDebug("Enqueueing {Alert}", alert); // leak TC1001 logging-objects
        Activity.Current?.SetTag("alert.summary", payload.Summary); // leak TC1001 strings
        Activity.Current?.SetTag("alert.runbook", alert.Links[0].Href); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("alert.custom_details", tags: new ActivityTagsCollection(payload.CustomDetails))); // leak TC1001 logging-objects
        logger.LogDebug("Custom detail keys {Keys}", string.Join(",", payload.CustomDetails.Keys)); // clean precision-names

        try
        {
            var enqueued = await events.EnqueueAsync(alert, cancellationToken);
            span.SetClinicpageOutcome(enqueued.Status); // clean precision-about
            logger.LogInformation("Events API said {Status} for {DedupKey}", enqueued.Status, enqueued.DedupKey); // leak TC1001 cross-member
        }
        catch (EventsApiException ex)
        {
            span.RecordException(ex, "events api refused the trigger", includeMessage: true); // clean exceptions
            logger.LogClinicpagePageFailedEvent("lab-critical", "rejected", clinicpageNote: ex.Message); // clean exceptions
        }

        _escalations.Add(0, new KeyValuePair<string, object?>("ward", result.Ward), new KeyValuePair<string, object?>("test", result.TestCode)); // clean precision-about
    }

    public async Task EscalateAsync(CriticalResult result, int minutesUnacknowledged, CancellationToken cancellationToken)
    {
        LogUnacknowledged(logger, result.HospitalNumber, minutesUnacknowledged); // leak TC1001 direct
        var policy = await rota.GetPolicyAsync(options.EscalationPolicyId, cancellationToken);
        var next = policy.FirstOrDefault(rule => rule.Delay.TotalMinutes > minutesUnacknowledged);
        if (next is null)
        {
            return;
        }

        var shift = await rota.WhoIsOnCallAsync(next.ScheduleIds[0], next.Level, cancellationToken);
        LogEscalated(logger, result.HospitalNumber, next.Level); // clean direct
        logger.LogWarning("Escalating to level {Level} on {Schedule}: {Responder}", next.Level, next.ScheduleIds[0], shift?.Responder); // leak TC1001 logging-objects
        _escalations.Add(1, new KeyValuePair<string, object?>("level", next.Level), new KeyValuePair<string, object?>("schedule", next.ScheduleIds[0])); // clean precision-names
        _escalations.Add(1, new KeyValuePair<string, object?>("ordered_by", result.OrderedByStaffId)); // leak TC1003 direct
        meter.CreateClinicpageAckLatencyHistogram().Record(minutesUnacknowledged * 60.0, "lab-critical", clinicpageSeverity: "critical"); // clean precision-about
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Critical result for {HospitalNumber} not acknowledged after {Minutes} minutes")]
    private static partial void LogUnacknowledged(ILogger logger, string hospitalNumber, int minutes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated critical result for {HospitalNumber} to level {Level}")]
    private static partial void LogEscalated(ILogger logger, [PrivateData] string hospitalNumber, int level);
}
