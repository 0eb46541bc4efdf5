using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Helpdesk;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Transport;

/// <summary>Custom fields of the refund form. The web form fills card_ref with the card's pseudonym; agents taking a call type into it.</summary>
public static class RefundFields
{
    public const long CardRef = 460001;
    public const long Route = 460002;
    public const long ClaimPence = 460003;
}

public static class RefundMacros
{
    public const long ApproveRefund = 5501;
    public const long AskForStatement = 5502;
}

/// <summary>Works the refund queue of the rider helpdesk: picks a macro, assigns an agent, tracks the claim.</summary>
public sealed class RefundDesk(IHelpdeskClient helpdesk, Pseudonymizer pseudonymizer, Meter meter, ILogger<RefundDesk> logger)
{
    private static readonly ActivitySource Source = new("Transit.RefundDesk");
    private readonly Histogram<double> _claims = meter.CreateHistogram<double>("refunds.claim.amount", "GBP");

    public async Task TriageAsync(long ticketId, CancellationToken cancellationToken)
    {
        var ticket = await helpdesk.GetTicketAsync(ticketId, cancellationToken);
        using var span = Source.StartCrmSync("ticket");
        span.SetCrmSyncDirection("pull");
        span.SetCrmFieldCount(ticket.CustomFields.Count);

        var route = ticket.CustomFields.GetValueOrDefault(RefundFields.Route) ?? "unknown";
        var claim = decimal.Parse(ticket.CustomFields.GetValueOrDefault(RefundFields.ClaimPence) ?? "0", System.Globalization.CultureInfo.InvariantCulture) / 100m;
        _claims.Record((double)claim, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("channel", ticket.Channel)); // clean precision-about

        if (ticket.CustomFields.GetValueOrDefault(RefundFields.CardRef) is { } cardRef)
        {
            span.SetCrmContactId(Pseudonym.FromComputed(cardRef)); // leak TC1001 precision-pseudonym
        }

        var requester = await helpdesk.GetUserAsync(ticket.RequesterId, cancellationToken);
        span.SetCrmContactId(pseudonymizer.PseudonymizeCrmContactId(requester.Id.ToString())); // clean precision-pseudonym
        logger.LogInformation("Refund ticket {TicketId} from {Requester} on route {Route}", ticket.Id, requester.Name, route); // leak TC1001 direct
        logger.LogInformation("Refund ticket {TicketId}: {Tags}", ticket.Id, ticket.Tags); // clean precision-names

        var macro = claim > 20m ? RefundMacros.AskForStatement : RefundMacros.ApproveRefund;
        try
        {
            await helpdesk.ApplyMacroAsync(ticket.Id, macro, cancellationToken);
            span.SetCrmOutcome(macro == RefundMacros.ApproveRefund ? "approved" : "statement-requested");
        }
        catch (HelpdeskApiException ex)
        {
            span.SetCrmOutcome(ex.Message); // clean exceptions
            logger.LogWarning("Macro failed on {TicketId}: {Details}", ticket.Id, ex.Details); // leak TC1001 exceptions
        }
    }

    public async Task AssignAsync(Ticket ticket, HelpdeskUser agent, CancellationToken cancellationToken)
    {
        await helpdesk.UpdateTicketAsync(ticket.Id, _ => { }, cancellationToken);
        Activity.Current?.SetTag("refund.agent", agent.Email); // leak TC1001 direct
        Activity.Current?.SetTag("refund.agent.role", agent.Role); // clean precision-names
        Activity.Current?.SetTag("refund.group", ticket.GroupId); // clean precision-names
        logger.LogInformation("Refund {TicketId} assigned ({Priority}, {Status})", ticket.Id, ticket.Priority, ticket.Status);
    }
}
