namespace PrivacyHoldout198.Transport;

/// <summary>Mobile dental units on rural bus routes: the worker plans each van's stops and texts patients due a recall.</summary>
public sealed partial class MobileUnitRecallWorker(
    IQueueReceiver<MobileUnitVisit> visits,
    IQueueReceiver<RuralPatientRecall> recalls,
    SmsGateway sms,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<MobileUnitRecallWorker> logger,
    PracticeOptions options,
    TelemetrySecrets secrets) : BackgroundService
{
    private readonly Counter<long> _textsSent = meter.CreateCounter<long>("mobile_unit.recall_texts");
    private readonly UpDownCounter<int> _chairsOut = meter.CreateUpDownCounter<int>("mobile_unit.chairs_out");
    private RuralPatientRecall? _lastRecall;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var visit = await visits.ReceiveAsync(stoppingToken);
            if (visit is not null)
            {
                PlanVisit(visit);
            }

            var recall = await recalls.ReceiveAsync(stoppingToken);
            if (recall is not null)
            {
                await TextRecallAsync(recall);
            }
        }
    }

    private void PlanVisit(MobileUnitVisit visit)
    {
        using var span = source.StartDentalvanOperation(visit.Route);
        span.SetDentalvanProcedure("outreach-exam"); // clean generated-api
        span.SetDentalvanMinutes(visit.Chairs * 60); // clean generated-api
        span.SetDentalvanNote($"van {visit.VanRegistration} at {visit.Stop}, {visit.Chairs} chairs"); // clean generated-api
        Activity.Current?.SetTag("mobile_unit.van", visit.VanRegistration); // clean precision-names
        Activity.Current?.SetTag("mobile_unit.stop", visit.Stop); // clean precision-names
        _chairsOut.Add(visit.Chairs, new KeyValuePair<string, object?>("mobile_unit.route", visit.Route)); // clean precision-names
        logger.LogInformation("Visit {@Visit}", visit); // clean logging-objects
        meter.CreateDentalvanOperationsCounter().Add(1, visit.Route, "planned"); // clean generated-api
    }

    private async Task TextRecallAsync(RuralPatientRecall recall)
    {
        _lastRecall = recall;
        using var activity = source.StartActivity("mobile_unit.recall.text", ActivityKind.Producer);
        activity?.SetTag("mobile_unit.recall.village", recall.Village); // clean precision-about
        activity?.SetTag("mobile_unit.recall.due_month", recall.Due.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
        activity?.SetTag("mobile_unit.recall.interval_months", options.DefaultRecallMonths); // clean precision-names
        activity?.SetTag("mobile_unit.patient.number", recall.PatientNumber); // leak TC1001 direct
        activity?.SetTag("mobile_unit.patient.ref", pseudonymizer.PseudonymizeDentalvanPatientId(recall.PatientNumber).Value); // clean precision-pseudonym
        activity?.SetTag("mobile_unit.patient.mobile_prefix", recall.Mobile[..5]); // clean precision-about
        activity?.SetTag("mobile_unit.patient.mobile", recall.Mobile); // leak TC1001 direct
        var body = string.Format(CultureInfo.InvariantCulture, "Dear {0}, the dental van is at {1} on {2:d MMM}. Reply YES to book.", recall.Name, recall.Village, recall.Due);
        try
        {
            var messageId = await sms.SendAsync(recall.Mobile, body);
            activity?.SetTag("mobile_unit.sms.message_id", messageId); // clean precision-names
            activity?.SetTag("mobile_unit.sms.length", body.Length); // clean precision-about
            activity?.SetTag("mobile_unit.sms.body", body); // leak TC1001 strings
            activity?.SetTag("mobile_unit.sms.sender_name", options.SmsSenderName); // clean precision-names
            _textsSent.Add(1, new KeyValuePair<string, object?>("mobile_unit.village", recall.Village)); // clean precision-about
            _textsSent.Add(1, new KeyValuePair<string, object?>("mobile_unit.mobile", recall.Mobile)); // leak TC1003 direct
            VanLog.RecallTexted(logger, recall.PatientNumber, recall.Mobile, messageId); // clean logging-objects
            VanLog.RecallTextedPlain(logger, recall.Name, messageId); // leak TC1001 logging-objects
            logger.LogInformation("Recall {Recall}", recall); // leak TC1001 logging-objects
            logger.LogInformation("Recall {@Recall}", recall with { Mobile = "", Name = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Recall {@Recall}", new { recall.Village, recall.Due, Interval = options.DefaultRecallMonths }); // clean logging-objects
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "sms provider failed"); // clean exceptions
            activity?.AddException(new PatientNotFoundException(recall.PatientNumber)); // leak TC1001 exceptions
            logger.LogDentalvanOperationFailedEvent("sms", "failed", dentalvanPatientId: pseudonymizer.PseudonymizeDentalvanPatientId(recall.PatientNumber), dentalvanNote: ex.GetType().Name); // clean generated-api
            logger.LogDentalvanOperationFailedEvent("sms", "failed", dentalvanPatientId: Pseudonym.FromComputed(recall.PatientNumber)); // leak TC1001 generated-api
        }
    }

    public void ReportLastRecall()
    {
        Activity.Current?.SetTag("mobile_unit.last_recall.patient", _lastRecall?.PatientNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("mobile_unit.last_recall.village", _lastRecall?.Village); // clean cross-member
        var patientHash = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(_lastRecall?.Mobile ?? string.Empty)));
        Activity.Current?.SetTag("mobile_unit.last_recall.mobile_hash", patientHash); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(_lastRecall?.PatientNumber ?? string.Empty)))[..10];
        Baggage.SetBaggage("mobile_unit.patient_key", keyed); // clean hashes
        meter.CreateDentalvanOperationDurationHistogram().Record(2.5, _lastRecall?.Village ?? "none"); // clean generated-api
        meter.CreateDentalvanOperationsCounter().Add(1, _lastRecall?.Name ?? "none", "texted"); // leak TC1003 generated-api
    }

    public void ReportNoShows(IReadOnlyList<RuralPatientRecall> noShows, string route)
    {
        using var activity = source.StartActivity("mobile_unit.no_shows");
        activity?.SetTag("mobile_unit.route", route); // clean precision-names
        activity?.SetTag("mobile_unit.no_show.count", noShows.Count); // clean precision-about
        activity?.SetTag("mobile_unit.no_show.patients", string.Join(",", noShows.Select(n => n.PatientNumber))); // leak TC1001 strings
        logger.LogInformation("No-shows on {Route}: {@NoShows}", route, noShows); // leak TC1001 logging-objects
        logger.LogInformation("No-shows on {Route} by village {Villages}", route, noShows.GroupBy(n => n.Village).Select(g => $"{g.Key}={g.Count()}")); // clean logging-objects
        foreach (var noShow in noShows)
        {
            activity?.AddEvent(new ActivityEvent("mobile_unit.no_show", tags: new ActivityTagsCollection { ["patient.name"] = noShow.Name })); // leak TC1001 direct
        }
    }
}

internal static partial class VanLog
{
    [LoggerMessage(EventId = 19841, Level = LogLevel.Information, Message = "Recall for {PatientNumber} texted to {Mobile} as {MessageId}")]
    public static partial void RecallTexted(ILogger logger, [PrivateData] string patientNumber, [PrivateData] string mobile, string messageId);

    [LoggerMessage(EventId = 19842, Level = LogLevel.Information, Message = "Recall for {Name} texted as {MessageId}")]
    public static partial void RecallTextedPlain(ILogger logger, string name, string messageId);
}
