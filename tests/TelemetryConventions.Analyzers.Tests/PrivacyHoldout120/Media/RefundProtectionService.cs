namespace PrivacyHoldout120.Media;

public sealed record TicketOrder(string OrderId, Guid BuyerId, string BuyerEmail, string EventId, string Venue, int Tickets, decimal Total);

public sealed record RefundClaim(string OrderId, Guid BuyerId, string PolicyNumber, string Reason, string ReasonText, string? MedicalNoteFileName, string BuyerPhone);

/// <summary>Refund protection sold with tickets: the quote at checkout and the buyer's refund claim when they cannot attend.</summary>
public sealed partial class RefundProtectionService(
    IRatingEngine engine,
    IClaimsApi claims,
    Pseudonymizer pseudonymizer,
    ILogger<RefundProtectionService> logger)
{
    private static readonly ActivitySource Source = new("Tickets.RefundProtection");
    private static readonly Meter Meter = new("Tickets.RefundProtection");
    private static readonly EventcoverQuotesCounter Quotes = Meter.CreateEventcoverQuotesCounter();
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("refund_protection.claims");

    public async Task<RatingResponse> QuoteAsync(TicketOrder order, CancellationToken ct)
    {
        using var span = Source.StartEventcoverQuote("refund-protect");
        span.SetEventcoverBuyerId(pseudonymizer.PseudonymizeEventcoverBuyerId(order.BuyerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("ticket.event", order.EventId); // clean precision-names
        var rating = new RatingRequest { Product = "refund-protect" };
        rating.Factors["orderTotal"] = order.Total.ToString(CultureInfo.InvariantCulture);
        rating.Factors["tickets"] = order.Tickets.ToString(CultureInfo.InvariantCulture);
        var response = await engine.RateAsync(rating, ct);
        span.SetEventcoverQuoteRef(response.QuoteReference); // clean generated-api
        logger.LogInformation("Refund protection quoted for order {Order}", order); // leak TC1001 logging-objects
        span.Activity?.SetTag("ticket.buyer", order.BuyerId); // leak TC1001 direct
        Quotes.Add(1, "refund-protect", EventcoverDecision.Accept, $"quoted:{order.BuyerEmail}"); // leak TC1003 generated-api
        return response;
    }

    public async Task<string> ClaimAsync(RefundClaim claim, CancellationToken ct)
    {
        var intake = await claims.SubmitFnolAsync(new FirstNoticeOfLoss(claim.PolicyNumber, DateTimeOffset.UtcNow, claim.Reason, claim.ReasonText, claim.BuyerId.ToString(), claim.BuyerPhone), ct);
        using var span = Source.StartEventcoverClaim(intake.ClaimId);
        span.SetEventcoverPeril(claim.Reason); // clean generated-api
        span.Activity?.SetTag("refund.reason_text", claim.ReasonText); // leak TC1001 direct
        span.Activity?.SetTag("refund.medical_note", claim.MedicalNoteFileName); // leak TC1001 direct
        span.Activity?.SetTag("refund.medical_note.given", claim.MedicalNoteFileName is not null); // clean precision-about
        span.SetEventcoverNote($"{claim.Reason} claim on policy {claim.PolicyNumber}"); // leak TC1001 generated-api
        LogClaim(logger, intake.ClaimId, claim.PolicyNumber, claim.BuyerPhone); // leak TC1001 logging-objects
        Claims.Add(1, new KeyValuePair<string, object?>("reason", claim.Reason), new KeyValuePair<string, object?>("policy", claim.PolicyNumber)); // leak TC1003 direct
        logger.LogEventcoverClaimReferredEvent(intake.ClaimId, intake.Status, null, $"contact {claim.BuyerPhone}"); // leak TC1001 generated-api
        span.Activity?.SetTag(EventcoverAttributes.BuyerContact, claim.BuyerPhone); // leak TC1001 generated-api
        return intake.ClaimId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund claim {ClaimId} on {PolicyNumber}, call back {Phone}")]
    private static partial void LogClaim(ILogger logger, string claimId, string policyNumber, string phone);
}
