using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Retail;

public enum ReviewResolution
{
    Approved,
    Cancelled,
    CancelledAndBlocked,
    Escalated,
}

public sealed record ReviewDecision(string CaseId, ReviewResolution Resolution, string AnalystEmail, string? Note);

public sealed record HeldOrder(string OrderNumber, string CustomerNumber, string Email, string ShippingAddress, decimal Total, double Score);

public interface IHeldOrders
{
    Task<HeldOrder?> GetByCaseAsync(string caseId, CancellationToken cancellationToken = default);

    Task ReleaseAsync(string orderNumber, CancellationToken cancellationToken = default);

    Task CancelAsync(string orderNumber, CancellationToken cancellationToken = default);
}

/// <summary>
/// The fraud analysts' review desk: an analyst opens a held order, decides, and the desk releases or
/// cancels the order, adds the customer to the block list and escalates to the compliance team.
/// </summary>
[ApiController]
[Route("review-desk")]
public sealed class ManualReviewDesk(
    IReviewQueue queue,
    IHeldOrders orders,
    IListStore lists,
    Pseudonymizer pseudonymizer,
    ILogger<ManualReviewDesk> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Shop.ReviewDesk");

    private readonly Histogram<double> _timeToDecision = meter.CreateHistogram<double>("review_desk.time_to_decision", "h");

    // Workload per analyst, for the team lead's dashboard.
    private readonly Counter<long> _decisionsByAnalyst = meter.CreateCounter<long>("review_desk.decisions");

    [HttpPost("cases/{caseId}/decision")]
    public async Task<ActionResult> DecideAsync(string caseId, [FromBody] ReviewDecision decision, CancellationToken ct)
    {
        var reviewCase = await queue.GetAsync(caseId, ct);
        var order = await orders.GetByCaseAsync(caseId, ct);
        if (reviewCase is null || order is null)
        {
            return NotFound($"No open case {caseId}");
        }

        using var span = Source.StartAbuseReview(caseId).SetAbuseQueue(reviewCase.Queue);
        span.SetAbuseActorId(pseudonymizer.PseudonymizeAbuseActorId(order.CustomerNumber)); // clean precision-pseudonym
        using var scope = logger.BeginScope("Case {CaseId} order {OrderNumber}", caseId, order.OrderNumber); // clean logging-objects

        _timeToDecision.Record((DateTimeOffset.UtcNow - reviewCase.OpenedAt).TotalHours, new KeyValuePair<string, object?>("queue", reviewCase.Queue), new KeyValuePair<string, object?>("resolution", decision.Resolution.ToString())); // clean direct
        _decisionsByAnalyst.Add(1, new KeyValuePair<string, object?>("analyst", decision.AnalystEmail)); // leak TC1003 direct

        switch (decision.Resolution)
        {
            case ReviewResolution.Approved:
                await orders.ReleaseAsync(order.OrderNumber, ct);
                logger.LogInformation("Released after review, score was {Score:F2}", order.Score);
                logger.LogInformation("Analyst note on release: {Note}", decision.Note); // leak TC1001 direct
                break;
            case ReviewResolution.Cancelled:
            case ReviewResolution.CancelledAndBlocked:
                await orders.CancelAsync(order.OrderNumber, ct);
                if (decision.Resolution == ReviewResolution.CancelledAndBlocked)
                {
                    await lists.AddAsync(new ListEntry(Guid.NewGuid().ToString("N"), "checkout-blocklist", "email", order.Email.ToLowerInvariant(), decision.AnalystEmail, "review-desk", DateTimeOffset.UtcNow), ct);
                    logger.LogInformation("Customer {CustomerNumber} added to the block list", order.CustomerNumber); // leak TC1001 direct
                }

                break;
            case ReviewResolution.Escalated:
                span.AddAbuseCaseEscalatedEvent(caseId, abuseActorId: pseudonymizer.PseudonymizeAbuseActorId(order.CustomerNumber), abuseNote: decision.Note); // leak TC1001 generated-api
                logger.LogAbuseCaseEscalatedEvent(caseId, abuseNote: $"escalated from {reviewCase.Queue} after {(DateTimeOffset.UtcNow - reviewCase.OpenedAt).TotalHours:F0}h"); // clean generated-api
                break;
        }

        span.SetAbuseNote(decision.Resolution.ToString()); // clean generated-api
        logger.LogInformation("Decision {Decision}", decision); // leak TC1001 logging-objects
        logger.LogInformation("Held order {Order}", order with { Email = "(hidden)" }); // leak TC1001 logging-objects
        await queue.CloseAsync(caseId, decision.Resolution.ToString(), ct);
        return Ok();
    }
}
