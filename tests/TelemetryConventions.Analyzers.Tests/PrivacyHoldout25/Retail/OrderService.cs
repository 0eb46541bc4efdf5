using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Retail;

public interface IStock
{
    Task<IReadOnlyList<string>> MissingAsync(IEnumerable<OrderLine> lines, CancellationToken cancellationToken);
}

public interface IOrderStore
{
    Task<bool> SeenIdempotencyKeyAsync(string key, CancellationToken cancellationToken);

    Task<OrderConfirmation> PlaceAsync(PlaceOrderRequest request, CancellationToken cancellationToken);

    Task<OrderConfirmation?> FindAsync(string orderId, CancellationToken cancellationToken);

    IAsyncEnumerable<OrderConfirmation> ForCustomerAsync(string customerId, CancellationToken cancellationToken);
}

/// <summary>The shop's order service: gRPC for the checkout, JSON transcoding for the account pages.</summary>
public sealed class OrderService(IStock stock, IOrderStore orders, ILogger<OrderService> logger, Pseudonymizer pseudonymizer, Meter meter) : Orders.OrdersBase
{
    public override async Task<OrderConfirmation> PlaceOrder(PlaceOrderRequest request, ServerCallContext context)
    {
        logger.LogInformation("PlaceOrder {Request}", request); // leak TC1001 logging-objects
        Activity.Current?.SetTag("shop.order.request", JsonFormatter.Default.Format(request)); // leak TC1001 logging-objects

        var redacted = request.Clone();
        redacted.Email = string.Empty;
        redacted.LoyaltyCard = null;
        logger.LogDebug("PlaceOrder, contact removed: {Request}", redacted); // leak TC1001 logging-objects
        logger.LogInformation("PlaceOrder with {LineCount} lines, promo {Promo}, loyalty card {HasCard}", request.Lines.Count, request.PromoCode, request.LoyaltyCard is not null); // clean precision-about
        Activity.Current?.SetTag("shop.delivery.district", request.DeliveryPostcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("shop.loyalty.last4", request.LoyaltyCard?[^4..]); // clean precision-about
        if (request.LoyaltyCard is { } card)
        {
            Activity.Current?.SetTag("shop.loyalty.key", Convert.ToBase64String(Encoding.UTF8.GetBytes(card))); // leak TC1001 hashes
        }

        if (await orders.SeenIdempotencyKeyAsync(request.IdempotencyKey, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"An order was already placed with key {request.IdempotencyKey}")); // clean exceptions
        }

        var missing = await stock.MissingAsync(request.Lines, context.CancellationToken);
        if (missing.Count > 0)
        {
            var trailers = new Metadata { { "x-missing-skus", string.Join(",", missing) }, { "x-customer-id", request.CustomerId } };
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{missing.Count} items are out of stock"), trailers); // clean exceptions
        }

        var confirmation = await orders.PlaceAsync(request, context.CancellationToken);
        Activity.Current.EnrichGrpcCallHandle(context.Method).SetGrpcCallSubjectId(pseudonymizer.PseudonymizeGrpcCallSubjectId(request.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("shop.customer.email_md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.Email.Trim().ToLowerInvariant())))); // leak TC1002 hashes
        meter.CreateGrpcCallHandledCounter().Add(1, context.Method, nameof(StatusCode.OK), grpcCallOutcome: request.Email[(request.Email.IndexOf('@') + 1)..]); // clean precision-about
        meter.CreateGrpcCallHandledCounter().Add(1, context.Method, nameof(StatusCode.OK), grpcCallOutcome: pseudonymizer.ComputeGrpcCallSubjectId(request.CustomerId)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Order {OrderId} placed, total {Total}", confirmation.OrderId, confirmation.TotalPence); // clean direct
        return confirmation;
    }

    public override async Task<OrderConfirmation> GetOrder(GetOrderRequest request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        Activity.Current?.SetTag("shop.order.id", http.Request.RouteValues["order_id"]); // clean direct
        logger.LogInformation("{HttpMethod} {Path}", http.Request.Method, http.Request.Path); // clean strings
        return await orders.FindAsync(request.OrderId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Order {request.OrderId} not found")); // clean exceptions
    }

    public override async Task CustomerOrders(CustomerOrdersRequest request, IServerStreamWriter<OrderConfirmation> responseStream, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        logger.LogInformation("{HttpMethod} {Path}{Query}", http.Request.Method, http.Request.Path, http.Request.QueryString); // leak TC1001 strings
        Activity.Current?.SetTag("shop.customer", http.Request.RouteValues["customer_id"]); // leak TC1001 direct
        var sent = 0;
        await foreach (var order in orders.ForCustomerAsync(request.CustomerId, context.CancellationToken))
        {
            await responseStream.WriteAsync(order);
            sent++;
        }

        Activity.Current?.SetTag("shop.orders.returned", sent); // clean precision-about
    }
}
