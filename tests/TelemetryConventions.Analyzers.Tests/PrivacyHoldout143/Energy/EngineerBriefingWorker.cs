using System.Net.Http;

namespace PrivacyHoldout143.Energy;

/// <summary>The engineers on tomorrow's shift in a region (their staff numbers).</summary>
public interface IEngineerRoster
{
    Task<IReadOnlyList<string>> OnShiftAsync(string region, DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>
/// Every evening, builds tomorrow's job briefings for each engineer on shift, with the dog warnings on the
/// properties they will visit, and sends them to the engineers' handhelds.
/// </summary>
public sealed class EngineerBriefingWorker(
    IEngineerRoster roster,
    IFieldSafetyRegister register,
    IHandheldDispatch dispatch,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<EngineerBriefingWorker> logger) : BackgroundService
{
    private static readonly string[] Regions = ["east-midlands", "west-midlands"];

    private readonly Counter<long> _dogJobs = meter.CreateCounter<long>("fieldpaws.briefing.dog_jobs", "{job}");

    private readonly List<string> _unbriefed = [];

    private FieldJob? _lastDoNotEnter;

    private int _briefed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
            foreach (var region in Regions)
            {
                await BriefRegionAsync(region, day, stoppingToken);
            }

            ReportRun();
            await Task.Delay(TimeSpan.FromHours(24), stoppingToken);
        }
    }

    private async Task BriefRegionAsync(string region, DateOnly day, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var engineer in await roster.OnShiftAsync(region, day, cancellationToken))
        {
            using var scope = logger.BeginScope("Briefing for engineer {Engineer}", pseudonymizer.ComputeFieldpawsEngineerId(engineer)); // clean precision-pseudonym
            using var span = source.StartFieldpawsOperation(region);
            span.SetFieldpawsEngineerId(pseudonymizer.PseudonymizeFieldpawsEngineerId(engineer)); // clean generated-api
            var jobs = await register.JobsForAsync(engineer, day, cancellationToken);
            span.SetFieldpawsJobCount(jobs.Count); // clean precision-about

            foreach (var job in jobs)
            {
                var warning = await register.WarningForAsync(job.AccountNumber, cancellationToken);
                if (warning is null)
                {
                    continue;
                }

                var briefing = new JobBriefing(job.JobId, region, true, warning.Level, engineer);
                try
                {
                    await dispatch.SendAsync(engineer, briefing, cancellationToken);
                    logger.LogInformation("Briefing sent {Briefing}", briefing); // leak TC1001 logging-objects
                }
                catch (HttpRequestException ex)
                {
                    _unbriefed.Add(engineer);
                    logger.LogWarning(ex, "Handheld unreachable for job {JobId}", job.JobId); // clean exceptions
                }

                logger.LogInformation("Hazard on job {Hazard}", new HazardSummary(job.JobId, warning.Level, 1)); // clean logging-objects
                Activity.Current?.AddEvent(new ActivityEvent("fieldpaws.dog_on_site", tags: new ActivityTagsCollection { ["fieldpaws.job"] = job.JobId, ["fieldpaws.level"] = warning.Level })); // clean precision-names
                if (warning.Level == "do-not-enter")
                {
                    _lastDoNotEnter = job;
                    span.SetFieldpawsNote($"do not enter {job.SiteAddress} until the dog is secured"); // leak TC1001 generated-api
                }

                _dogJobs.Add(1, new KeyValuePair<string, object?>("region", region), new KeyValuePair<string, object?>("level", warning.Level)); // clean precision-about
            }

            _briefed++;
        }

        meter.CreateFieldpawsBriefingDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, fieldpawsRegion: region); // clean generated-api
    }

    private void ReportRun()
    {
        logger.LogInformation("{Count} engineers briefed", _briefed); // clean cross-member
        logger.LogWarning("Engineers not briefed: {Engineers}", string.Join(", ", _unbriefed)); // leak TC1001 cross-member
        if (_lastDoNotEnter is { } job)
        {
            logger.LogInformation("Last do-not-enter job {JobId} in {Region}", job.JobId, job.Region); // clean cross-member
            logger.LogInformation("Last do-not-enter job {Job}", job); // leak TC1001 cross-member
            var bucket = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(job.AccountNumber))) % 64;
            Activity.Current?.SetTag("fieldpaws.last_dne.bucket", bucket); // clean hashes
            Activity.Current?.SetTag("fieldpaws.last_dne.account_hash", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(job.AccountNumber)))); // leak TC1002 hashes
        }

        _unbriefed.Clear();
        _briefed = 0;
    }
}
