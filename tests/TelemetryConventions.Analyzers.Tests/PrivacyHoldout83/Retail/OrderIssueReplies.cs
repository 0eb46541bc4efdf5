using System.Globalization;

namespace PrivacyHoldout83.Retail;

public sealed record OrderSummary(string OrderNumber, string CustomerNumber, string CustomerName, string DeliveryPostcode, decimal Total, string Carrier, string TrackingNumber);

/// <summary>
/// "Where is my order" and refund replies: the agent picks a macro (or accepts the agent-assist
/// suggestion), the service fills it with the order's details and posts it on the ticket.
/// </summary>
public sealed partial class OrderIssueReplies(
    HelpdeskClient helpdesk,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<OrderIssueReplies> logger)
{
    private static readonly Dictionary<string, Macro> Macros = new()
    {
        ["wismo"] = new("m-wismo-1", "Where is my order", "Hi {{first_name}}, order {{order}} is with {{carrier}}: {{tracking}}."),
        ["refund"] = new("m-refund-3", "Refund issued", "Hi {{first_name}}, we refunded {{total}} to your card ending {{last4}}."),
    };

    private readonly Counter<long> _macrosUsed = meter.CreateCounter<long>("shophelp.macros.used", "{use}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Macro {MacroId} applied to ticket {TicketId} by team {Team}")]
    private partial void LogMacroApplied(string macroId, long ticketId, string team);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Macro {MacroId} rendered for {CustomerName} at {Postcode}")]
    private partial void LogRendered(string macroId, string customerName, string postcode);

    public async Task ReplyAsync(Ticket ticket, OrderSummary order, string macroKey, string cardLastFour, string team, CancellationToken cancellationToken)
    {
        var macro = Macros[macroKey];
        using var span = source.StartShophelpTicket(ticket.Id.ToString(CultureInfo.InvariantCulture)); // clean precision-about
        span.SetShophelpRequesterId(pseudonymizer.PseudonymizeShophelpRequesterId(order.CustomerNumber)).SetShophelpAgentTeam(team); // clean precision-pseudonym
        Activity.Current?.SetTag("shophelp.order", order.OrderNumber); // clean precision-about
        Activity.Current?.SetTag("shophelp.carrier", order.Carrier);
        Activity.Current?.SetTag("shophelp.macro", macro.Id);

        var firstName = order.CustomerName.Split(' ')[0];
        var text = MacroRenderer.Render(macro, new Dictionary<string, string>
        {
            ["first_name"] = firstName,
            ["order"] = order.OrderNumber,
            ["carrier"] = order.Carrier,
            ["tracking"] = order.TrackingNumber,
            ["total"] = order.Total.ToString("C", CultureInfo.GetCultureInfo("en-GB")),
            ["last4"] = cardLastFour,
        });

        try
        {
            await helpdesk.AddCommentAsync(ticket.Id, text, isPublic: true, cancellationToken);
        }
        catch (HelpdeskApiException ex) when (ex.StatusCode == 422)
        {
            // The 422 body echoes the reply it refused: first name, order, tracking number.
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return;
        }
        LogMacroApplied(macro.Id, ticket.Id, team); // clean precision-about
        LogRendered(macro.Id, order.CustomerName, order.DeliveryPostcode); // leak TC1001 direct
        _macrosUsed.Add(1, new KeyValuePair<string, object?>("macro", macro.Id), new KeyValuePair<string, object?>("team", team)); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("shophelp.reply.posted", tags: new ActivityTagsCollection { ["text"] = text })); // leak TC1001 strings
        Activity.Current?.SetTag("shophelp.card.last4", cardLastFour); // clean precision-about
        Activity.Current?.SetTag("shophelp.first_name", firstName); // leak TC1001 direct
        logger.LogDebug("Order context {Order}", order); // leak TC1001 logging-objects
        logger.LogDebug("Order {OrderNumber} total {Total} to district {District}", order.OrderNumber, order.Total, order.DeliveryPostcode.Split(' ')[0]); // clean precision-about
    }

    public void OnRequesterUpdated(Requester requester, Requester previous)
    {
        var changed = new List<string>();
        if (requester.Email != previous.Email) changed.Add(nameof(Requester.Email));
        if (requester.Phone != previous.Phone) changed.Add(nameof(Requester.Phone));
        logger.LogInformation("Requester profile changed fields {Fields}", changed); // clean precision-names
        logger.LogInformation("Requester email changed from {Old} to {New}", previous.Email, requester.Email); // leak TC1001 direct
        Activity.Current?.SetTag("shophelp.requester.phone_present", requester.Phone is not null); // clean precision-names
        Activity.Current?.SetTag("shophelp.requester.external", requester.ExternalId); // leak TC1001 direct
    }

    public void OnTicketFieldsRead(Ticket ticket)
    {
        foreach (var (field, value) in ticket.CustomFields)
        {
            Activity.Current?.SetTag("shophelp.field." + field, value); // leak TC1001 cross-member
        }
        Activity.Current?.SetTag("shophelp.fields", string.Join(",", ticket.CustomFields.Keys)); // clean precision-names
        Activity.Current?.SetTag("shophelp.via", ticket.Via); // clean precision-about
        var customerTier = ticket.CustomField("customer_tier") ?? "standard";
        Activity.Current?.SetTag("shophelp.customer.tier", customerTier); // clean precision-names
        logger.LogInformation("Ticket {TicketId} by {Requester}", ticket.Id, ticket.Requester); // leak TC1001 logging-objects
        logger.LogInformation("Ticket {Ticket} read", ticket); // clean logging-objects
    }
}
