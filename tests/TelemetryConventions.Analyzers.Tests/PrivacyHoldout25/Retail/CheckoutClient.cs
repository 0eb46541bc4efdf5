using System;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout25.Retail;

/// <summary>Client interceptor of the checkout backend, on its <see cref="Orders.OrdersClient"/> only.</summary>
public sealed class OrderCallLoggingInterceptor(ILogger<OrderCallLoggingInterceptor> logger) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        logger.LogDebug("gRPC {Method} with {Request}", context.Method.FullName, request); // leak TC1001 logging-objects
        logger.LogDebug("gRPC {Method}, deadline {Deadline:o}", context.Method.FullName, context.Options.Deadline); // clean precision-names
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(LogFailureAsync(call.ResponseAsync, context.Method.Name), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private async Task<TResponse> LogFailureAsync<TResponse>(Task<TResponse> response, string method)
    {
        try
        {
            return await response;
        }
        catch (RpcException ex)
        {
            logger.LogWarning("{Method} failed with {StatusCode}: {Detail}", method, ex.StatusCode, ex.Status.Detail); // clean exceptions
            logger.LogDebug("{Method} trailers: {Trailers}", method, ex.Trailers); // leak TC1001 exceptions
            logger.LogDebug("{Method} returned {TrailerCount} trailers", method, ex.Trailers.Count); // clean exceptions
            throw;
        }
    }
}

public sealed class CheckoutClient(Orders.OrdersClient orders, ILogger<CheckoutClient> logger)
{
    public async Task<OrderConfirmation?> PlaceAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var call = orders.PlaceOrderAsync(request, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellationToken));
            return await call.ResponseAsync;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            logger.LogInformation("Checkout blocked, missing {Skus}", ex.Trailers.GetValue("x-missing-skus")); // clean direct
            logger.LogInformation("Checkout blocked for {Customer}", ex.Trailers.GetValue("x-customer-id")); // leak TC1001 cross-member
            return null;
        }
    }
}
