namespace PrivacyHoldout131.Transport;

public sealed record TicketRefundRequest(string TicketNumber, Guid PassengerId, string Email, string Mobile, string PaymentId, decimal Fare, bool Advance, bool ToTravelCredit);

/// <summary>Refunds for unused tickets: an admin fee on flexible tickets, travel credit only for advance ones.</summary>
public static class TicketRefundEndpoints
{
    private static readonly ActivitySource Source = new("Rail.Tickets.Refunds");
    private static readonly Meter Meter = new("Rail.Tickets.Refunds");
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("tickets.refund.requests");
    private static readonly Counter<long> ByPassenger = Meter.CreateCounter<long>("tickets.refund.by_passenger");

    public static EndpointRoutes MapTicketRefunds(this EndpointRoutes routes) =>
        routes.MapPost("/tickets/{ticketNumber}/refund", RefundAsync);

    private static async Task<ActionResult> RefundAsync(string ticketNumber, TicketRefundRequest request, IRefundGateway gateway, IStoreCreditLedger credit, Pseudonymizer pseudonymizer, ILogger<TicketRefundRequest> logger, CancellationToken ct)
    {
        using var span = Source.StartFarerefundCase(ticketNumber);
        Activity.Current?.SetTag("ticket.passenger", request.PassengerId); // leak TC1001 direct
        Requests.Add(1, new KeyValuePair<string, object?>("advance", request.Advance), new KeyValuePair<string, object?>("to_credit", request.ToTravelCredit)); // clean precision-names
        ByPassenger.Add(1, new KeyValuePair<string, object?>("passenger", pseudonymizer.PseudonymizeFarerefundClaimantId(request.PassengerId.ToString()))); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag(FarerefundAttributes.Contact, request.Mobile); // leak TC1001 generated-api
        logger.LogInformation("Ticket refund for {Ticket}, passenger mobile country code {Prefix}", ticketNumber, request.Mobile[..3]); // clean precision-about

        var fee = request.Advance ? 0m : 10m;
        var amount = request.Fare - fee;
        span.SetFarerefundAmount((double)amount); // clean precision-about
        if (request.Advance || request.ToTravelCredit)
        {
            var issued = await credit.IssueAsync(request.PassengerId.ToString(), request.Fare, "ticket-refund", ct);
            logger.LogInformation("Travel credit {CreditId} issued to passenger {PassengerId}", issued.CreditId, issued.HolderRef); // leak TC1001 cross-member
            return new OkResult(issued.CreditId);
        }

        try
        {
            var refund = await gateway.RefundAsync(new RefundRequest(request.PaymentId, amount, "GBP", RefundDestination.OriginalPayment, ticketNumber, new Dictionary<string, string>()), ct);
            span.SetFarerefundOutcome(refund.Status); // clean precision-names
            logger.LogInformation("Refund receipt emailed to {Email}", request.Email); // leak TC1001 direct
            return new OkResult(refund.RefundId);
        }
        catch (RefundDeclinedException ex)
        {
            logger.LogWarning(ex, "Ticket refund declined"); // clean exceptions
            span.SetFarerefundNote($"Declined: {ex.DeclineCode}, fee {fee}"); // clean generated-api
            return new BadRequestResult(ex.DeclineCode);
        }
    }
}
