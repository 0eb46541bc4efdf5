namespace PrivacyHoldout130.Healthcare;

/// <summary>
/// Takes repair requests residents report through the accommodation portal off the queue and raises contractor
/// jobs. Emergencies (no heat, leaks, lock-outs) go to the out-of-hours contractor.
/// </summary>
public sealed partial class ResidenceRepairsConsumer(
    IQueueReceiver<RepairRequest> queue,
    IRepairsDispatch dispatch,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ResidenceRepairsConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Accommodation.Repairs");
    private static readonly Meter Meter = new("Trust.Accommodation.Repairs");
    private static readonly Histogram<double> RaiseSeconds = Meter.CreateHistogram<double>("repairs.raise.duration", "s");
    private static readonly Counter<long> Raised = Meter.CreateCounter<long>("repairs.raised");

    private string? _lastReporter;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }
            await HandleAsync(request, stoppingToken);
        }
    }

    private async Task HandleAsync(RepairRequest request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartStaffresTenancy(request.PropertyRef);
        span.SetStaffresOutcome(request.Priority.ToString().ToLowerInvariant());
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = request.RequestId, ["ReportedBy"] = request.ReportedByTenantId }); // leak TC1001 logging-objects
        logger.LogInformation("Repair {RequestId} ({Category}, {Priority}) at {PropertyRef}", request.RequestId, request.Category, request.Priority, request.PropertyRef); // clean precision-names
        logger.LogDebug("Repair description: {Description}", request.Description); // leak TC1001 direct
        Activity.Current?.SetTag("repair.description.length", request.Description.Length); // clean precision-about
        Activity.Current?.SetTag("repair.has_contact", !string.IsNullOrEmpty(request.ContactMobile)); // clean precision-about

        _lastReporter = request.ReportedByTenantId;
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.ReportedByTenantId))[0] % 16;
        Activity.Current?.SetTag("repair.reporter.shard", shard); // clean hashes

        try
        {
            var job = await dispatch.RaiseAsync(request, ct);
            Raised.Add(1, new KeyValuePair<string, object?>("trade", job.TradeCode), new("priority", request.Priority.ToString())); // clean precision-names
            logger.LogInformation("Raised {Job}", job); // clean logging-objects
            span.SetStaffresTenantId(pseudonymizer.PseudonymizeStaffresTenantId(request.ReportedByTenantId)); // clean precision-pseudonym
        }
        catch (NoContractorException ex)
        {
            logger.LogError(ex, "No contractor for {Trade}", ex.TradeCode); // clean exceptions
            logger.LogStaffresTenancyFailedEvent(request.PropertyRef, "no-contractor", staffresNote: $"Resident {request.ReportedByTenantId} reported {request.Category}"); // leak TC1001 generated-api
        }
        finally
        {
            RaiseSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("category", request.Category)); // clean precision-names
        }
    }

    /// <summary>Called by the health check when the queue stalls: reports the last request seen.</summary>
    public void ReportStall()
    {
        logger.LogWarning("Repairs queue stalled; last reporter {Reporter}", _lastReporter); // leak TC1001 cross-member
        QueueStalled(logger, _lastReporter ?? "none"); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Stall after request from resident {StaffNumber}")]
    private static partial void QueueStalled(ILogger logger, string staffNumber);
}
