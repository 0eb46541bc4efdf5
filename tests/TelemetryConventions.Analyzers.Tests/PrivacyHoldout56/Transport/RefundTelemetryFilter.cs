using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Transport;

/// <summary><c>Reason</c> is one of the claim form's codes (<c>delay</c>, <c>overcharge</c>, <c>closed-station</c>).</summary>
public sealed record RefundClaim(string JourneyId, string CardNumber, string RiderEmail, string Reason, int AmountMinor);

public sealed record DelayClaim(string JourneyId, int DelayMinutes);

public sealed record RefundDecision(string ClaimId, string JourneyId, Guid RiderId, int AmountMinor);

/// <summary>Thrown by the refund service when a rule refuses a claim; names the journey and the rule.</summary>
public sealed class RefundRefusedException(string journeyId, string rule)
    : Exception($"Journey {journeyId} is not refundable under rule {rule}.")
{
    public string JourneyId { get; } = journeyId;
}

/// <summary>Thrown by the refund service for a claim on a blocked card.</summary>
public sealed class CardBlockedForRefundsException(string cardNumber)
    : Exception($"Refunds to card {cardNumber} are blocked.");

public interface IRefunds
{
    Task<RefundDecision> ClaimAsync(RefundClaim claim);

    Task<string> StatusAsync(string claimId);

    Task<RefundDecision> DelayRepayAsync(Guid riderId, DelayClaim claim);
}

[ApiController]
[Route("refunds")]
[ServiceFilter(typeof(RefundTelemetryFilter))]
public sealed class RefundsController(IRefunds refunds) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Claim([FromBody] RefundClaim claim) => Ok(await refunds.ClaimAsync(claim));

    [HttpGet("{claimId}")]
    public async Task<IActionResult> Status([FromRoute] string claimId) => Ok(await refunds.StatusAsync(claimId));

    [HttpPost("riders/{riderId}/delay-repay")]
    public async Task<IActionResult> DelayRepay([FromRoute] Guid riderId, [FromBody] DelayClaim claim) => Ok(await refunds.DelayRepayAsync(riderId, claim));
}

/// <summary>Traces the refund actions from their bound arguments.</summary>
public sealed class RefundTelemetryFilter(ILogger<RefundTelemetryFilter> logger, Pseudonymizer pseudonymizer, Meter meter) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var descriptor = context.ActionDescriptor as ControllerActionDescriptor;
        var operation = $"{descriptor?.ControllerName}.{descriptor?.ActionName}";
        var span = Activity.Current.EnrichFaresCall(operation); // clean generated-api
        foreach (var (name, value) in context.ActionArguments)
        {
            switch (value)
            {
                case RefundClaim claim:
                    span.SetFaresCardId(pseudonymizer.PseudonymizeFaresCardId(claim.CardNumber)).SetFaresJourneyId(claim.JourneyId); // clean precision-pseudonym
                    Activity.Current?.SetTag("refund.card_last4", claim.CardNumber[^4..]); // clean precision-about
                    Activity.Current?.SetTag("refund.rider_email", claim.RiderEmail); // leak TC1001 cross-member
                    break;
                case Guid riderId when name == "riderId":
                    span.SetFaresRiderId(pseudonymizer.PseudonymizeFaresRiderId(riderId.ToString())); // clean precision-pseudonym
                    break;
                default:
                    Activity.Current?.SetTag($"refund.arg.{name}", value); // clean cross-member
                    break;
            }
        }

        logger.LogDebug("Route values {RouteValues}", context.ActionDescriptor.RouteValues); // clean precision-names
        logger.LogInformation("{Operation} on {Path}", operation, context.HttpContext.Request.Path); // leak TC1001 cross-member

        var executed = await next();
        var outcome = executed.Exception switch
        {
            null => FaresOutcome.Ok,
            RefundRefusedException => FaresOutcome.Refused,
            _ => FaresOutcome.Failed,
        };
        span.SetFaresOutcome(outcome); // clean generated-api
        meter.CreateFaresCallsCounter().Add(1, operation, outcome); // clean generated-api

        switch (executed.Exception)
        {
            case RefundRefusedException refused:
                logger.LogFaresRefundDecidedEvent(refused.JourneyId, FaresOutcome.Refused, faresNote: refused.Message); // clean generated-api
                break;
            case { } error:
                logger.LogError(error, "{Operation} failed", operation); // leak TC1001 exceptions
                break;
            default:
                if (executed.Result is OkObjectResult { Value: RefundDecision decision })
                {
                    logger.LogFaresRefundDecidedEvent(decision.JourneyId, FaresOutcome.Ok, pseudonymizer.PseudonymizeFaresRiderId(decision.RiderId.ToString()), $"{decision.AmountMinor} minor units"); // clean generated-api
                    logger.LogInformation("Refund {ClaimId} paid to rider {RiderId}", decision.ClaimId, decision.RiderId); // leak TC1001 cross-member
                }

                break;
        }
    }
}
