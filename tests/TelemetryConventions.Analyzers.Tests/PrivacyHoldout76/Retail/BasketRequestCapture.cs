namespace PrivacyHoldout76.Retail;

public sealed record BasketLine(string Sku, int Quantity);

public sealed record UpdateBasketRequest(Guid BasketId, string CustomerNumber, string DeliveryPostcode, IReadOnlyList<BasketLine> Lines, string? VoucherCode);

/// <summary>Thrown when two updates race on one basket: names the basket and the versions.</summary>
public sealed class BasketConflictException(Guid basketId, int expected, int actual)
    : Exception($"Basket {basketId} changed (expected v{expected}, found v{actual})");

/// <summary>Thrown by the delivery check: quotes the postcode it could not serve.</summary>
public sealed class PostcodeNotServedException(string postcode)
    : Exception($"No delivery slots for {postcode}");

/// <summary>
/// On an unhandled error in the basket API, dumps the request for diagnosis and captures it for
/// replay. Captures are tagged on the request's span so that the trace links to them. The route is
/// <c>PUT /api/baskets/{basketId}</c>; the body is the <see cref="UpdateBasketRequest"/> as JSON.
/// </summary>
public sealed class BasketErrorCapture(ICaptureStore store, Pseudonymizer pseudonymizer, ILogger<BasketErrorCapture> logger)
{
    public async Task OnErrorAsync(IncomingRequest incoming, UpdateBasketRequest request, Exception error, CancellationToken ct)
    {
        var activity = Activity.Current;
        switch (error)
        {
            case BasketConflictException conflict:
                logger.LogWarning(conflict, "Basket conflict"); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, conflict.Message); // clean exceptions
                return;
            case PostcodeNotServedException notServed:
                logger.LogWarning(notServed, "Delivery check failed"); // leak TC1001 exceptions
                activity?.SetTag("basket.postcode.district", request.DeliveryPostcode.Split(' ')[0]); // clean precision-about
                return;
        }

        logger.LogError(error, "Basket update failed: {Request}", DiagnosticDump.Of(request)); // leak TC1001 logging-objects
        logger.LogError(error, "Basket update failed: {Basket} with {Lines} lines", request.BasketId, request.Lines.Count); // clean precision-about
        logger.LogError("Failed basket request {Request}", request); // leak TC1001 logging-objects
        logger.LogError("Failed basket request {Request}", request with { CustomerNumber = pseudonymizer.ComputeShopopsCustomerId(request.CustomerNumber), DeliveryPostcode = request.DeliveryPostcode.Split(' ')[0] }); // clean logging-objects

        var captured = CapturedRequest.Of(incoming);
        await store.SaveAsync(captured, ct);
        activity?.SetTag("capture.id", captured.CaptureId);
        activity?.SetTag("capture", captured.ToString()); // leak TC1001 logging-objects
        activity?.SetTag("capture", CaptureRedactor.Default.Redact(captured, incoming.RouteTemplate).ToString()); // clean logging-objects
        activity?.AddEvent(new ActivityEvent("capture.body", tags: new ActivityTagsCollection { ["body"] = captured.Body })); // leak TC1001 direct
        activity?.SetTag("capture.voucher", request.VoucherCode); // clean precision-about
    }
}
