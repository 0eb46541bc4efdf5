using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Media;

/// <summary>A ticket order for a live show the platform streams and sells seats for; refund protection is an add-on.</summary>
public sealed record TicketOrder(string OrderId, Guid SubscriberId, string BuyerName, string BuyerEmail, string EventId, int Tickets, decimal Total, bool RefundProtection);

/// <summary>What the buyer submits: a reason from the form's list, an optional medical note and an explanation.</summary>
public sealed record RefundProtectionClaim(string OrderId, string ReasonCode, IFormFile? MedicalNote, string? Explanation);

public sealed record PartnerClaim(string OrderId, string BuyerName, string BuyerEmail, decimal Amount, string ReasonCode);

/// <summary>The partner's callback with its decision; <c>HandlerName</c> is the partner's claims handler.</summary>
public sealed record PartnerDecision(string PartnerReference, string OrderId, string Status, string HandlerName, string? DeclineReasonCode, decimal? Refunded);

public interface IRefundProtectionPartner
{
    Task<string> SubmitAsync(PartnerClaim claim, CancellationToken cancellationToken);
}

/// <summary>
/// The partner's 422 echoes the fields it rejected, e.g. "buyer_email 'jo@@example.org' is not a valid address";
/// the client throws it with that text.
/// </summary>
public sealed class PartnerValidationException(string message) : Exception(message);

/// <summary>The partner's 503: "Refund protection service unavailable". A fixed text.</summary>
public sealed class PartnerUnavailableException() : Exception("Refund protection service unavailable");

public static class RefundProtectionTelemetry
{
    public static void TagBuyer(this Activity? activity, string buyerEmail) =>
        activity?.SetTag("ticket.buyer", buyerEmail); // leak TC1001 direct

    /// <summary>The tags of the refunds histogram, built in one place so every caller agrees.</summary>
    public static TagList RefundTags(string eventId, string status, string? buyer = null)
    {
        var tags = new TagList { { "ticket.event", eventId }, { "refund.status", status } };
        if (buyer is not null)
        {
            tags.Add("ticket.buyer", buyer);
        }

        return tags;
    }
}

public sealed class TicketRefundProtectionService(
    IDocumentStore<TicketOrder> orders,
    IRefundProtectionPartner partner,
    IBlobContainer notes,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TicketRefundProtectionService> logger)
{
    private readonly Histogram<double> _refunds = meter.CreateHistogram<double>("ticket.refund_protection.refunded", "GBP");
    private readonly Counter<long> _decisionsPerBuyer = meter.CreateCounter<long>("ticket.refund_protection.decisions_per_buyer", "{decision}");

    public async Task<string?> ClaimAsync(RefundProtectionClaim claim, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("ticket.refund_protection.claim");
        var order = await orders.FindAsync(claim.OrderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        activity?.SetTag("ticket.order", order.OrderId);
        activity?.SetTag("ticket.tickets", order.Tickets);
        activity?.SetTag("refund.reason", claim.ReasonCode);
        if (!order.RefundProtection)
        {
            activity.TagBuyer(order.BuyerEmail); // leak TC1001 cross-member
            return null;
        }

        var span = new CoverClaimSpan(activity);
        span.SetCoverPolicyholderId(pseudonymizer.PseudonymizeCoverPolicyholderId(order.SubscriberId.ToString())); // clean precision-pseudonym
        if (claim.MedicalNote is { } note)
        {
            await using var content = note.OpenReadStream();
            var uri = await notes.UploadAsync($"refund-protection/{order.OrderId}/medical{System.IO.Path.GetExtension(note.FileName)}", content, cancellationToken);
            span.SetCoverEvidenceCount(1);
            span.SetCoverNote($"medical note {note.FileName} stored at {uri}"); // leak TC1001 generated-api
        }

        if (claim.Explanation is not null)
        {
            activity?.SetTag("refund.explanation_words", claim.Explanation.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        }

        try
        {
            var reference = await partner.SubmitAsync(new PartnerClaim(order.OrderId, order.BuyerName, order.BuyerEmail, order.Total, claim.ReasonCode), cancellationToken);
            span.SetCoverClaimId(reference);
            return reference;
        }
        catch (PartnerValidationException ex)
        {
            logger.LogWarning("Partner rejected the claim for order {OrderId}: {Problem}", order.OrderId, ex.Message); // leak TC1001 exceptions
            return null;
        }
        catch (PartnerUnavailableException ex)
        {
            span.RecordException(ex, "partner unavailable", includeMessage: true); // clean exceptions
            return null;
        }
    }

    /// <summary>The partner's webhook posts its decision here.</summary>
    public async Task OnDecisionAsync(PartnerDecision decision, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(decision.OrderId, cancellationToken);
        logger.LogInformation("Decision received {Decision}", decision); // leak TC1001 logging-objects
        logger.LogInformation("Decision {Status} on {PartnerReference} ({Decline})", decision.Status, decision.PartnerReference, decision.DeclineReasonCode); // clean logging-objects

        if (order is null)
        {
            return;
        }

        _refunds.Record((double)(decision.Refunded ?? 0m), RefundProtectionTelemetry.RefundTags(order.EventId, decision.Status)); // clean cross-member
        _decisionsPerBuyer.Add(1, RefundProtectionTelemetry.RefundTags(order.EventId, decision.Status, order.BuyerEmail)); // leak TC1003 cross-member
        meter.CreateCoverClaimsCounter().Add(1, "ticket", coverClaimStage: CoverClaimStage.Closed, coverOutcome: decision.DeclineReasonCode is null ? decision.Status : $"declined:{decision.DeclineReasonCode}"); // clean generated-api
        meter.CreateCoverPayoutAmountHistogram().Record((double)(decision.Refunded ?? 0m), "ticket", coverOutcome: $"{decision.Status} by {decision.HandlerName}"); // leak TC1003 generated-api
    }
}
