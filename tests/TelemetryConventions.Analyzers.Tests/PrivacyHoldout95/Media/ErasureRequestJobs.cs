namespace PrivacyHoldout95.Media;

/// <summary>A right-to-erasure request, queued by the privacy portal.</summary>
public sealed record ErasureRequest(Guid RequestId, Guid SubscriberId, string Email, IReadOnlyList<string> ProfileNames, DateTimeOffset ReceivedAt);

public interface IErasureTarget
{
    string System { get; }

    Task EraseAsync(Guid subscriberId, CancellationToken cancellationToken = default);
}

/// <summary>A target system timed out; names the system and the timeout.</summary>
public sealed class ErasureTimeoutException(string system, TimeSpan timeout) : Exception($"{system} did not confirm erasure within {timeout}");

/// <summary>
/// Works through the erasure queue: one run per request in the job-runs table (payload and all), each target system in
/// turn, retried on time-outs. The privacy team's dashboard lists the runs and can start one by hand.
/// </summary>
public sealed partial class ErasureRequestWorker(
    IBackgroundTaskQueue queue,
    IEnumerable<IErasureTarget> targets,
    IJobRunStore runs,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IOptions<JobOptions> options,
    ILogger<ErasureRequestWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Streaming.Privacy.Jobs");
    private ErasureRequest? _current;

    /// <summary>Read by the worker's health check, which logs what a stuck worker is doing.</summary>
    public void ReportProgress()
    {
        logger.LogDebug("Erasure worker busy with subscriber {Subscriber} since {Since}", _current?.SubscriberId, _current?.ReceivedAt); // leak TC1001 cross-member
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var item = await queue.DequeueAsync(stoppingToken);
            var request = JsonSerializer.Deserialize<ErasureRequest>(item.Payload)!;
            _current = request;
            OpenTelemetry.Baggage.SetBaggage("subsjobs.subscriber", request.SubscriberId.ToString()); // leak TC1001 direct
            var run = await runs.StartAsync("erasure", "queue", item.Payload, cancellationToken: stoppingToken);
            logger.LogInformation("Started {Run}", run); // leak TC1001 logging-objects
            using var span = Source.StartSubsjobsJobRun("erasure")
                .SetSubsjobsJobId(run.RunId.ToString())
                .SetSubsjobsSubscriberId(pseudonymizer.PseudonymizeSubsjobsSubscriberId(request.SubscriberId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("subsjobs.erasure.profiles", request.ProfileNames.Count); // clean precision-about
            span.Activity?.SetTag(SubsjobsAttributes.SubscriberContact, request.Email); // leak TC1001 generated-api
            span.Activity?.SetTag("subsjobs.erasure.profile_names", string.Join(",", request.ProfileNames)); // leak TC1001 strings
            span.Activity?.SetTag("subsjobs.erasure.age_days", (DateTimeOffset.UtcNow - request.ReceivedAt).TotalDays); // clean precision-about
            span.Activity?.SetTag("subsjobs.erasure.email_md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.Email)))); // leak TC1002 hashes
            span.Activity?.SetTag("subsjobs.erasure.shard", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, request.SubscriberId.ToByteArray()))[..2]); // clean hashes

            var failed = new List<string>();
            foreach (var target in targets)
            {
                try
                {
                    await target.EraseAsync(request.SubscriberId, stoppingToken);
                    TargetErased(logger, target.System, request.SubscriberId); // clean logging-objects
                }
                catch (ErasureTimeoutException ex)
                {
                    failed.Add(target.System);
                    span.RecordException(ex, includeMessage: true); // clean exceptions
                    TargetFailed(logger, target.System, request.Email); // leak TC1001 logging-objects
                }
            }

            if (failed.Count > 0 && item.Attempt < options.Value.MaxAttempts)
            {
                await queue.QueueAsync(item with { Attempt = item.Attempt + 1 }, stoppingToken);
                span.SetSubsjobsOutcome("retrying").SetSubsjobsNote($"retrying {string.Join(",", failed)}"); // clean generated-api
            }
            await runs.CompleteAsync(run.RunId, failed.Count == 0 ? "succeeded" : "partial", failed.Count == 0 ? null : string.Join(",", failed), stoppingToken);
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Erased subscriber {SubscriberId} from {System}")]
    private static partial void TargetErased(ILogger logger, string system, [PrivateData] Guid subscriberId);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Warning, Message = "Erasure in {System} timed out for {Email}")]
    private static partial void TargetFailed(ILogger logger, string system, string email);
}

/// <summary>The privacy team's page of erasure runs, and the button that starts one by hand.</summary>
public static class ErasureDashboardEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/ops/erasure/runs", async (IJobRunStore runs, ILogger<ErasureRunsPage> logger, CancellationToken cancellationToken) =>
        {
            var recent = await runs.RecentAsync("erasure", 50, cancellationToken);
            logger.LogInformation("Erasure runs page: {Count} runs, {Failed} failed, slowest {Slowest}", recent.Count, recent.Count(r => r.Status != "succeeded"), recent.Max(r => r.Duration)); // clean precision-about
            logger.LogDebug("Erasure run ids {RunIds}", recent.Select(r => r.RunId).ToArray());
            logger.LogDebug("Erasure run errors {Errors}", recent.Select(r => r.Error).Where(e => e is not null).ToArray()); // clean logging-objects
            logger.LogDebug("Erasure run payloads {Payloads}", recent.Select(r => r.Payload).ToArray()); // leak TC1001 logging-objects
            return recent;
        });

        routes.MapPost("/ops/erasure/runs", async (ErasureRequest request, ClaimsUser user, IBackgroundTaskQueue queue, Pseudonymizer pseudonymizer, ILogger<ErasureRunsPage> logger, CancellationToken cancellationToken) =>
        {
            var payload = JsonSerializer.Serialize(request);
            await queue.QueueAsync(new WorkItem("erasure", payload, DateTimeOffset.UtcNow), cancellationToken);
            Activity.Current?.EnrichSubsjobsJobRun("erasure-manual").SetSubsjobsOperatorId(pseudonymizer.PseudonymizeSubsjobsOperatorId(user.SubjectId!)); // clean precision-pseudonym
            Activity.Current?.SetTag("subsjobs.operator.email_domain", user.Email?[(user.Email.IndexOf('@') + 1)..]); // clean precision-about
            logger.LogInformation("Manual erasure {RequestId} queued by {Operator}", request.RequestId, user.Email); // leak TC1001 direct
            return request.RequestId;
        });
    }
}

public sealed class ErasureRunsPage;
