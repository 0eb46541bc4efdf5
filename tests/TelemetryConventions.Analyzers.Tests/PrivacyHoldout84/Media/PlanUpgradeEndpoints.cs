namespace PrivacyHoldout84.Media;

public sealed record UpgradeRequest(string SubscriptionId, string CustomerId, string ProfileName, string TargetPriceId, string? ExtraMemberEmail);

public sealed record UpgradeQuote(string SubscriptionId, string FromPriceId, string ToPriceId, long DueNow, string Currency, DateTimeOffset ProrationDate, int Streams);

/// <summary>Plan upgrades and downgrades (Standard, Premium 4K, extra member slots) with a proration quote first.</summary>
public static class PlanUpgradeEndpoints
{
    private static readonly ActivitySource Plans = new("Streaming.Plans");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/plans/quote", QuoteAsync);
        routes.MapPost("/plans/upgrade", UpgradeAsync);
    }

    internal static async Task<UpgradeQuote> QuoteAsync(UpgradeRequest request, BillboxClient billing, ILogger<UpgradeRequest> logger, Pseudonymizer pseudonymizer)
    {
        using var activity = Plans.StartActivity("plans.quote");
        activity?.SetTag("plan.target", request.TargetPriceId);
        activity?.SetTag("subscriber.id", pseudonymizer.ComputeStreamsubCustomerId(request.CustomerId)); // clean precision-pseudonym
        activity?.SetTag("subscriber.profile", request.ProfileName); // leak TC1001 direct

        logger.LogDebug("Quote requested {Request}", request); // leak TC1001 logging-objects
        var subscription = await billing.GetSubscriptionAsync(request.SubscriptionId);
        var prorationDate = DateTimeOffset.UtcNow;
        var preview = await billing.PreviewInvoiceAsync(request.CustomerId, request.SubscriptionId, new SubscriptionUpdate(request.TargetPriceId, "always_invoice", prorationDate));
        var quote = new UpgradeQuote(subscription.Id, subscription.Items[0].Price.Id, request.TargetPriceId, preview.AmountDue, preview.Currency, prorationDate, request.TargetPriceId.Contains("4k") ? 4 : 2);

        logger.LogInformation("Quote {Quote}", quote); // clean logging-objects
        foreach (var line in preview.Lines.Where(l => l.Proration))
        {
            activity?.AddEvent(new ActivityEvent("proration.line", tags: new ActivityTagsCollection { ["price"] = line.PriceId, ["amount"] = line.Amount, ["from"] = line.PeriodStart.ToString("O") })); // clean precision-about
        }
        return quote;
    }

    internal static async Task<ActionResult> UpgradeAsync(UpgradeRequest request, BillboxClient billing, ILogger<UpgradeRequest> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
    {
        using var span = source.StartStreamsubRenewal(request.TargetPriceId)
            .SetStreamsubCustomerId(pseudonymizer.PseudonymizeStreamsubCustomerId(request.CustomerId)); // clean precision-pseudonym

        if (request.ExtraMemberEmail is { } invitee)
        {
            logger.LogInformation("Extra member slot for {InviteeDomain}", invitee.Split('@')[^1]); // clean precision-about
            span.SetStreamsubNote("extra member invited: " + invitee); // leak TC1001 generated-api
            Activity.Current?.SetBaggage("invitee", invitee); // leak TC1001 direct
        }

        try
        {
            var customer = await billing.GetCustomerAsync(request.CustomerId);
            if (customer.DefaultPaymentMethodId is null)
            {
                span.SetStreamsubOutcome("no_payment_method");
                return new BadRequestResult("payment_method_required");
            }
            var updated = await billing.UpdateSubscriptionAsync(request.SubscriptionId, new SubscriptionUpdate(request.TargetPriceId, "always_invoice", DateTimeOffset.UtcNow));
            span.SetStreamsubSubscriptionStatus(updated.Status).SetStreamsubOutcome("upgraded"); // clean generated-api
            meter.CreateStreamsubRenewalsCounter().Add(1, request.TargetPriceId, "upgraded"); // clean generated-api
            return new OkResult(updated.Id);
        }
        catch (CardException ex)
        {
            span.RecordException(ex, includeMessage: true).SetStreamsubOutcome("declined"); // clean exceptions
            logger.LogWarning("Upgrade payment declined: {DeclineCode} on charge {ChargeId}", ex.DeclineCode, ex.ChargeId); // clean precision-about
            return new BadRequestResult(ex.DeclineCode);
        }
        catch (InvalidRequestException ex)
        {
            logger.LogError(ex, "Upgrade of {SubscriptionId} refused", request.SubscriptionId); // leak TC1001 exceptions
            return new BadRequestResult(ex.Param);
        }
    }
}
