namespace PrivacyHoldout100.Energy;

/// <summary>A job pushed to a field engineer's tablet.</summary>
public sealed record FieldJob(string JobId, string AccountNumber, string MeterSerial, string SiteAddress, string Region, string JobType);

/// <summary>
/// Field engineers' tablets hold a WebSocket to the job feed: new and changed jobs are pushed as they are
/// assigned; the tablet acknowledges each one.
/// </summary>
public sealed class EngineerJobSocket(ILogger<EngineerJobSocket> logger, Pseudonymizer pseudonymizer)
{
    private static readonly Meter Meter = new("Supplier.JobFeed");
    private static readonly Counter<long> Pushed = Meter.CreateCounter<long>("jobfeed.pushed");

    public void Pushing(FieldJob job, string engineerStaffNumber)
    {
        Pushed.Add(1, new KeyValuePair<string, object?>("region", job.Region), new KeyValuePair<string, object?>("type", job.JobType)); // clean precision-about
        logger.LogInformation("Pushing job {Job} to {Engineer}", job, pseudonymizer.ComputeGridliveEngineerId(engineerStaffNumber)); // leak TC1001 logging-objects
        logger.LogInformation("Pushing job {JobId} ({Type}, {Region})", job.JobId, job.JobType, job.Region); // clean cross-member
        Activity.Current?.SetTag("jobfeed.site", job.SiteAddress); // leak TC1001 direct
        Activity.Current?.SetTag("jobfeed.summary", $"{job.JobType} in {job.Region}"); // clean strings
        Activity.Current?.SetTag("jobfeed.meter", job.MeterSerial); // leak TC1001 direct
    }

    public void Acknowledged(string jobId, string engineerStaffNumber, TimeSpan latency)
    {
        logger.LogDebug("Job {Job} acknowledged by {Engineer} after {Latency}", jobId, engineerStaffNumber, latency); // leak TC1001 direct
        logger.LogDebug("Job {Job} acknowledged after {Latency}", jobId, latency); // clean precision-names
    }
}
