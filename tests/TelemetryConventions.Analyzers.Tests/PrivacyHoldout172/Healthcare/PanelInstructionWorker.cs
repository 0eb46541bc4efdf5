namespace PrivacyHoldout172.Healthcare;

/// <summary>
/// Instructs the trust's panel firms: runs the firm's conflict check on the parties before the instruction is
/// accepted, and records the instruction on the operation span.
/// </summary>
public sealed partial class PanelInstructionWorker(
    IQueueReceiver<ConflictCheckRequest> queue,
    IConflictSearch conflicts,
    ILogger<PanelInstructionWorker> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LegalOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }

            await CheckAsync(request, stoppingToken);
        }
    }

    private async Task CheckAsync(ConflictCheckRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartMedlegalOperation("Hempsons");
        span.SetMedlegalMatterId(request.MatterId); // clean generated-api
        span.SetMedlegalStep("conflict_check"); // clean generated-api
        span.SetMedlegalItemCount(request.OpposingParties.Count); // clean generated-api

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CheckId"] = request.CheckId, ["MatterId"] = request.MatterId }); // clean direct
        LogCheckStarted(logger, request.CheckId, request.ClientName); // clean direct
        LogParties(logger, request.CheckId, string.Join(", ", request.OpposingParties)); // leak TC1001 strings

        IReadOnlyList<ConflictHit> hits;
        try
        {
            hits = await conflicts.SearchAsync(request, cancellationToken);
        }
        catch (ConflictServiceUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogOperationFailed(ex, request.MatterId); // clean exceptions
            return;
        }

        foreach (var hit in hits)
        {
            logger.LogWarning("Possible conflict on {CheckId}: {MatchedName} (matter {MatchedMatter}, score {Score:0.00})", hit.CheckId, hit.MatchedName, hit.MatchedMatterId, hit.Score); // leak TC1001 direct
            span.SetMedlegalNote($"hit on matter {hit.MatchedMatterId} scored {hit.Score:0.00}"); // clean generated-api
        }

        span.Activity?.SetTag("conflict.requested_by", request.RequestedByEmail); // leak TC1001 direct
        span.Activity?.SetTag("conflict.hits.names", hits.Select(h => h.MatchedName).ToList()); // leak TC1001 logging-objects
        var outcome = hits.Count == 0 ? "cleared" : "conflict";
        span.SetMedlegalOutcome(outcome); // clean generated-api
        if (hits.Count > 0)
        {
            span.SetMedlegalNote("first hit: " + hits[0].MatchedName); // leak TC1001 generated-api
            logger.LogMedlegalOperationFailedEvent("Hempsons", outcome, pseudonymizer.PseudonymizeMedlegalClientId(request.ClientName), $"{hits.Count} hits above {options.ConflictCheckTimeoutSeconds}"); // clean generated-api
        }

        meter.CreateMedlegalOperationsCounter().Add(1, "Hempsons", outcome); // clean generated-api
        meter.CreateMedlegalOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "Hempsons"); // clean generated-api
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Conflict check {CheckId} started for {ClientName}")]
    private static partial void LogCheckStarted(ILogger logger, string checkId, [PrivateData] string clientName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Conflict check {CheckId} searches opposing parties {Parties}")]
    private static partial void LogParties(ILogger logger, string checkId, string parties);
}

internal static partial class PanelLog
{
    [LoggerMessage(EventId = 4109, Level = LogLevel.Error, Message = "Instruction on matter {MatterId} failed")]
    public static partial void LogOperationFailed(this ILogger logger, Exception exception, string matterId);
}
