namespace PrivacyHoldout165.Education;

/// <summary>A county archive's reading room: readers order parish registers and census returns to a desk.</summary>
public sealed class ReadingRoomHandler(IReadingRoom room, Pseudonymizer pseudonymizer, ILogger<ReadingRoomHandler> logger)
{
    private static readonly ActivitySource Source = new("Archive.ReadingRoom");
    private static readonly Meter Meter = new("Archive.ReadingRoom");
    private static readonly Counter<long> Orders = Meter.CreateCounter<long>("readingroom.orders");

    public async Task<DocumentOrder?> OrderAsync(string ticketNumber, string documentReference, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("readingroom.order");
        activity?.SetTag("document.reference", documentReference); // clean precision-names
        activity?.SetBaggage("reader.ticket", ticketNumber); // leak TC1001 direct
        try
        {
            var ticket = await room.TicketAsync(ticketNumber, cancellationToken) ?? throw new TicketExpiredException(ticketNumber);
            activity?.SetTag("reader.postcode_area", new string(ticket.Postcode.TakeWhile(char.IsLetter).ToArray())); // clean precision-about
            activity?.SetTag("reader.postcode", ticket.Postcode); // leak TC1001 direct
            var order = await room.OrderAsync(ticketNumber, documentReference, cancellationToken);
            logger.LogInformation("Order {OrderId} to desk {Desk} from {Collection}", order.OrderId, order.Desk, order.Collection); // clean precision-names
            logger.LogInformation("Order placed {@Order}", order); // clean logging-objects
            Orders.Add(1, new KeyValuePair<string, object?>("collection", order.Collection)); // clean precision-about
            Orders.Add(1, new KeyValuePair<string, object?>("reader", pseudonymizer.ComputeFamhistStudentId(ticketNumber))); // leak TC1003 precision-pseudonym
            var label = $"{ticket.ReaderName} @ {order.Desk}";
            activity?.SetTag("desk.label", label); // leak TC1001 strings
            activity?.SetTag("desk.label_length", label.Length); // clean precision-about
            return order;
        }
        catch (TicketExpiredException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("Ticket expired: {Type}", ex.GetType().Name); // clean exceptions
            return null;
        }
        catch (DocumentClosedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Closed document {Reference}", documentReference); // clean exceptions
            return null;
        }
    }

    public void TagReader(Activity? activity, string key, string value) => activity?.SetTag(key, value);

    public void Annotate(Activity? activity, ReaderTicket ticket, DocumentOrder order)
    {
        TagReader(activity, "reader.email", ticket.Email); // leak TC1001 cross-member
        TagReader(activity, "order.desk", order.Desk); // clean cross-member
        TagReader(activity, "reader.name", ticket.ReaderName); // leak TC1001 cross-member
    }
}
