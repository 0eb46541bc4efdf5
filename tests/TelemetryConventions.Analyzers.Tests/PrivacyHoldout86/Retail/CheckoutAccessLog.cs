namespace PrivacyHoldout86.Retail;

/// <summary>
/// The checkout API's access log and error capture. Checkout bodies are
/// <c>{ "basketId", "customerEmail", "deliveryPostcode", "giftMessage" }</c>; the basket service throws
/// <see cref="GuestCheckoutException"/> quoting the email it could not match.
/// </summary>
public sealed partial class CheckoutAccessLog(ILogger<CheckoutAccessLog> logger, Pseudonymizer pseudonymizer, Meter meter) : IMiddleware
{
    private static readonly ActivitySource Source = new("Shop.Checkout.Access");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var correlationId = Correlation.IdOf(context);
        var route = PathNormalizer.Template(context);
        using var span = Source.StartShopaccessRequest(route, context.Request.Method); // clean generated-api
        span.SetShopaccessCorrelationId(correlationId); // clean precision-about
        span.SetShopaccessUaFamily(UserAgentFamily.Of(context.Request.Headers.UserAgent)); // clean precision-about

        try
        {
            await next(context);
            span.SetShopaccessStatus(context.Response.StatusCode); // clean generated-api
            span.SetShopaccessOutcome(context.Response.StatusCode >= 400 ? "client_error" : "ok"); // clean generated-api
        }
        catch (GuestCheckoutException ex)
        {
            span.SetShopaccessOutcome("guest_unmatched"); // clean generated-api
            span.SetShopaccessNote(ex.Message); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, nameof(GuestCheckoutException)); // clean exceptions
            logger.LogWarning(ex, "Guest checkout not matched for basket {Basket}", ex.BasketId); // leak TC1001 exceptions
            throw;
        }
        catch (StockReservationException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Stock reservation failed on {Route}", route); // clean exceptions
            throw;
        }
        finally
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            span.SetShopaccessDuration(elapsedMs); // clean generated-api
            meter.CreateShopaccessRequestDurationHistogram().Record(elapsedMs, route, shopaccessStatus: context.Response.StatusCode); // clean generated-api
        }
    }

    public async Task CaptureFailedCheckoutAsync(HttpContext context, CheckoutForm form)
    {
        var status = context.Response.StatusCode;
        var body = await context.Request.ReadBodyAsStringAsync();
        CheckoutFailed(logger, status, form.BasketId, body.Length); // clean precision-about
        CheckoutFailedWithForm(logger, status, form); // leak TC1001 logging-objects
        logger.LogInformation("Failed checkout had gift message: {HasGiftMessage}, delivery to {District}", !string.IsNullOrEmpty(form.GiftMessage), form.DeliveryPostcode.Split(' ')[0]); // clean precision-about
        logger.LogInformation("Failed checkout gift message {GiftMessage}", form.GiftMessage); // leak TC1001 direct
        Activity.Current?.SetTag("checkout.customer", pseudonymizer.PseudonymizeShopaccessCustomerId(form.CustomerEmail)); // clean precision-pseudonym
        Activity.Current?.SetTag(ShopaccessAttributes.CustomerEmail, form.CustomerEmail); // leak TC1001 generated-api
        meter.CreateShopaccessRequestsCounter().Add(1, "/checkout", status, shopaccessOutcome: form.CustomerEmail.Split('@')[1]); // clean precision-about
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Checkout failed with {Status} for basket {BasketId}, body {Length} characters")]
    private static partial void CheckoutFailed(ILogger logger, int status, string basketId, int length);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Checkout failed with {Status}: {Form}")]
    private static partial void CheckoutFailedWithForm(ILogger logger, int status, CheckoutForm form);
}

public sealed record CheckoutForm(string BasketId, string CustomerEmail, string DeliveryPostcode, string? GiftMessage);

public sealed class GuestCheckoutException(string basketId, string email)
    : InvalidOperationException($"No customer account matches {email} for basket {basketId}")
{
    public string BasketId { get; } = basketId;
}

public sealed class StockReservationException(string sku, int requested, int available)
    : InvalidOperationException($"Cannot reserve {requested} of {sku}: {available} available")
{
    public string Sku { get; } = sku;
}
