namespace PrivacyHoldout92.Media;

/// <summary>
/// Transfers between fans and the face-value resale exchange: a transfer re-issues the ticket (a new barcode)
/// to the recipient's account; a resale lists it and re-issues it to the buyer.
/// </summary>
public sealed class TicketExchangeService(ITicketStore tickets, Pseudonymizer pseudonymizer, ILogger<TicketExchangeService> logger)
{
    private static readonly ActivitySource Source = new("Tickets.Exchange");
    private static readonly Meter Meter = new("Tickets.Exchange");
    private static readonly Counter<long> Transfers = Meter.CreateCounter<long>("boxoffice.transfers");
    private static readonly Histogram<double> Markups = Meter.CreateHistogram<double>("boxoffice.resale.markup");

    public async Task<bool> TransferAsync(TicketTransfer transfer, string recipientAccountId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ticket.transfer");
        activity?.SetTag("ticket.id", transfer.TicketId); // clean precision-names
        activity?.SetTag("ticket.transfer.id", transfer.TransferId);
        var ticket = await tickets.FindAsync(transfer.TicketId, cancellationToken);
        if (ticket is null)
        {
            return false;
        }
        try
        {
            await tickets.ReissueAsync(ticket, recipientAccountId, cancellationToken);
            logger.LogInformation("Transferred {Transfer}", transfer); // leak TC1001 logging-objects
            activity?.SetTag("ticket.transfer.from", pseudonymizer.ComputeBoxofficeCustomerId(transfer.FromAccountId)); // clean precision-pseudonym
            activity?.SetTag("ticket.transfer.to", transfer.ToEmail); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("ticket.reissued", tags: new ActivityTagsCollection { ["ticket.old_barcode"] = ticket.Barcode })); // leak TC1001 direct
            activity?.SetTag("ticket.seat", $"{ticket.Section}-{ticket.Row}-{ticket.Seat}"); // clean strings
            Transfers.Add(1, new KeyValuePair<string, object?>("ticket.event", ticket.EventId), new KeyValuePair<string, object?>("ticket.section", ticket.Section)); // clean precision-names
            return true;
        }
        catch (TransferRefusedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Transfers.Add(1, new KeyValuePair<string, object?>("ticket.refused", ex.Reason)); // clean exceptions
            logger.LogInformation("Transfer of {Ticket} refused: {Reason}", ex.TicketId, ex.Reason); // clean exceptions
            return false;
        }
    }

    public void Listed(ResaleListing listing)
    {
        using var activity = Source.StartActivity("ticket.resale.list");
        activity?.SetTag("resale.listing", listing.ListingId);
        activity?.SetTag("resale.markup", (double)(listing.AskingPrice / listing.FaceValue)); // clean precision-about
        Markups.Record((double)(listing.AskingPrice / listing.FaceValue), new KeyValuePair<string, object?>("ticket.event", listing.EventId)); // clean precision-names
        logger.LogInformation("Listing {Listing}", listing); // leak TC1001 logging-objects
        try
        {
            if (listing.AskingPrice > listing.FaceValue * 1.1m)
            {
                throw new PriceCapExceededException(listing.ListingId, listing.AskingPrice, listing.FaceValue * 1.1m);
            }
        }
        catch (PriceCapExceededException ex)
        {
            logger.LogWarning(ex, "Price cap"); // clean exceptions
        }
    }
}
