using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Media;

public sealed record TicketForm(string SubscriberEmail, string Category, string Subject, string Body, string? DeviceSerial, string AppVersion);

public sealed record TicketCreated(string TicketNumber, string Queue, TimeSpan FirstResponseTarget);

public interface ITicketDesk
{
    Task<TicketCreated> OpenAsync(TicketForm form, string? subscriberId, CancellationToken cancellationToken);
}

/// <summary>The help centre form: opens a support ticket for a viewer.</summary>
public sealed partial class SupportTicketsEndpoint(ITicketDesk desk, Pseudonymizer pseudonymizer, ILogger<SupportTicketsEndpoint> logger)
{
    public async Task<ActionResult> OpenAsync(TicketForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var subscriberId = user.FindFirstValue("sub");
        var activity = Activity.Current;
        activity?.SetTag("support.category", form.Category);
        activity?.SetTag("support.app_version", form.AppVersion);
        activity?.SetTag("support.signed_in", subscriberId is not null); // clean precision-about
        activity?.SetTag("support.subject_length", form.Subject.Length);
        activity?.SetTag("support.reply_to", form.SubscriberEmail); // leak TC1001 direct
        activity?.SetTag("support.email_matches_account", string.Equals(form.SubscriberEmail, user.FindFirstValue(ClaimTypes.Email), StringComparison.OrdinalIgnoreCase)); // clean precision-about

        if (subscriberId is not null)
        {
            activity?.SetTag(StreamAttributes.SubscriberId, pseudonymizer.PseudonymizeStreamSubscriberId(subscriberId)); // clean precision-pseudonym
        }

        var ticket = await desk.OpenAsync(form, subscriberId, cancellationToken);
        activity?.SetTag("support.ticket_number", ticket.TicketNumber); // clean precision-names
        activity?.SetTag("support.queue", ticket.Queue);
        TicketOpened(logger, ticket.TicketNumber, ticket.Queue, form.SubscriberEmail); // leak TC1001 direct
        TicketDevice(logger, ticket.TicketNumber, form.DeviceSerial ?? "none"); // leak TC1001 direct
        logger.LogInformation("Ticket {TicketNumber} details {@Form}", ticket.TicketNumber, form); // leak TC1001 logging-objects
        logger.LogInformation("Ticket {TicketNumber} for {Subscriber}", ticket.TicketNumber, subscriberId ?? form.SubscriberEmail); // leak TC1001 direct
        return new OkResult(ticket);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketNumber} opened in {Queue} for {Email}")]
    private static partial void TicketOpened(ILogger logger, string ticketNumber, string queue, string email);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ticket {TicketNumber} device {DeviceSerial}")]
    private static partial void TicketDevice(ILogger logger, string ticketNumber, string deviceSerial);
}
