namespace PrivacyHoldout198.Retail;

/// <summary>A retailer's in-store dental studios: hygienist bookings, private fees, whitening orders and payment plans.</summary>
[ApiController]
[Route("api/studios")]
public sealed partial class StoreDentalStudioController(
    PaymentPlanGateway payments,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<StoreDentalStudioController> logger,
    TelemetrySecrets secrets) : ControllerBase
{
    private readonly Counter<long> _bookings = meter.CreateCounter<long>("studio.bookings");

    private static void TagCustomer(Activity? activity, string customerNumber) =>
        activity?.SetTag("studio.customer.number", customerNumber); // leak TC1001 direct

    [HttpPost("{store}/bookings")]
    public ActionResult Book(string store, [FromBody] StoreDentalBooking booking)
    {
        var activity = Activity.Current;
        activity?.SetTag("studio.store", store); // clean precision-names
        activity?.SetTag("studio.booking.id", booking.BookingId); // clean precision-names
        activity?.SetTag("studio.treatment", booking.Treatment); // clean precision-names
        activity?.SetTag("studio.fee", (double)booking.Fee); // clean precision-about
        TagCustomer(activity, booking.CustomerNumber); // leak TC1001 cross-member
        activity?.SetTag("studio.customer.ref", pseudonymizer.PseudonymizeStoresmilePatientId(booking.CustomerNumber).Value); // clean precision-pseudonym
        activity?.SetTag("studio.loyalty.card", booking.LoyaltyCard); // leak TC1001 direct
        activity?.SetTag("studio.loyalty.card_last4", booking.LoyaltyCard[^4..]); // clean precision-about
        activity?.SetTag("studio.customer.email", booking.Email); // leak TC1001 direct
        _bookings.Add(1, new KeyValuePair<string, object?>("studio.store", store), new KeyValuePair<string, object?>("studio.treatment", booking.Treatment)); // clean precision-names
        _bookings.Add(1, new KeyValuePair<string, object?>("studio.loyalty_card", booking.LoyaltyCard)); // leak TC1003 direct
        logger.LogInformation("Booking {BookingId} for {Treatment} at {Store}", booking.BookingId, booking.Treatment, store); // clean precision-names
        logger.LogInformation("Booking {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Booking {@Booking}", booking with { CustomerName = "", Email = "", LoyaltyCard = "", CustomerNumber = "" }); // clean logging-objects
        logger.LogInformation("Booking for {CustomerName}", booking.CustomerName); // leak TC1001 direct
        logger.LogInformation("Customer tier {CustomerTier}, customer email template {CustomerEmailTemplate}", "gold", "studio-confirm"); // clean precision-names
        var confirmation = string.Concat("Confirmed ", booking.Treatment, " for ", booking.CustomerName, " at ", store);
        logger.LogDebug("{Confirmation}", confirmation); // leak TC1001 strings
        var receipt = $"{booking.BookingId}: {booking.Treatment} £{booking.Fee}";
        logger.LogDebug("{Receipt}", receipt); // clean strings
        var cardHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(booking.LoyaltyCard)));
        logger.LogInformation("Card hash {CardHash}", cardHash); // leak TC1002 hashes
        var cardShard = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(booking.LoyaltyCard))) % 64;
        logger.LogInformation("Card shard {CardShard}", cardShard); // clean hashes
        return Ok(booking.BookingId);
    }

    [HttpPost("{store}/whitening")]
    public ActionResult OrderWhitening(string store, [FromBody] WhiteningOrder order, string customerNumber)
    {
        using var span = source.StartStoresmileOperation(store);
        span.SetStoresmilePatientId(pseudonymizer.PseudonymizeStoresmilePatientId(customerNumber)); // clean generated-api
        span.SetStoresmileProcedure("whitening"); // clean generated-api
        span.SetStoresmileNote($"order {order.OrderId}: {order.Trays} trays shade {order.Shade}"); // clean generated-api
        span.SetStoresmileNote($"order {order.OrderId} for customer {customerNumber}"); // leak TC1001 generated-api
        logger.LogInformation("Whitening {@Order}", order); // clean logging-objects
        meter.CreateStoresmileOperationsCounter().Add(1, store, "ordered"); // clean generated-api
        meter.CreateStoresmileOperationsCounter().Add(1, store, pseudonymizer.PseudonymizeStoresmilePatientId(customerNumber).Value); // leak TC1003 precision-pseudonym
        return Ok(order.OrderId);
    }

    [HttpPost("{store}/payment-plans")]
    public async Task<ActionResult> OpenPlan(string store, [FromBody] PaymentPlan plan, string customerNumber)
    {
        var activity = source.StartActivity("studio.payment_plan.open");
        activity?.SetTag("studio.plan.id", plan.PlanId); // clean precision-names
        activity?.SetTag("studio.plan.monthly", (double)plan.Monthly); // clean precision-about
        activity?.SetTag("studio.plan.account_last2", plan.AccountNumber[^2..]); // clean precision-about
        activity?.SetTag("studio.plan.payer", plan.PayerName); // leak TC1001 direct
        try
        {
            await payments.OpenAsync(plan);
            return Ok(plan.PlanId);
        }
        catch (PaymentPlanDeclinedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"declined: {ex.Message}"); // leak TC1001 exceptions
            activity?.SetTag("studio.plan.declined", true); // clean exceptions
            logger.LogStoresmileOperationFailedEvent(store, "declined", storesmilePatientId: pseudonymizer.PseudonymizeStoresmilePatientId(customerNumber), storesmileNote: "finance partner declined"); // clean generated-api
            return BadRequest("declined");
        }
        catch (ChairUnavailableException ex)
        {
            logger.LogWarning(ex, "No chair at {Store}", store); // clean exceptions
            return BadRequest(ex.Message);
        }
        finally
        {
            meter.CreateStoresmileOperationDurationHistogram().Record(0.8, store); // clean generated-api
            activity?.Dispose();
        }
    }

    [HttpGet("customers")]
    public ActionResult FindCustomer(string email, IReadOnlyList<string> householdEmails)
    {
        var activity = Activity.Current;
        activity?.SetTag("studio.lookup.email", email); // leak TC1001 direct
        activity?.SetTag("studio.lookup.email_domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("studio.lookup.by", HttpContext.User.Email); // leak TC1001 direct
        activity?.SetTag("studio.lookup.signed_in", HttpContext.User.IsAuthenticated); // clean precision-about
        activity?.SetTag("studio.lookup.trace", HttpContext.TraceIdentifier); // clean precision-names
        logger.LogInformation("Household {Emails}", string.Join(";", householdEmails)); // leak TC1001 strings
        logger.LogInformation("Household of {HouseholdSize}", householdEmails.Count); // clean precision-about
        logger.LogInformation("Lookup {@Lookup}", new { Email = email, Store = "all" }); // leak TC1001 logging-objects
        return Ok();
    }
}
