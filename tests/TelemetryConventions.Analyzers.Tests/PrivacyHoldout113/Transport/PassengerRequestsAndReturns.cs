namespace PrivacyHoldout113.Transport;

public sealed record DelayRepayClaim(string ClaimRef, string CardNumber, string Email, string RouteId, int DelayMinutes, decimal Paid);

/// <summary>Handles card holders' subject access requests and builds the regulator's quarterly delay compensation return.</summary>
public sealed class PassengerRequestsAndReturns(
    ISubjectDataCollector collector,
    IRegulatorGateway gateway,
    ILogger<PassengerRequestsAndReturns> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly TrauditRequestDurationHistogram _duration = meter.CreateTrauditRequestDurationHistogram();

    public async Task FulfilAsync(SubjectRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartTrauditRequest(request.RequestId.ToString(), "access");
        span.SetTrauditSubjectId(pseudonymizer.PseudonymizeTrauditSubjectId(request.SubjectKey)); // clean precision-pseudonym
        span.SetTrauditNote($"card {request.SubjectKey} via {request.Channel}"); // leak TC1001 generated-api
        logger.LogInformation("Request {RequestId} received {ReceivedAt}, due {DueBy}", request.RequestId, request.ReceivedAt, request.DueBy); // clean precision-names
        logger.LogInformation("Request {Request}", request); // clean logging-objects
        try
        {
            var package = await collector.CollectAsync(request, cancellationToken);
            span.SetTrauditFieldCount(package.Files); // clean precision-about
        }
        catch (SubjectNotFoundException ex)
        {
            logger.LogWarning(ex, "No journeys found"); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
        }
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "access", request.Status.ToString()); // clean generated-api
    }

    public async Task ReturnAsync(string quarter, IReadOnlyList<DelayRepayClaim> claims, CancellationToken cancellationToken)
    {
        using var span = source.StartTrauditRequest($"orr-delay-{quarter}", "export");
        var byRoute = claims.GroupBy(c => c.RouteId).ToDictionary(g => g.Key, g => g.Sum(c => c.Paid));
        logger.LogInformation("Compensation by route {ByRoute}", byRoute); // clean logging-objects
        logger.LogInformation("Largest claims {Claims}", claims.OrderByDescending(c => c.Paid).Take(3).Select(c => $"{c.ClaimRef}:{c.Email}:{c.Paid}")); // leak TC1001 strings
        span.SetTrauditFieldCount(claims.Count); // clean generated-api
        span.Activity?.SetTag("traudit.claims.median_delay", claims.Select(c => c.DelayMinutes).Order().ElementAtOrDefault(claims.Count / 2)); // clean precision-about

        var rows = claims.Select(c => $"{c.ClaimRef},{c.RouteId},{c.DelayMinutes},{c.Paid}");
        var content = Encoding.UTF8.GetBytes(string.Join("\n", rows));
        var regulatorReturn = new RegulatorReturn($"orr-delay-{quarter}", "ORR", quarter, claims.Count, $"orr-delay-{quarter}.csv");
        try
        {
            var receipt = await gateway.SubmitAsync(regulatorReturn, content, cancellationToken);
            span.SetTrauditOutcome($"accepted:{receipt}"); // clean generated-api
        }
        catch (ReturnValidationException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Field); // clean exceptions
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
    }
}
