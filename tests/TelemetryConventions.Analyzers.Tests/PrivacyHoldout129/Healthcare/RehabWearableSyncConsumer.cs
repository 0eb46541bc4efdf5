namespace PrivacyHoldout129.Healthcare;

/// <summary>A cardiac rehab patient's link between their hospital number and the wearable maker's user id.</summary>
public sealed record RehabEnrolment(string HospitalNumber, string WearableUserId, string UserAccessToken, string Programme, int Week);

public interface IRehabEnrolments
{
    Task<RehabEnrolment?> ByWearableUserAsync(string wearableUserId, CancellationToken cancellationToken);

    Task SaveDailyAsync(string hospitalNumber, DailySummary summary, CancellationToken cancellationToken);
}

/// <summary>Takes the wearable maker's "dailies ready" pings, pulls the summaries and files them against the patient's rehab record.</summary>
public sealed class RehabWearableSyncConsumer(
    IQueueReceiver<SummaryPing> pings,
    IWellnessClient wellness,
    IRehabEnrolments enrolments,
    Pseudonymizer pseudonymizer,
    ILogger<RehabWearableSyncConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Rehab.WearableSync");
    private static readonly Meter Meter = new("Rehab.WearableSync");
    private static readonly Histogram<int> RestingHeartRate = Meter.CreateHistogram<int>("rehab.resting_heart_rate", "{beat}/min");
    private static readonly Counter<long> Unlinked = Meter.CreateCounter<long>("rehab.pings.unlinked");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ping = await pings.ReceiveAsync(stoppingToken);
            if (ping is null)
            {
                continue;
            }

            await HandleAsync(ping, stoppingToken);
        }
    }

    private async Task HandleAsync(SummaryPing ping, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartCardiorehabSync(cardiorehabSource: "garmin");
        logger.LogDebug("Ping received {Ping}", ping); // leak TC1001 logging-objects
        span.Activity?.SetTag("rehab.ping.type", ping.SummaryType); // clean precision-names

        var enrolment = await enrolments.ByWearableUserAsync(ping.UserId, cancellationToken);
        if (enrolment is null)
        {
            logger.LogWarning("No rehab enrolment for wearable user {WearableUserId}", ping.UserId); // leak TC1001 cross-member
            Unlinked.Add(1, new KeyValuePair<string, object?>("summary.type", ping.SummaryType)); // clean precision-names
            return;
        }

        var patient = pseudonymizer.PseudonymizeCardiorehabPatientId(enrolment.HospitalNumber);
        span.SetCardiorehabPatientId(patient).SetCardiorehabChallenge(enrolment.Programme); // clean precision-pseudonym

        IReadOnlyList<DailySummary> dailies;
        try
        {
            dailies = await wellness.PullDailiesAsync(ping.CallbackUrl, cancellationToken);
        }
        catch (UserDeregisteredException ex)
        {
            logger.LogWarning(ex, "Patient left the wearable programme"); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogCardiorehabSyncFailedEvent(cardiorehabSource: "garmin", cardiorehabOutcome: "deregistered", cardiorehabPatientId: patient); // clean generated-api
            return;
        }

        foreach (var daily in dailies)
        {
            await enrolments.SaveDailyAsync(enrolment.HospitalNumber, daily, cancellationToken);
            RestingHeartRate.Record(daily.RestingHeartRate, new KeyValuePair<string, object?>("programme.week", enrolment.Week)); // clean precision-about
            span.Activity?.AddEvent(new ActivityEvent("daily.filed", tags: new ActivityTagsCollection { ["daily.date"] = daily.CalendarDate.ToString("O"), ["daily.steps"] = daily.Steps })); // clean precision-about
            if (daily.RestingHeartRate > 100)
            {
                logger.LogWarning("Resting heart rate {Bpm} on {Day} for patient {HospitalNumber}", daily.RestingHeartRate, daily.CalendarDate, enrolment.HospitalNumber); // leak TC1001 cross-member
            }
        }

        span.SetCardiorehabSampleCount(dailies.Count).SetCardiorehabOutcome("synced"); // clean precision-about
        logger.LogInformation("Filed {Count} dailies, summary ids {SummaryIds}", dailies.Count, string.Join(",", dailies.Select(d => d.SummaryId))); // clean precision-names
        Meter.CreateCardiorehabSyncDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, cardiorehabSource: "garmin"); // clean generated-api
    }
}
