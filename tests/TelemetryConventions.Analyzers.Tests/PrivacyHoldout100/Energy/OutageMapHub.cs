namespace PrivacyHoldout100.Energy;

/// <summary>An outage report typed in by a customer on the outage map.</summary>
public sealed record OutageReport(string AccountNumber, string Postcode, string ContactPhone, string Description);

/// <summary>Thrown when a report names a postcode outside the network; quotes the postcode.</summary>
public sealed class PostcodeNotServedException(string postcode)
    : Exception($"Postcode '{postcode}' is not on our network.")
{
    public string Postcode { get; } = postcode;
}

/// <summary>
/// The public outage map: anyone can watch a region's outages live; signed-in customers report one; field
/// engineers share their position on the way to a fault so the control room sees the nearest crew.
/// </summary>
public sealed partial class OutageMapHub(ILogger<OutageMapHub> logger, Pseudonymizer pseudonymizer) : Hub
{
    private static readonly ActivitySource Source = new("Supplier.OutageMap");
    private static readonly Meter Meter = new("Supplier.OutageMap");
    private static readonly Counter<long> Reports = Meter.CreateCounter<long>("outage.reports");
    private static readonly Counter<long> Watchers = Meter.CreateCounter<long>("outage.watchers");
    private static readonly GridliveInvokeDurationHistogram Duration = Meter.CreateGridliveInvokeDurationHistogram();

    public async Task WatchRegion(string region)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, $"region:{region}");
        Watchers.Add(1, new KeyValuePair<string, object?>("region", region)); // clean precision-about
        var ip = Context.GetHttpContext()?.Connection.RemoteIpAddress;
        logger.LogDebug("Outage map watcher from {Address} on {Region}", ip, region); // leak TC1001 direct
        logger.LogDebug("Outage map watcher on {Family} for {Region}", ip?.AddressFamily, region); // clean precision-about
    }

    public async Task ReportOutage(OutageReport report)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartGridliveHubInvoke("/hubs/outages", nameof(ReportOutage))
            .SetGridliveAccountId(pseudonymizer.PseudonymizeGridliveAccountId(report.AccountNumber)); // clean precision-pseudonym
        try
        {
            var district = report.Postcode.Split(' ')[0];
            if (!district.StartsWith("NE", StringComparison.OrdinalIgnoreCase))
            {
                throw new PostcodeNotServedException(report.Postcode);
            }
            span.SetGridliveRegion(district); // clean generated-api
            Reports.Add(1, new KeyValuePair<string, object?>("district", district)); // clean precision-about
            span.SetGridliveNote($"reported by phone {report.ContactPhone}"); // leak TC1001 generated-api
            span.Activity?.SetTag("outage.description.length", report.Description.Length); // clean precision-about
            span.Activity?.SetTag("outage.description", report.Description); // leak TC1001 strings
            await Clients.Group($"region:{district}").SendAsync("outageReported", new { district });
            LogReport(logger, report.AccountNumber, district); // leak TC1001 cross-member
        }
        catch (PostcodeNotServedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogGridliveInvokeFailedEvent(nameof(ReportOutage), "rejected", gridliveNote: ex.GetType().Name); // clean exceptions
            throw new HubException("We could not find that postcode on our network."); // clean exceptions
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "/hubs/outages", nameof(ReportOutage)); // clean generated-api
        }
    }

    public Task EngineerPosition(LocationUpdate fix, string jobId)
    {
        var engineer = Context.UserIdentifier!;
        using var span = Source.StartGridliveHubInvoke("/hubs/outages", nameof(EngineerPosition))
            .SetGridliveEngineerId(pseudonymizer.PseudonymizeGridliveEngineerId(engineer)); // clean precision-pseudonym
        span.Activity?.SetTag("outage.crew.position", $"{fix.Latitude:F4},{fix.Longitude:F4}"); // leak TC1001 direct
        span.Activity?.SetTag("outage.crew.cell", Geohash.Encode(fix.Latitude, fix.Longitude, 4)); // clean precision-about
        span.Activity?.SetTag("outage.job", jobId); // clean precision-names
        logger.LogInformation("Engineer {Engineer} en route to job {Job}", engineer, jobId); // leak TC1001 direct
        return Clients.Group("control-room").SendAsync("crewPosition", new { jobId, fix });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outage reported for account {Account} in {District}")]
    private static partial void LogReport(ILogger logger, string account, string district);
}
