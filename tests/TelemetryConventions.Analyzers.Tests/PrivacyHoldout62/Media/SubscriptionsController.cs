using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;

namespace PrivacyHoldout62.Media;

public sealed record ChangePlanRequest(string Plan, string Reason, string? PromoCode);

public sealed record CancelRequest(string ReasonCode, string? Feedback);

[ApiController]
[Route("api/subscriptions/me")]
public sealed class SubscriptionsController(ISender sender, ILogger<SubscriptionsController> logger) : ControllerBase
{
    private Guid SubscriberId => Guid.Parse(User.FindFirst(ClaimTypes.NameIdentifier)!.Value);

    private string SubscriberEmail => User.FindFirst(ClaimTypes.Email)?.Value ?? string.Empty;

    [HttpPut("plan")]
    public async Task<IActionResult> ChangePlan([FromBody] ChangePlanRequest request, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("library.requested_plan", request.Plan); // clean direct
        Activity.Current?.SetTag("library.promo_used", request.PromoCode is not null); // clean precision-about
        try
        {
            var result = await sender.Send(new ChangePlanCommand(SubscriberId, request.Plan, request.Reason, request.PromoCode), cancellationToken);
            if (!result.IsSuccess)
            {
                logger.LogInformation("Plan change refused: {Code}", result.Error.Code); // clean precision-names
                return Problem(result.Error.Description, 409, "Plan change refused");
            }
            return Ok(result.Value);
        }
        catch (ValidationException ex)
        {
            logger.LogWarning(ex, "Plan change request invalid"); // clean exceptions
            logger.LogInformation("Invalid plan change by {Email}", SubscriberEmail); // leak TC1001 cross-member
            return BadRequest(ex.Errors.Select(e => new { e.PropertyName, e.ErrorMessage }));
        }
    }

    [HttpDelete]
    public async Task<IActionResult> Cancel([FromBody] CancelRequest request, CancellationToken cancellationToken)
    {
        logger.LogInformation("Cancellation requested by {Subscriber} with reason {ReasonCode}", User.FindFirst(ClaimTypes.Email)?.Value, request.ReasonCode); // leak TC1001 direct
        if (request.Feedback is { Length: > 0 } feedback)
        {
            Activity.Current?.SetTag("library.cancel.feedback_length", feedback.Length); // clean precision-about
            logger.LogInformation("Cancellation feedback: {Feedback}", feedback); // leak TC1001 direct
        }

        logger.LogInformation(string.Format("Cancelling subscription of {0}", SubscriberId)); // leak TC1001 strings
        var result = await sender.Send(new CancelSubscriptionCommand(SubscriberId, request.ReasonCode, request.Feedback), cancellationToken);
        return result.IsSuccess ? NoContent() : Problem(result.Error.Description, 409);
    }

    [HttpGet("watchlist")]
    public async Task<IActionResult> Watchlist([FromQuery] WatchlistQuery query, CancellationToken cancellationToken)
    {
        logger.LogDebug("Watchlist requested: genre {Genre}, sort {SortBy} {Direction}, page {Page}", query.Genre, query.SortBy, query.Descending ? "desc" : "asc", query.Page); // clean precision-names
        var page = await sender.Send(new GetWatchlistQuery(SubscriberId, query), cancellationToken);
        return Ok(page);
    }
}
