using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Retail;

public sealed record SupportTicket(Guid TicketId, string CustomerId, string CustomerEmail, string CustomerSegment, string Subject, string? Iban, string? CardholderName);

public sealed record RefundRequest(Guid OrderId, decimal Amount, string CustomerId, string Reason);

/// <summary>Minimal API of the support desk.</summary>
public static class CustomerSupportEndpoints
{
    private static readonly ActivitySource Source = new("Shop.Support");
    private static readonly Meter Meter = new("Shop.Support");
    private static readonly Counter<long> Tickets = Meter.CreateCounter<long>("shop.support.tickets");
    private static readonly Histogram<double> RefundAmount = Meter.CreateHistogram<double>("shop.refund.amount", "{EUR}");

    public static EndpointRoutes MapSupport(this EndpointRoutes routes)
    {
        routes.MapPost("/tickets", (SupportTicket ticket, ILogger<SupportTicket> logger, Pseudonymizer pseudonymizer) =>
        {
            using var activity = Source.StartActivity("support.ticket.create");
            activity?.SetTag("shop.customer.segment", ticket.CustomerSegment); // clean precision-names
            activity?.SetTag("shop.support.subject_length", ticket.Subject.Length); // clean precision-about
            activity?.SetTag("shop.support.iban_country", ticket.Iban?[..2]); // clean precision-about
            activity?.SetTag("shop.refund.iban", ticket.Iban); // leak TC1001 precision-names
            activity?.SetTag("shop.refund.cardholder", ticket.CardholderName); // leak TC1001 precision-names
            Tickets.Add(1, new TagList { { "shop.customer.segment", ticket.CustomerSegment } }); // clean precision-names
            Tickets.Add(1, new TagList { { "customer_email", ticket.CustomerEmail } }); // leak TC1003 direct

            var customer = pseudonymizer.Pseudonymize("shop.customer.id", ticket.CustomerId);
            logger.LogInformation("Ticket {TicketId} opened by {Customer}", ticket.TicketId, customer); // clean precision-pseudonym
            logger.LogInformation("Ticket {TicketId} opened by {Customer}", ticket.TicketId, ticket.CustomerEmail); // leak TC1001 direct
            return ticket.TicketId;
        });

        routes.MapPost("/refunds", (RefundRequest refund, ILogger<RefundRequest> logger) =>
        {
            RefundAmount.Record((double)refund.Amount, new KeyValuePair<string, object?>("shop.refund.reason", refund.Reason)); // clean direct
            logger.LogInformation("Refund {@Refund}", refund); // leak TC1001 logging-objects
            logger.LogInformation("Refund of {Amount} for order {OrderId}", refund.Amount, refund.OrderId); // clean precision-names
            return refund.OrderId;
        });

        return routes;
    }
}
