using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout50.Retail;

/// <summary>The checkout form; the shop delivers to mainland Great Britain only.</summary>
public sealed class CheckoutRequest : IValidatableObject
{
    [Required, EmailAddress]
    public string Email { get; set; } = string.Empty;

    [Required, RegularExpression("^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$")]
    public string DeliveryPostcode { get; set; } = string.Empty;

    [RegularExpression("^63[0-9]{14}$")]
    public string? LoyaltyCardNumber { get; set; }

    [Required]
    public string PaymentMethodId { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var area = DeliveryPostcode.Split(' ')[0].TrimEnd("0123456789".ToCharArray());
        if (area is "BT" or "GY" or "JE" or "IM" or "HS" or "ZE")
        {
            yield return new ValidationResult($"We cannot deliver to {DeliveryPostcode} yet.", new[] { nameof(DeliveryPostcode) });
        }
    }
}

[ApiController]
[Route("baskets/{basketId}/checkout")]
[ServiceFilter(typeof(CheckoutModelStateFilter))]
public sealed class CheckoutController : ControllerBase
{
    [HttpPost]
    public Task<IActionResult> Checkout([FromRoute] string basketId, [FromBody] CheckoutRequest request) =>
        Task.FromResult<IActionResult>(Ok(new { basketId }));
}

/// <summary>Logs why a checkout failed validation (the API's automatic 400 is switched off for it).</summary>
public sealed class CheckoutModelStateFilter(ILogger<CheckoutModelStateFilter> logger) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ModelState.IsValid)
        {
            return;
        }

        var fields = context.ModelState.Where(e => e.Value.Errors.Count > 0).Select(e => e.Key).ToArray();
        logger.LogDebug("Checkout attempt {@Checkout}", context.ActionArguments["request"]); // leak TC1001 logging-objects
        logger.LogInformation("Checkout rejected: {ErrorCount} errors in {Fields}", context.ModelState.ErrorCount, string.Join(",", fields)); // clean precision-names
        foreach (var (field, entry) in context.ModelState)
        {
            foreach (var error in entry.Errors)
            {
                logger.LogDebug("Checkout {Field}: {Message}", field, error.ErrorMessage); // leak TC1001 strings
                if (error.Exception is not null)
                {
                    logger.LogDebug("Checkout {Field} did not bind: {ExceptionType}", field, error.Exception.GetType().Name); // clean exceptions
                }
            }
        }

        var postcode = context.ModelState[nameof(CheckoutRequest.DeliveryPostcode)]?.AttemptedValue;
        Activity.Current?.SetTag("checkout.postcode.attempted", postcode); // leak TC1001 direct
        Activity.Current?.SetTag("checkout.postcode.district", postcode?.Split(' ')[0]); // clean precision-about
        var card = context.ModelState[nameof(CheckoutRequest.LoyaltyCardNumber)]?.AttemptedValue;
        Activity.Current?.SetTag("checkout.loyalty.length", card?.Length ?? 0); // clean precision-about
        context.Result = new BadRequestObjectResult(new ValidationProblemDetails(context.ModelState)); // clean strings
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
