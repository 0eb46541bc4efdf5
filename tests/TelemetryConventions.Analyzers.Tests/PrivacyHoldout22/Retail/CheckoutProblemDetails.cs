using System;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout22.Telemetry;

namespace PrivacyHoldout22.Retail;

public sealed class CustomerNotFoundException(string email)
    : Exception($"No customer account uses {email}.");

public sealed class OutOfStockException(string sku, int requested, int available)
    : Exception($"SKU {sku}: {requested} requested, {available} available.")
{
    public string Sku { get; } = sku;
}

public sealed class LoyaltyCardBlockedException(string cardNumber)
    : Exception($"Loyalty card {cardNumber} is blocked.")
{
    public string LastFour { get; } = cardNumber[^4..];
}

/// <summary>
/// The shop API's problem details: AddProblemDetails with this customisation. The checkout endpoints
/// throw the three exceptions above; each reaches the customisation through the exception handler.
/// </summary>
public static class CheckoutProblemDetails
{
    public static void Configure(ProblemDetailsOptions options, ILogger logger)
    {
        options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var exception = context.Exception;
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString();

            var activity = context.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpActivityFeature>()?.Activity;
            activity?.SetTag("problem.status", problem.Status); // clean precision-about
            activity?.SetTag("problem.type", exception?.GetType().Name); // clean exceptions

            switch (exception)
            {
                case OutOfStockException stock:
                    problem.Detail = stock.Message;
                    activity?.SetTag("problem.detail", problem.Detail); // clean exceptions
                    activity?.SetTag("shop.sku", stock.Sku); // clean precision-names
                    break;
                case LoyaltyCardBlockedException blocked:
                    problem.Detail = $"Card ending {blocked.LastFour} is blocked.";
                    activity?.SetTag("problem.detail", problem.Detail); // clean precision-about
                    logger.LogWarning(blocked, "Blocked loyalty card used at checkout"); // leak TC1001 exceptions
                    break;
                case CustomerNotFoundException missing:
                    problem.Detail = missing.Message;
                    activity?.SetTag("problem.detail", problem.Detail); // leak TC1001 exceptions
                    break;
            }

            activity?.SetTag("problem.summary", $"{problem.Status} {problem.Title}: {exception?.Message}"); // leak TC1001 exceptions
        };
    }
}
