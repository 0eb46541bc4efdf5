namespace PrivacyHoldout84.Healthcare;

public sealed record ClinicMember(string MembershipNumber, string NhsNumber, string FullName, string HomeClinic, string Tier);

public interface IMembershipStore
{
    Task<ClinicMember?> FindByCustomerAsync(string customerId, CancellationToken ct = default);
}

/// <summary>Receives the billing provider's webhooks for the clinic group's membership plans.</summary>
[ApiController]
[Route("webhooks/billing")]
public sealed class MembershipWebhookController(
    ILogger<MembershipWebhookController> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IMembershipStore members,
    WebhookOptions options) : ControllerBase
{
    private readonly Counter<long> _received = meter.CreateCounter<long>("clinic.billing.webhooks.received");

    [HttpPost("")]
    public async Task<ActionResult> Receive([FromBody] string json)
    {
        var signature = HttpContext.RequestHeaders.TryGetValue("Billbox-Signature", out var header) ? header : string.Empty;
        WebhookEvent evt;
        try
        {
            evt = Webhooks.ConstructEvent(json, signature, options.SigningSecret);
        }
        catch (SignatureVerificationException ex)
        {
            logger.LogWarning(ex, "Rejected a billing webhook: {Reason}", ex.Message); // clean exceptions
            return BadRequest("signature");
        }

        var started = Stopwatch.GetTimestamp();
        using var span = source.StartClinicsubWebhook(evt.Type);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["BillingEventId"] = evt.Id, ["BillingEventType"] = evt.Type, ["ApiVersion"] = evt.ApiVersion }); // clean precision-about
        _received.Add(1, new KeyValuePair<string, object?>("event.type", evt.Type), new KeyValuePair<string, object?>("livemode", !evt.Id.StartsWith("evt_test", StringComparison.Ordinal))); // clean precision-about

        switch (evt.DataObject)
        {
            case Subscription subscription:
                await OnSubscriptionChangedAsync(subscription, span);
                break;
            case Invoice invoice:
                OnInvoiceEvent(evt, invoice);
                break;
            case Customer customer:
                OnCustomerUpdated(evt, customer);
                break;
            default:
                logger.LogDebug("Ignored {EventType}: {Payload}", evt.Type, evt.RawJson); // leak TC1001 direct
                break;
        }

        meter.CreateClinicsubWebhookDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, evt.Type, clinicsubOutcome: "handled"); // clean generated-api
        return Ok();
    }

    private async Task OnSubscriptionChangedAsync(Subscription subscription, ClinicsubWebhookSpan span)
    {
        var price = subscription.Items[0].Price;
        span.SetClinicsubPlanId(price.Id).SetClinicsubSubscriptionStatus(subscription.Status); // clean generated-api
        span.SetClinicsubCustomerId(pseudonymizer.PseudonymizeClinicsubCustomerId(subscription.CustomerId)); // clean precision-pseudonym

        var member = await members.FindByCustomerAsync(subscription.CustomerId);
        if (member is null)
        {
            logger.LogWarning("No clinic member for billing customer {CustomerId}", subscription.CustomerId); // leak TC1001 direct
            return;
        }

        Activity.Current?.SetTag("clinic.member.tier", member.Tier); // clean precision-names
        if (subscription.Status == "trialing")
        {
            span.SetClinicsubNote($"trial for {member.FullName} at {member.HomeClinic}"); // leak TC1001 generated-api
        }
        Activity.Current?.SetTag("clinic.member.number", member.MembershipNumber); // leak TC1001 direct
        logger.LogInformation("Subscription {SubscriptionId} on {PriceId} is {Status} until {PeriodEnd:O}", subscription.Id, price.Id, subscription.Status, subscription.CurrentPeriodEnd); // clean precision-about

        if (subscription.CancellationDetails is { } details)
        {
            logger.LogInformation("Membership cancelled at period end: {Reason}/{Feedback}", details.Reason, details.Feedback); // clean precision-about
            logger.LogInformation("Cancellation details {Details}", details); // leak TC1001 logging-objects
        }

        // The portal writes membership_number and home_clinic into every subscription's metadata.
        foreach (var (key, value) in subscription.Metadata)
        {
            Activity.Current?.AddEvent(new ActivityEvent("metadata", tags: new ActivityTagsCollection { [key] = value })); // leak TC1001 cross-member
        }
    }

    private void OnInvoiceEvent(WebhookEvent evt, Invoice invoice)
    {
        Activity.Current?.SetTag("billbox.invoice.number", invoice.Number);
        if (evt.Type == "invoice.payment_failed")
        {
            logger.LogWarning("Invoice {InvoiceId} failed attempt {Attempt}; next attempt {Next:O}", invoice.Id, invoice.AttemptCount, invoice.NextPaymentAttempt); // clean precision-about
            logger.LogWarning("Failed invoice {Invoice}", invoice); // leak TC1001 logging-objects
        }
    }

    private void OnCustomerUpdated(WebhookEvent evt, Customer customer)
    {
        logger.LogInformation("Customer updated: {Customer} (fields {Fields})", customer, string.Join(",", evt.PreviousAttributes.Keys)); // clean logging-objects
        if (evt.PreviousAttributes.TryGetValue("email", out var previous))
        {
            logger.LogInformation("Billing email changed from {Previous} to {Current}", previous, customer.Email); // leak TC1001 cross-member
        }
        Activity.Current?.SetTag("billbox.customer.has_tax_id", customer.TaxIds.Count > 0); // clean precision-about
        Activity.Current?.SetTag("billbox.customer.tax_id", customer.TaxIds.FirstOrDefault()?.Value); // leak TC1001 direct
    }
}
