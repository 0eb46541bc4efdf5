namespace PrivacyHoldout84.Retail;

public sealed record RefundRequest(string InvoiceId, string InvoiceNumber, string PaymentIntentId, string CustomerId, string CustomerEmail, long Amount, string ReasonCode, string AgentNote, string AgentId);

public sealed record RefundOutcome(string RefundId, string CreditNoteNumber, long Amount, string Currency, string Status);

/// <summary>Customer service refunds of Plus fees: a credit note against the invoice and a refund to the card.</summary>
[ApiController]
[Route("api/plus/refunds")]
public sealed class RefundDesk(ILogger<RefundDesk> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, BillboxClient billing) : ControllerBase
{
    private readonly Counter<long> _refunds = meter.CreateCounter<long>("plus.refunds");
    private readonly Histogram<long> _refundAmounts = meter.CreateHistogram<long>("plus.refund.amount", "{minor}");

    [HttpPost("")]
    public async Task<ActionResult> RefundAsync([FromBody] RefundRequest request)
    {
        using var span = source.StartMembersubRenewal("refund")
            .SetMembersubInvoiceNumber(request.InvoiceNumber)
            .SetMembersubAmount(request.Amount); // clean generated-api
        span.SetMembersubNote(request.AgentNote); // leak TC1001 generated-api
        Activity.Current?.SetTag("refund.reason", request.ReasonCode);
        Activity.Current?.SetTag("refund.requested_by", HttpContext.User.Email); // leak TC1001 direct

        var note = await billing.CreateCreditNoteAsync(request.InvoiceId, request.Amount, request.ReasonCode, request.AgentNote);
        var refund = await billing.CreateRefundAsync(request.PaymentIntentId, request.Amount, request.ReasonCode);
        var outcome = new RefundOutcome(refund.Id, note.Number, refund.Amount, refund.Currency, refund.Status);

        logger.LogInformation("Refund {Outcome}", outcome); // clean logging-objects
        logger.LogInformation("Credit note {CreditNote}", note); // leak TC1001 logging-objects
        logger.LogInformation("Refund {RefundId} of {Amount} for {Email}", refund.Id, refund.Amount, request.CustomerEmail); // leak TC1001 direct
        _refunds.Add(1, new KeyValuePair<string, object?>("reason", request.ReasonCode), new KeyValuePair<string, object?>("status", refund.Status), new KeyValuePair<string, object?>("currency", refund.Currency)); // clean precision-about
        _refundAmounts.Record(refund.Amount, new KeyValuePair<string, object?>("customer", request.CustomerId)); // leak TC1003 direct
        return Ok(outcome);
    }
}
