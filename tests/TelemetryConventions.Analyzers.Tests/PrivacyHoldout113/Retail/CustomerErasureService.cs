namespace PrivacyHoldout113.Retail;

public sealed record OpenDispute(string DisputeId, string OrderId, string CustomerNumber, decimal Amount, DateOnly RaisedOn);

/// <summary>Erases a customer on request, unless an open chargeback dispute puts their orders under hold.</summary>
public sealed partial class CustomerErasureService(
    IEnumerable<IErasureTarget> targets,
    ILegalHoldRegistry holds,
    ILogger<CustomerErasureService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly RtauditRequestDurationHistogram _duration = meter.CreateRtauditRequestDurationHistogram();
    private readonly Counter<long> _refused = meter.CreateCounter<long>("rtaudit.erasure.refused");

    public async Task<bool> EraseAsync(SubjectRequest request, IReadOnlyList<OpenDispute> disputes, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartRtauditRequest(request.RequestId.ToString(), "erasure");
        span.SetRtauditSubjectId(pseudonymizer.PseudonymizeRtauditSubjectId(request.SubjectKey)); // clean generated-api
        LogRequest(logger, request.RequestId, request.SubjectKey); // leak TC1001 logging-objects
        LogRequestRedacted(logger, request.RequestId, request.SubjectKey); // clean logging-objects

        if (disputes.Count > 0)
        {
            logger.LogInformation("Erasure deferred: {Disputes} open disputes, {Amount} at stake", disputes.Count, disputes.Sum(d => d.Amount)); // clean precision-about
            logger.LogInformation("Erasure deferred for disputes {DisputeIds}", string.Join(",", disputes.Select(d => d.DisputeId))); // clean strings
            logger.LogInformation("Erasure deferred for {Dispute}", disputes[0]); // leak TC1001 logging-objects
            span.SetRtauditRetentionPolicy("hold-chargeback"); // clean precision-names
            _refused.Add(1, new KeyValuePair<string, object?>("rtaudit.reason", "chargeback")); // clean precision-names
            return false;
        }

        try
        {
            foreach (var target in targets)
            {
                var held = await holds.HoldsForAsync(request.SubjectKey, cancellationToken);
                if (held.Count > 0)
                {
                    throw new LegalHoldActiveException(request.SubjectKey, held[0].HoldId);
                }
                var step = await target.EraseAsync(request.SubjectKey, cancellationToken);
                logger.LogDebug("{System} erased {Rows} rows", step.System, step.RowsAffected); // clean precision-about
            }
            span.SetRtauditOutcome("erased"); // clean generated-api
            return true;
        }
        catch (LegalHoldActiveException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.SetRtauditRetentionPolicy(ex.HoldId); // clean exceptions
            logger.LogRtauditComplianceFailedEvent("erasure", "held", pseudonymizer.PseudonymizeRtauditSubjectId(request.SubjectKey), ex.GetType().Name); // clean exceptions
            return false;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "erasure"); // clean generated-api
        }
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Erasure {RequestId} for customer {CustomerNumber}")]
    private static partial void LogRequest(ILogger logger, Guid requestId, string customerNumber);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Erasure {RequestId} for customer {CustomerNumber}")]
    private static partial void LogRequestRedacted(ILogger logger, Guid requestId, [PrivateData] string customerNumber);
}
