namespace PrivacyHoldout105.Healthcare;

/// <summary>
/// Nightly job over the portal's events: the appointment booking funnel (search, pick a slot, confirm), the
/// retention of patients by registration week, and the list of patients who stalled at the slot step, which the
/// outpatients team phones. Its warehouse queries are not telemetry; what it logs and tags is.
/// </summary>
public sealed class AppointmentFunnelJob(
    IFunnelQuery query,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    AnalyticsOptions options,
    ILogger<AppointmentFunnelJob> logger) : BackgroundService
{
    private static readonly FunnelDefinition Booking = new("appt-booking", "Appointment booking",
        [new FunnelStep("search", "appt_search"), new FunnelStep("slot", "appt_slot_selected"), new FunnelStep("confirm", "appt_confirmed")], TimeSpan.FromDays(2));

    private readonly Histogram<int> _cohortSize = meter.CreateHistogram<int>("portal.cohort.size", "{patient}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var to = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = to.AddDays(-(int)options.FunnelWindow.TotalDays);
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartPtclickSync("warehouse").SetPtclickCohort($"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}"); // clean generated-api
        FunnelReport report;
        try
        {
            report = await query.RunAsync(Booking, from, to, stoppingToken);
        }
        catch (FunnelQueryTimeoutException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogError(ex, "Funnel {FunnelId} timed out", ex.FunnelId); // clean exceptions
            meter.CreatePtclickSyncDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "warehouse", ptclickOutcome: "timeout"); // clean generated-api
            return;
        }

        foreach (var step in report.Steps)
        {
            logger.LogInformation("Funnel {FunnelId} step {Step}: {Entered} entered, {Completed} completed ({Conversion:P1})", report.FunnelId, step.Step, step.Entered, step.Completed, step.Conversion); // clean precision-about
        }
        logger.LogInformation("Funnel report {Report}", report); // clean logging-objects

        if (report.DroppedOff.TryGetValue("slot", out var stalled) && stalled.Count > 0)
        {
            span.SetPtclickFunnelStep("slot").SetPtclickBatchSize(stalled.Count);
            Activity.Current?.AddEvent(new ActivityEvent("funnel.dropoff", tags: new ActivityTagsCollection { ["step"] = "slot", ["patients"] = stalled.Count })); // clean precision-about
            logger.LogInformation("Patients to call back after the slot step: {HospitalNumbers}", string.Join(",", stalled)); // leak TC1001 strings
            span.SetPtclickNote($"first stalled: {stalled[0]}"); // leak TC1001 generated-api
            var batchKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", stalled))))[..16];
            Activity.Current?.SetTag("portal.callback.batch", batchKey); // leak TC1002 hashes
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(stalled[0]))[0] % 8;
            Activity.Current?.SetTag("portal.callback.lane", lane); // clean hashes
        }

        var rows = await query.RetentionAsync("registration_week", from.AddDays(-84), 12, stoppingToken);
        logger.LogInformation("Retention table {Rows}", rows); // clean logging-objects
        foreach (var row in rows)
        {
            _cohortSize.Record(row.Size, new KeyValuePair<string, object?>("portal.cohort", row.Cohort)); // clean precision-about
            if (row.Size < options.MinimumCohortSize)
            {
                var members = await query.MembersAsync(row.Cohort, stoppingToken);
                logger.LogDebug("Cohort {Cohort} below the threshold, members {Members}", row.Cohort, members); // leak TC1001 logging-objects
                logger.LogDebug("Cohort {Cohort} suppressed: {Size} below {Threshold}", row.Cohort, row.Size, options.MinimumCohortSize); // clean precision-about
            }
        }

        meter.CreatePtclickSyncDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "warehouse", ptclickOutcome: "ok"); // clean generated-api
    }
}
