using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Retail;

public enum CancellationReason
{
    CoolingOff,
    ItemReturned,
    BetterPriceElsewhere,
    Other,
}

public sealed record PlanCancellation(
    string PolicyNumber,
    string CustomerNumber,
    string CardLastFour,
    CancellationReason Reason,
    string? ReasonText,
    decimal PremiumPaid,
    DateOnly StartedOn);

/// <summary>What the shop writes to its refund ledger; the customer number is replaced before it is logged.</summary>
public sealed record RefundEntry(string RefundId, string PolicyNumber, string CustomerNumber, decimal Amount, string CardLastFour);

/// <summary>Thrown when a plan was already cancelled; the message names the policy.</summary>
public sealed class PolicyAlreadyCancelledException(string policyNumber)
    : Exception($"Policy {policyNumber} is already cancelled");

public interface IPlanRefunds
{
    Task<string> RefundToCardAsync(string policyNumber, decimal amount, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/protection-plans/{policyNumber}/cancellation")]
public sealed class ProtectionPlanCancellationController(
    IPlanRefunds refunds,
    IClock clock,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ProtectionPlanCancellationController> logger) : ControllerBase
{
    private readonly Counter<long> _cancellations = meter.CreateCounter<long>("protection.cancellations", "{policy}");

    [HttpPost("")]
    public async Task<ActionResult> CancelAsync(string policyNumber, [FromBody] PlanCancellation cancellation, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.UtcNow.UtcDateTime);
        var withinCoolingOff = today.DayNumber - cancellation.StartedOn.DayNumber <= 14;
        var refund = withinCoolingOff ? cancellation.PremiumPaid : Math.Round(cancellation.PremiumPaid * 0.5m, 2);

        Activity.Current?.SetTag("protection.cancellation.reason", cancellation.Reason.ToString());
        Activity.Current?.SetTag("protection.cancellation.cooling_off", withinCoolingOff); // clean precision-about
        Activity.Current?.SetTag("protection.cancellation.card_last4", cancellation.CardLastFour); // clean precision-about
        Activity.Current?.SetTag("protection.cancellation.reason_text", cancellation.ReasonText); // leak TC1001 direct
        _cancellations.Add(1, new("reason", cancellation.Reason.ToString()), new("cooling_off", withinCoolingOff));

        string refundId;
        try
        {
            refundId = await refunds.RefundToCardAsync(policyNumber, refund, cancellationToken);
        }
        catch (PolicyAlreadyCancelledException ex)
        {
            logger.LogInformation(ex, "Duplicate cancellation"); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return BadRequest("This plan is already cancelled.");
        }

        var entry = new RefundEntry(refundId, policyNumber, cancellation.CustomerNumber, refund, cancellation.CardLastFour);
        logger.LogInformation("Refund written {Entry}", entry with { CustomerNumber = pseudonymizer.ComputeCoverPolicyholderId(cancellation.CustomerNumber) }); // leak TC1001 logging-objects
        logger.LogInformation("Refund {RefundId} of {Amount} to card ending {Last4}", refundId, refund, cancellation.CardLastFour); // clean logging-objects
        meter.CreateCoverPayoutAmountHistogram().Record((double)refund, "protection", coverOutcome: withinCoolingOff ? "refund:cooling-off" : "refund:pro-rata"); // clean generated-api
        return Ok(new { refundId, refund });
    }
}
