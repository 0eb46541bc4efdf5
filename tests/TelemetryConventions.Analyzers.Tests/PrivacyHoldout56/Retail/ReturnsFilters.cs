using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Retail;

/// <summary>Logs the action's arguments, except the parameters listed in <see cref="Except"/>.</summary>
public sealed class LogArgumentsAttribute : ActionFilterAttribute
{
    public string[] Except { get; init; } = [];

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        var logger = (ILogger?)context.HttpContext.RequestServices.GetService(typeof(ILogger<LogArgumentsAttribute>));
        var shown = context.ActionArguments.Where(a => !Except.Contains(a.Key)).Select(a => $"{a.Key}={a.Value}");
        logger?.LogInformation("{Action} called with {Arguments}", context.ActionDescriptor.DisplayName, string.Join(", ", shown)); // clean strings
        logger?.LogDebug("{Action} left out {Hidden}", context.ActionDescriptor.DisplayName, Except); // clean precision-names
    }
}

[ApiController]
[Route("support/customers")]
public sealed class CustomerSupportController(ICustomerDirectory directory) : ControllerBase
{
    [HttpGet("orders/{orderId}")]
    [LogArguments]
    public async Task<IActionResult> TrackOrder([FromRoute] string orderId) => Ok(await directory.TrackAsync(orderId));

    [HttpGet("lookup")]
    [LogArguments(Except = ["email", "postcode"])]
    public async Task<IActionResult> Lookup(string email, string? postcode, bool includeClosed) => Ok(await directory.LookupAsync(email, postcode, includeClosed));
}

public interface ICustomerDirectory
{
    Task<OrderView?> TrackAsync(string orderId);

    Task<string?> LookupAsync(string email, string? postcode, bool includeClosed);
}

/// <summary><c>ReasonCode</c> comes from the return form's drop-down; <c>Comment</c> is what the customer typed.</summary>
public sealed record ReturnRequest(string OrderId, string Sku, string ReasonCode, string Comment, string CustomerEmail);

public sealed record ReturnLabel(string ReturnId, string Carrier);

public interface IReturns
{
    Task<ReturnLabel> OpenAsync(ReturnRequest request);
}

public static class ReturnEndpoints
{
    public static void MapReturns(this IEndpointRouteBuilder app, ILoggerFactory loggers, Pseudonymizer pseudonymizer)
    {
        var log = loggers.CreateLogger("Shop.Returns");
        app.MapPost("/returns", async (ReturnRequest request, IReturns returns) => Results.Ok(await returns.OpenAsync(request)))
            .AddEndpointFilter(async (context, next) =>
            {
                var request = context.GetArgument<ReturnRequest>(0);
                using var scope = log.BeginScope(new Dictionary<string, object?> { ["ContactRef"] = pseudonymizer.Compute("customer_email", request.CustomerEmail) }); // clean precision-pseudonym
                log.LogInformation("Return requested for order {OrderId}, reason {ReasonCode}", request.OrderId, request.ReasonCode); // clean cross-member
                log.LogDebug("Return request {Request}", context.Arguments[0]); // leak TC1001 logging-objects
                Activity.Current?.SetTag("return.comment", request.Comment); // leak TC1001 cross-member
                Activity.Current?.SetTag("return.comment.present", !string.IsNullOrWhiteSpace(request.Comment)); // clean precision-about
                log.LogStoreCommandAuditedEvent("open-return", storeOrderId: request.OrderId, storeNote: $"{request.ReasonCode}: {request.Comment}"); // leak TC1001 generated-api
                Activity.Current?.SetTag(StoreAttributes.CustomerEmail, request.CustomerEmail); // leak TC1001 generated-api
                return await next(context);
            });
    }
}
