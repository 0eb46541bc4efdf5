namespace PrivacyHoldout175.Retail;

/// <summary>The retailer's box office: ticket orders for festivals and concerts, and the holder's tickets.</summary>
[ApiController]
[Route("api/box-office")]
public sealed partial class BoxOfficeController(
    ITicketStore tickets,
    ILogger<BoxOfficeController> logger,
    Pseudonymizer pseudonymizer,
    FestivalOptions options) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retail.BoxOffice");
    private static readonly Meter Meter = new("Retail.BoxOffice");
    private static readonly Counter<long> Orders = Meter.CreateCounter<long>("box_office.orders");
    private static readonly Histogram<double> Spend = Meter.CreateHistogram<double>("box_office.spend");

    [HttpGet("holders/{holderId}/tickets")]
    public async Task<ActionResult> Tickets(string holderId)
    {
        using var activity = Source.StartActivity("box-office.tickets");
        activity?.SetTag("customer.id", holderId); // leak TC1001 direct
        var holder = await tickets.FindHolderAsync(holderId);
        if (holder is null)
        {
            logger.LogWarning("No holder {HolderId}", holderId); // leak TC1001 direct
            return NotFound();
        }

        var profile = new HolderProfile { HolderId = holder.HolderId, Email = holder.Email, TicketsBought = 2 };
        logger.LogInformation("Profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Profile {@Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation("Holder has bought {Count} of {Max}", profile.TicketsBought, options.MaxTicketsPerHolder); // clean precision-about
        activity?.SetTag("customer.ticket_type", holder.TicketType); // clean precision-names
        activity?.SetTag("customer.name", holder.FullName); // leak TC1001 direct
        var customer = pseudonymizer.PseudonymizeBoxofficeHolderId(holderId);
        using var span = Source.StartBoxofficeOperation("o2-arena").SetBoxofficeHolderId(customer).SetBoxofficeItemCount(profile.TicketsBought); // clean generated-api
        Activity.Current?.SetTag(BoxofficeAttributes.Contact, holder.Mobile); // leak TC1001 generated-api
        HolderLookedUp(logger, customer); // clean precision-pseudonym
        return Ok(holder.TicketType);
    }

    [HttpPost("orders")]
    public async Task<ActionResult> Order([FromBody] Ticket ticket)
    {
        using var activity = Source.StartActivity("box-office.order");
        activity?.SetTag("ticket.id", ticket.TicketId); // clean precision-names
        activity?.SetTag("event.id", ticket.EventId); // clean precision-names
        activity?.SetTag("ticket.price", (double)ticket.Price); // clean precision-about
        logger.LogInformation("Order placed {Ticket}", ticket); // leak TC1001 logging-objects
        logger.LogInformation("Order placed for {TicketId} at gate {Gate}", ticket.TicketId, ticket.Gate); // clean precision-names
        Orders.Add(1, new KeyValuePair<string, object?>("ticket_type", ticket.TicketType), new KeyValuePair<string, object?>("gate", ticket.Gate)); // clean precision-names
        Orders.Add(1, new KeyValuePair<string, object?>("customer", ticket.HolderId)); // leak TC1003 direct
        Spend.Record((double)ticket.Price, new KeyValuePair<string, object?>("event", ticket.EventId)); // clean precision-names
        var existing = await tickets.FindTicketAsync(ticket.TicketId);
        if (existing is not null)
        {
            var ex = new TicketNotFoundException(ticket.TicketId);
            activity?.AddException(ex); // clean exceptions
        }

        var span = Source.StartBoxofficeOperation("o2-arena").SetBoxofficeOutcome("ordered");
        span.RecordException(new HolderBannedException(ticket.HolderId)); // clean exceptions
        span.Dispose();
        return Ok();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Looked up holder {Customer}")]
    private static partial void HolderLookedUp(ILogger logger, Pseudonym customer);
}
