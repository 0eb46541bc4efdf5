using Shop.V1;

namespace PrivacyHoldout112.Retail;

/// <summary>
/// Client interceptor on the checkout's orders client (it calls PlaceOrder only): times each call, counts it by
/// method and status, and logs what failed.
/// </summary>
public sealed class CheckoutCallInterceptor(ILogger<CheckoutCallInterceptor> logger) : Interceptor
{
    private static readonly Meter Meter = new("Shop.Checkout.Client");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("shop.client.calls");

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        var started = Stopwatch.GetTimestamp();
        return new AsyncUnaryCall<TResponse>(
            Observe(call.ResponseAsync),
            call.ResponseHeadersAsync,
            call.GetStatus,
            call.GetTrailers,
            call.Dispose);

        async Task<TResponse> Observe(Task<TResponse> response)
        {
            try
            {
                var result = await response;
                Calls.Add(1, new KeyValuePair<string, object?>("method", context.Method.Name), new KeyValuePair<string, object?>("status", "OK")); // clean precision-names
                return result;
            }
            catch (RpcException ex)
            {
                Calls.Add(1, new KeyValuePair<string, object?>("method", context.Method.Name), new KeyValuePair<string, object?>("status", ex.StatusCode.ToString())); // clean precision-names
                logger.LogWarning("{Method} failed after {Ms} ms for {Request}", context.Method.FullName, Stopwatch.GetElapsedTime(started).TotalMilliseconds, request); // leak TC1001 logging-objects
                throw;
            }
        }
    }
}

/// <summary>The checkout: places the basket as an order. The orders service refuses a customer on a payment hold with FailedPrecondition and an <c>x-customer-id</c> trailer.</summary>
public sealed class CheckoutOrdersClient(
    Orders.OrdersClient client,
    Pseudonymizer pseudonymizer,
    ILogger<CheckoutOrdersClient> logger)
{
    private static readonly ActivitySource Source = new("Shop.Checkout");

    public async Task<string?> PlaceAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartShoprpcCall(Orders.PlaceOrderMethod.FullName)
            .SetShoprpcCustomerId(pseudonymizer.PseudonymizeShoprpcCustomerId(request.CustomerId)); // clean precision-pseudonym
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(4));
        try
        {
            var reply = await client.PlaceOrderAsync(request, deadline: DateTime.UtcNow.AddSeconds(4), cancellationToken: timeout.Token);
            span.SetShoprpcOutcome("placed"); // clean precision-names
            logger.LogInformation("Placed {Order} with {Lines}", reply.OrderId, DescribeLines(request)); // clean cross-member
            return reply.OrderId;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            logger.LogWarning("Checkout refused, trailers {Trailers}", ex.Trailers); // leak TC1001 logging-objects
            logger.LogWarning("Checkout refused, trailer keys {Keys}", string.Join(",", ex.Trailers.Select(t => t.Key))); // clean strings
            Activity.Current?.SetTag("shop.hold.customer", ex.Trailers.GetValue("x-customer-id")); // leak TC1001 direct
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Cancelled)
        {
            span.SetShoprpcOutcome("timeout").RecordException(ex, includeMessage: true); // clean exceptions
            Activity.Current?.SetTag("shop.debug_exception", ex.Status.DebugException?.GetType().Name); // clean exceptions
            logger.LogWarning("Order for {Email} timed out", request.Email); // leak TC1001 direct
            logger.LogWarning("Basket {Basket} not placed", Describe(request)); // leak TC1001 cross-member
            return null;
        }
    }

    private static string Describe(PlaceOrderRequest request) => $"{request.CustomerId}@{request.StoreId} ({request.Lines.Count} lines)";

    private static string DescribeLines(PlaceOrderRequest request) => string.Join(",", request.Lines.Select(l => $"{l.Sku}x{l.Quantity}"));
}
