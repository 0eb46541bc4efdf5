namespace PrivacyHoldout95.Transport;

/// <summary>A duty on next week's roster.</summary>
public sealed record RosterDuty(string DutyId, string Depot, string DriverStaffNumber, string DriverName, DateOnly Day, string Block);

public interface IRosterPlanner
{
    Task<IReadOnlyList<RosterDuty>> NextWeekAsync(string depot, CancellationToken cancellationToken = default);
}

/// <summary>Pushes duties to the drivers' app (not telemetry).</summary>
public interface IDriverAppPublisher
{
    Task PublishAsync(string depot, IReadOnlyList<RosterDuty> duties, CancellationToken cancellationToken = default);
}

/// <summary>The planner found a driver rostered over the legal hours; quotes the staff number and the hours.</summary>
public sealed class DriversHoursBreachException(string staffNumber, double hours) : Exception($"Driver {staffNumber} rostered for {hours:0.0} h, over the weekly limit");

/// <summary>The drivers' app rejected the publication; its status code and fixed text.</summary>
public sealed class DriverAppUnavailableException(int status) : Exception($"Driver app returned {status}");

/// <summary>
/// Publishes next week's roster of every depot on Thursdays at 14:00, or of one depot when a planner presses "publish
/// now" on the ops dashboard. Each run is recorded in the job-runs table with who triggered it.
/// </summary>
public sealed partial class DriverRosterPublisher(
    IRosterPlanner planner,
    IDriverAppPublisher app,
    IJobRunStore runs,
    IDistributedLockProvider locks,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<DriverRosterPublisher> logger)
{
    private static readonly ActivitySource Source = new("Transit.Operations.Jobs");
    private readonly FleetjobsJobDurationHistogram _duration = meter.CreateFleetjobsJobDurationHistogram();

    public async Task PublishAsync(string depot, string? triggeredBy, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rosterLock = locks.CreateLock($"roster-publish:{depot}");
        await using var handle = await rosterLock.TryAcquireAsync(TimeSpan.FromSeconds(5), cancellationToken);
        if (handle is null)
        {
            logger.LogInformation("{Lock} busy; publication of {Depot} skipped", rosterLock.Name, depot); // clean precision-names
            return;
        }
        var run = await runs.StartAsync("roster-publish", triggeredBy is null ? "schedule" : "manual", JsonSerializer.Serialize(new { depot }), triggeredBy, cancellationToken);
        using var span = Source.StartFleetjobsJobRun("roster-publish").SetFleetjobsDepot(depot).SetFleetjobsJobId(run.RunId.ToString());
        logger.LogInformation("Roster run {Run}", run); // leak TC1001 logging-objects
        if (triggeredBy is not null)
        {
            span.SetFleetjobsOperatorId(pseudonymizer.PseudonymizeFleetjobsOperatorId(triggeredBy)); // clean precision-pseudonym
            span.Activity?.SetTag("fleetjobs.trigger", run.Trigger); // clean precision-names
        }

        IReadOnlyList<RosterDuty> duties;
        try
        {
            duties = await planner.NextWeekAsync(depot, cancellationToken);
        }
        catch (DriversHoursBreachException ex)
        {
            span.SetFleetjobsOutcome("hours_breach").RecordException(ex); // clean exceptions
            logger.LogError(ex, "Roster of {Depot} breaches drivers' hours", depot); // leak TC1001 exceptions
            await runs.CompleteAsync(run.RunId, "failed", ex.Message, cancellationToken);
            return;
        }

        span.SetFleetjobsBatchSize(duties.Count); // clean precision-about
        var drivers = duties.Select(d => d.DriverStaffNumber).Distinct().ToList();
        span.Activity?.SetTag("fleetjobs.roster.drivers", drivers.Count); // clean precision-about
        logger.LogDebug("Drivers on the roster: {Drivers}", string.Join(", ", duties.Select(d => d.DriverName).Distinct())); // leak TC1001 strings
        DutiesPublished(logger, depot, duties.Count, drivers); // leak TC1001 logging-objects
        foreach (var driver in drivers.Take(1))
        {
            span.SetFleetjobsDriverId(pseudonymizer.PseudonymizeFleetjobsDriverId(driver)); // clean precision-pseudonym
        }
        logger.LogDebug("Blocks covered: {Blocks}", duties.Select(d => d.Block).Distinct().ToArray());

        try
        {
            await app.PublishAsync(depot, duties, cancellationToken);
            span.SetFleetjobsOutcome("published");
            await runs.CompleteAsync(run.RunId, "succeeded", cancellationToken: cancellationToken);
        }
        catch (DriverAppUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true).SetFleetjobsOutcome("app_unavailable"); // clean exceptions
            await runs.CompleteAsync(run.RunId, "failed", ex.Message, cancellationToken);
        }
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "roster-publish");
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Published {Count} duties for {Depot} to drivers {StaffNumbers}")]
    private static partial void DutiesPublished(ILogger logger, string depot, int count, IReadOnlyList<string> staffNumbers);
}

/// <summary>The ops dashboard's roster panel: recent runs and the "publish now" button.</summary>
public static class RosterDashboardEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/ops/roster/runs", async (IJobRunStore runs, ILogger<RosterRunsPage> logger, CancellationToken cancellationToken) =>
        {
            var recent = await runs.RecentAsync("roster-publish", 20, cancellationToken);
            logger.LogDebug("Roster runs: {Statuses}", recent.Select(r => $"{r.RunId}:{r.Status}").ToArray()); // clean strings
            logger.LogDebug("Roster runs triggered by {Planners}", recent.Select(r => r.TriggeredBy).Where(t => t is not null).Distinct().ToArray()); // leak TC1001 logging-objects
            logger.LogDebug("Roster run errors {Errors}", recent.Select(r => r.Error).ToArray()); // leak TC1001 logging-objects
            return recent;
        });

        routes.MapPost("/ops/roster/{depot}/publish", (string depot, ClaimsUser user, IBackgroundJobClient jobs, ILogger<RosterRunsPage> logger) =>
        {
            var jobId = jobs.Enqueue<DriverRosterPublisher>(publisher => publisher.PublishAsync(depot, user.Email, CancellationToken.None)); // leak TC1001 cross-member
            logger.LogInformation("Roster publication of {Depot} queued as {JobId}", depot, jobId); // clean precision-names
            return jobId;
        });
    }
}

public sealed class RosterRunsPage;
