using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Retail;

public sealed record PlaceOrderRequest(string Email, string Channel, List<OrderLineRequest> Lines, DeliveryAddress Delivery, string? LoyaltyCardNumber, string? VoucherCode);

/// <summary>The customer-service order search: by status and dates, or by the customer's email or postcode.</summary>
public sealed record OrderSearchQuery : PageRequest
{
    public string? Status { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Email { get; init; }

    public string? Postcode { get; init; }
}

public sealed record OrderSummaryDto(string OrderId, DateOnly PlacedOn, string Status, int Lines, decimal Total);

public interface IOrderSearch
{
    Task<PagedList<OrderSummaryDto>> SearchAsync(OrderSearchQuery query, CancellationToken cancellationToken);
}

public static class OrderSearchMapping
{
    // Teams register this once at start-up: the search's audit copy leaves the contact fields out.
    public static void Configure() =>
        TypeAdapterConfig<OrderSearchQuery, OrderSearchAudit>.NewConfig().Ignore(a => a.Email, a => a.Postcode);
}

public sealed record OrderSearchAudit(string? Status, DateOnly? From, DateOnly? To, string? Email, string? Postcode, int Page, int PageSize, string? SortBy);

[ApiController]
[Route("api/orders")]
public sealed class OrdersController(ISender sender, IOrderRepository orders, IOrderSearch search, Pseudonymizer pseudonymizer, ILogger<OrdersController> logger) : ControllerBase
{
    private string CustomerNumber => User.FindFirst("customer_number")!.Value;

    [HttpPost]
    public async Task<IActionResult> Place([FromBody] PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        logger.LogInformation("Placing order for customer {CustomerRef} via {Channel} with {LineCount} lines", pseudonymizer.ComputeOrdersCustomerId(CustomerNumber), request.Channel, request.Lines.Count); // clean precision-pseudonym
        logger.LogDebug("Order request {Request}", request); // leak TC1001 logging-objects

        var command = new PlaceOrderCommand(CustomerNumber, request.Email, request.Channel, request.Lines, request.Delivery, request.LoyaltyCardNumber, request.VoucherCode);
        var result = await sender.Send(command, cancellationToken);
        if (result.IsInvalid)
        {
            var problem = new ValidationProblemDetails(result.ValidationErrors.ToDictionary(e => e.Code, e => new[] { e.Description }));
            logger.LogWarning("Order validation problem {@Problem}", problem); // leak TC1001 logging-objects
            return ValidationProblem(problem);
        }

        if (!result.IsSuccess)
        {
            Activity.Current?.SetTag("orders.failure", result.Error.Code); // clean precision-names
            return Problem(result.Error.Description, 422, "Order not placed");
        }

        return CreatedAtAction(nameof(Get), new { orderId = result.Value!.OrderId }, result.Value);
    }

    [HttpGet("{orderId}")]
    public async Task<IActionResult> Get([FromRoute] string orderId, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(orderId, cancellationToken);
        if (order is null || order.CustomerNumber != CustomerNumber)
        {
            logger.LogInformation("Order {OrderId} not found for the signed-in customer", orderId); // clean direct
            return NotFound();
        }

        Activity.Current?.SetTag("orders.status", order.Status);
        logger.LogDebug("Serving {CacheKey} from the order cache", $"order:{orderId}:v{order.Lines.Count}"); // clean strings
        return Ok(order.Adapt<OrderSummaryDto>());
    }

    [HttpGet]
    public async Task<IActionResult> Search([FromQuery] OrderSearchQuery query, CancellationToken cancellationToken)
    {
        var audit = query.Adapt<OrderSearchAudit>();
        logger.LogInformation("Order search {@Search}", audit); // clean logging-objects
        Activity.Current?.SetTag("orders.search.by_contact", query.Email is not null || query.Postcode is not null); // clean precision-about
        if (query.Email is not null)
        {
            Activity.Current?.SetTag("orders.search.email_domain", query.Email.Split('@').Last()); // clean precision-about
        }

        logger.LogDebug("Forwarding search to {Url}", $"/internal/order-search?email={Uri.EscapeDataString(query.Email ?? string.Empty)}&page={query.Page}"); // leak TC1001 strings
        var page = await search.SearchAsync(query, cancellationToken);
        logger.LogInformation("Order search for {Email} returned {Count} orders", query.Email, page.TotalCount); // leak TC1001 direct
        Activity.Current?.SetTag("orders.search.sort", $"{query.SortBy ?? "placedOn"}:{(query.Descending ? "desc" : "asc")}"); // clean precision-names
        return Ok(page);
    }
}
