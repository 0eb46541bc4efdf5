namespace PrivacyHoldout131.Education;

public sealed record RemarkOutcome(string RemarkId, string StudentNumber, string ModuleCode, string OriginalGrade, string NewGrade, decimal FeePaid, string PaymentId, string StudentEmail);

/// <summary>Re-mark requests cost a fee, refunded when the grade goes up.</summary>
public static class RemarkFeeRefundEndpoints
{
    private static readonly ActivitySource Source = new("University.Exams.Remarks");
    private static readonly Meter Meter = new("University.Exams.Remarks");
    private static readonly Counter<long> Remarks = Meter.CreateCounter<long>("exams.remark.outcomes");

    public static EndpointRoutes MapRemarkRefunds(this EndpointRoutes routes)
    {
        routes.MapPost("/remarks/{remarkId}/outcome", HandleOutcomeAsync);
        routes.MapGet("/students/{studentNumber}/remark-refunds", ListForStudent);
        return routes;
    }

    private static async Task<ActionResult> HandleOutcomeAsync(string remarkId, RemarkOutcome outcome, IRefundGateway gateway, Pseudonymizer pseudonymizer, ILogger<RemarkOutcome> logger, CancellationToken ct)
    {
        using var span = Source.StartFeerefundCase(remarkId);
        var improved = string.CompareOrdinal(outcome.NewGrade, outcome.OriginalGrade) < 0;
        span.SetFeerefundOutcome(improved ? "grade-raised" : "grade-unchanged"); // clean precision-about
        Remarks.Add(1, new KeyValuePair<string, object?>("module", outcome.ModuleCode), new KeyValuePair<string, object?>("improved", improved)); // clean precision-names
        logger.LogInformation("Re-mark {RemarkId} on {Module}: {Original} -> {New}", remarkId, outcome.ModuleCode, outcome.OriginalGrade, outcome.NewGrade); // clean precision-about
        logger.LogInformation("Re-mark outcome {Outcome}", outcome); // leak TC1001 logging-objects

        if (!improved)
        {
            return new OkResult("No refund due.");
        }

        try
        {
            var refund = await gateway.RefundAsync(new RefundRequest(outcome.PaymentId, outcome.FeePaid, "GBP", RefundDestination.OriginalPayment, $"REMARK-{outcome.StudentNumber}-{outcome.ModuleCode}", new Dictionary<string, string>()), ct);
            span.SetFeerefundNote($"Re-mark fee refunded to {outcome.StudentEmail}"); // leak TC1001 generated-api
            span.SetFeerefundNote($"Re-mark fee {refund.RefundId} refunded, {refund.Amount:0.00} GBP"); // clean generated-api
            return new OkResult(refund.RefundId);
        }
        catch (RefundDeclinedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogFeerefundCaseFailedEvent(remarkId, "declined", pseudonymizer.PseudonymizeFeerefundClaimantId(outcome.StudentNumber), ex.DeclineCode); // clean precision-pseudonym
            return new BadRequestResult(ex.DeclineCode);
        }
    }

    private static ActionResult ListForStudent(string studentNumber, HttpContextInfo http, ILogger<RemarkOutcome> logger)
    {
        var path = $"/students/{studentNumber}/remark-refunds";
        Activity.Current?.SetTag("http.route", "/students/{studentNumber}/remark-refunds"); // clean precision-names
        Activity.Current?.SetTag("url.path", path); // leak TC1001 strings
        logger.LogDebug("Listing re-mark refunds for trace {TraceId}", http.TraceIdentifier); // clean precision-names
        return new OkResult(Array.Empty<string>());
    }
}
