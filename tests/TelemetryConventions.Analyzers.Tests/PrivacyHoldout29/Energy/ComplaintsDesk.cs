using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Helpdesk;
using PrivacyHoldout29.Support.Hosting;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Energy;

/// <summary>The custom fields of the complaints form in the helpdesk.</summary>
public static class ComplaintFields
{
    public const long AccountNumber = 360001;
    public const long ComplaintCategory = 360002;
    public const long VulnerableCustomer = 360003;
}

public static class ComplaintTelemetry
{
    /// <summary>Tags the span with the account a complaint is about.</summary>
    public static void TagComplaintAccount(this Activity? activity, string accountNumber) =>
        activity?.SetTag("complaint.account", accountNumber); // leak TC1001 direct

    public static void TagComplaintCategory(this Activity? activity, string category) =>
        activity?.SetTag("complaint.category", category);
}

/// <summary>Receives the helpdesk's ticket webhooks for the complaints brand: routing, macros and the eight-week deadline.</summary>
public sealed class ComplaintsDesk(IHelpdeskClient helpdesk, Pseudonymizer pseudonymizer, Meter meter, ILogger<ComplaintsDesk> logger)
{
    private readonly Counter<long> _routed = meter.CreateCounter<long>("complaints.routed");
    private readonly Histogram<double> _firstResponse = meter.CreateHistogram<double>("complaints.first_response", "h");

    public async Task HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var hook = JsonSerializer.Deserialize<TicketWebhook>(request.Body)!;
        var ticket = hook.Ticket;
        var activity = Activity.Current;
        activity?.SetTag("ticket.id", ticket.Id);
        activity?.SetTag("ticket.channel", ticket.Channel);
        activity?.SetTag("ticket.requester", ticket.RequesterId); // leak TC1001 direct

        var account = ticket.CustomFields.GetValueOrDefault(ComplaintFields.AccountNumber);
        var category = ticket.CustomFields.GetValueOrDefault(ComplaintFields.ComplaintCategory) ?? "uncategorised";
        activity.TagComplaintCategory(category); // clean cross-member
        if (account is not null)
        {
            activity.TagComplaintAccount(account); // leak TC1001 cross-member
            activity?.SetTag("complaint.account.ref", pseudonymizer.ComputeDsrSubjectId(account)); // clean precision-pseudonym
        }

        logger.LogInformation("Complaint ticket {TicketId} received: {Subject}", ticket.Id, ticket.Subject); // leak TC1001 direct
        if (hook.LatestComment is { Public: true } comment)
        {
            logger.LogDebug("Latest public comment on {TicketId}: {Length} chars, {Attachments} attachments", ticket.Id, comment.Body.Length, comment.AttachmentCount); // clean precision-about
        }

        var vulnerable = ticket.CustomFields.GetValueOrDefault(ComplaintFields.VulnerableCustomer) == "yes";
        var groupId = vulnerable ? 9001L : 9002L;
        await helpdesk.UpdateTicketAsync(ticket.Id, t => t.Tags.Add(vulnerable ? "psr" : "standard"), cancellationToken);
        _routed.Add(1, new("group", groupId), new("category", category), new("vulnerable", vulnerable)); // clean precision-about
        _routed.Add(1, new("group", groupId), new("requester", ticket.RequesterId)); // leak TC1003 direct
    }

    public async Task AssignAsync(long ticketId, long agentId, long macroId, CancellationToken cancellationToken)
    {
        var agent = await helpdesk.GetUserAsync(agentId, cancellationToken);
        var macro = await helpdesk.GetMacroAsync(macroId, cancellationToken);
        await helpdesk.ApplyMacroAsync(ticketId, macroId, cancellationToken);
        await helpdesk.UpdateTicketAsync(ticketId, _ => { }, cancellationToken);

        logger.LogInformation("Ticket {TicketId}: macro {MacroId} '{MacroTitle}' applied", ticketId, macro.Id, macro.Title); // clean precision-names
        logger.LogInformation("Ticket {TicketId} assigned to {AgentEmail}", ticketId, agent.Email); // leak TC1001 direct
        Activity.Current?.SetTag("ticket.assignee.role", agent.Role); // clean precision-names
    }

    public void FirstResponse(Ticket ticket, DateTimeOffset respondedAt)
    {
        var hours = (respondedAt - ticket.CreatedAt).TotalHours;
        _firstResponse.Record(hours, new KeyValuePair<string, object?>("priority", ticket.Priority), new KeyValuePair<string, object?>("channel", ticket.Channel));
        if (ticket.AssigneeId is { } assignee)
        {
            _firstResponse.Record(hours, new KeyValuePair<string, object?>("agent", assignee)); // leak TC1003 direct
        }
    }
}
