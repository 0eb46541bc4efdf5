using System;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using PrivacyHoldout50.Telemetry;

namespace PrivacyHoldout50.Retail;

public sealed class LoyaltyCardBlockedException(string cardNumber)
    : Exception($"Loyalty card {cardNumber} is blocked after a reported loss.");

public sealed class OutOfStockException(string sku, string storeId, int requested)
    : Exception($"Only part of {requested} x {sku} is in stock at store {storeId}.")
{
    public string Sku { get; } = sku;
}

/// <summary>
/// The shop's global MVC exception filter. The loyalty controller (<c>/loyalty/{cardNumber}/balance</c>)
/// throws <see cref="LoyaltyCardBlockedException"/>; the stock controller throws <see cref="OutOfStockException"/>.
/// </summary>
public sealed class ShopExceptionFilter(ILogger<ShopExceptionFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("exception.type", context.Exception.GetType().FullName); // clean exceptions
        switch (context.Exception)
        {
            case LoyaltyCardBlockedException blocked:
                logger.LogWarning("Loyalty request refused: {Reason}", blocked.Message); // leak TC1001 exceptions
                activity?.SetTag("loyalty.card_number", context.RouteData.Values["cardNumber"]); // leak TC1001 direct
                activity?.AddApiProblemWrittenEvent("urn:shop:problem:loyalty-blocked", apiProblemNote: blocked.Message); // leak TC1001 generated-api
                context.Result = new ObjectResult(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Card blocked" }) { StatusCode = StatusCodes.Status403Forbidden };
                context.ExceptionHandled = true;
                break;

            case OutOfStockException outOfStock:
                logger.LogInformation(outOfStock, "Stock short for {Sku}", outOfStock.Sku); // clean exceptions
                activity?.AddApiProblemWrittenEvent("urn:shop:problem:out-of-stock", apiProblemNote: outOfStock.Message); // clean generated-api
                context.Result = new ConflictObjectResult(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Out of stock", Detail = outOfStock.Message });
                context.ExceptionHandled = true;
                break;
        }
    }
}
