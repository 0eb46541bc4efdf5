namespace PrivacyHoldout95.Healthcare;

/// <summary>Lets the integration team (staff signed in with their NHS mail) into the job dashboard, and audits who opened what.</summary>
public sealed class IntegrationDashboardAuthorization(ILogger<IntegrationDashboardAuthorization> logger, Pseudonymizer pseudonymizer) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        if (!context.User.IsAuthenticated)
        {
            logger.LogWarning("Anonymous request for {Path} refused", context.RequestPath);
            return false;
        }
        var activity = Activity.Current;
        activity?.SetTag("wardjobs.dashboard.path", context.RequestPath); // clean precision-names
        activity?.SetTag("wardjobs.dashboard.read_only", context.IsReadOnly);
        activity?.EnrichWardjobsJobRun("dashboard").SetWardjobsOperatorId(pseudonymizer.PseudonymizeWardjobsOperatorId(context.User.SubjectId!)); // clean precision-pseudonym
        activity?.SetTag("client.address", context.RemoteIpAddress); // leak TC1001 direct
        logger.LogInformation("Dashboard {Path} opened by {User}", context.RequestPath, context.User.Email); // leak TC1001 direct
        return context.User.Email?.EndsWith("@nhs.net", StringComparison.OrdinalIgnoreCase) == true;
    }
}

/// <summary>The integration team's own admin endpoints beside the dashboard: a job's details, requeue, and the server's figures.</summary>
public static class IntegrationJobEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Integration.Admin");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/ops/jobs/{jobId}", (string jobId, IMonitoringApi monitoring, ILogger<JobDetailsRequest> logger) =>
        {
            var details = monitoring.JobDetails(jobId);
            if (details is null)
            {
                return null;
            }
            logger.LogInformation("Details of {JobId}: {Job}, {States} states, expires {ExpireAt}", jobId, details.Job, details.History.Count, details.ExpireAt); // clean logging-objects
            Activity.Current?.SetTag("wardjobs.job.arguments", details.Arguments); // leak TC1001 strings
            logger.LogDebug("Properties of {JobId}: {Properties}", jobId, details.Properties); // clean logging-objects
            logger.LogDebug("History of {JobId}: {@History}", jobId, details.History); // leak TC1001 logging-objects
            var lastState = details.History.FirstOrDefault();
            Activity.Current?.SetTag("wardjobs.job.state", lastState?.StateName); // clean precision-names
            Activity.Current?.SetTag("wardjobs.job.state_reason", lastState?.Reason); // leak TC1001 exceptions
            return details;
        });

        routes.MapPost("/ops/jobs/{jobId}/requeue", (string jobId, ClaimsUser user, IBackgroundJobClient jobs, Pseudonymizer pseudonymizer, ILogger<JobDetailsRequest> logger) =>
        {
            using var span = Source.StartWardjobsJobRun("requeue")
                .SetWardjobsJobId(jobId)
                .SetWardjobsOperatorId(pseudonymizer.PseudonymizeWardjobsOperatorId(user.SubjectId!));
            var requeued = jobs.Requeue(jobId);
            logger.LogInformation("Job {JobId} requeued by {StaffId}: {Requeued}", jobId, user.SubjectId, requeued); // leak TC1001 direct
            return requeued;
        });

        routes.MapGet("/ops/jobs/stats", (IMonitoringApi monitoring, ILogger<JobDetailsRequest> logger) =>
        {
            var stats = monitoring.GetStatistics();
            logger.LogInformation("Job server statistics {Stats}", stats); // clean logging-objects
            return stats;
        });
    }
}

public sealed class JobDetailsRequest;

/// <summary>Every ten minutes, posts the new failures to the integration channel and logs them for the on-call engineer.</summary>
public sealed class FailedJobsWatcher(IMonitoringApi monitoring, IOpsChannel channel, Meter meter, ILogger<FailedJobsWatcher> logger)
{
    private readonly HashSet<string> _seen = new();
    private readonly Counter<long> _failures = meter.CreateCounter<long>("wardjobs.failures.seen", "{job}");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var (jobId, failed) in monitoring.FailedJobs(0, 50))
        {
            if (!_seen.Add(jobId))
            {
                continue;
            }
            logger.LogError("Job {JobId} ({Job}) failed at {FailedAt} with {ExceptionType}", jobId, failed.Job, failed.FailedAt, failed.ExceptionType); // clean exceptions
            logger.LogError("Job {JobId} failed: {Message}", jobId, failed.ExceptionMessage); // leak TC1001 exceptions
            _failures.Add(1, new KeyValuePair<string, object?>("error.type", failed.ExceptionType)); // clean exceptions
            Activity.Current?.AddEvent(new ActivityEvent("wardjobs.job.failed", tags: new ActivityTagsCollection { ["wardjobs.job.id"] = jobId, ["wardjobs.reason"] = failed.Reason })); // clean precision-names
            Activity.Current?.SetTag("wardjobs.failed.summary", $"{failed.Job} failed at {failed.FailedAt:O} ({failed.ExceptionType})"); // clean strings
            await channel.PostAsync($"Job {jobId} failed: {failed.ExceptionMessage}", cancellationToken);
        }
        foreach (var queue in monitoring.Queues())
        {
            logger.LogInformation("Queue {Queue}: {Length} waiting, {Fetched} fetched", queue.Name, queue.Length, queue.Fetched); // clean precision-about
        }
    }
}
