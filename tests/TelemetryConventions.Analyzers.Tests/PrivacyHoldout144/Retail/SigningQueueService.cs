namespace PrivacyHoldout144.Retail;

/// <summary>
/// On a signing night the till issues numbered queue tickets; each carries the name the author should dedicate the
/// books to. The service tracks the queue and calls the next number to the table.
/// </summary>
public sealed partial class SigningQueueService(IEventBox box, Meter meter, ILogger<SigningQueueService> logger)
{
    private readonly Counter<long> _tickets = meter.CreateCounter<long>("bookevents.queue.tickets");
    private readonly List<SigningTicket> _issuedTonight = new();
    private string? _lastDedication;

    public async Task<SigningTicket> IssueAsync(string eventId, string dedicateTo, int books, string? loyaltyCard, CancellationToken cancellationToken)
    {
        var ticket = await box.IssueQueueTicketAsync(eventId, dedicateTo, books, loyaltyCard, cancellationToken);
        _issuedTonight.Add(ticket);
        _lastDedication = dedicateTo;

        Activity.Current?.SetTag("bookevents.queue.number", ticket.QueueNumber); // clean precision-about
        Activity.Current?.SetTag("bookevents.queue.books", ticket.Books); // clean precision-about
        Activity.Current?.SetTag("bookevents.dedication", dedicateTo); // leak TC1001 direct
        Activity.Current?.SetTag("bookevents.dedication.length", dedicateTo.Length); // clean precision-about
        logger.LogInformation("Queue ticket {QueueNumber} for {EventId}: sign to {DedicateTo}", ticket.QueueNumber, eventId, dedicateTo); // leak TC1001 direct
        LogQueueTicket(logger, ticket.QueueNumber, dedicateTo); // clean logging-objects

        if (loyaltyCard is not null)
        {
            _tickets.Add(1, new KeyValuePair<string, object?>("bookevents.loyalty_card", loyaltyCard)); // leak TC1003 direct
        }

        _tickets.Add(1, new KeyValuePair<string, object?>("bookevents.event", eventId)); // clean precision-names
        return ticket;
    }

    public async Task StatusAsync(string eventId, CancellationToken cancellationToken)
    {
        var status = await box.QueueAsync(eventId, cancellationToken);
        logger.LogInformation("Queue {Status}", status); // clean logging-objects
        Activity.Current?.SetTag("bookevents.queue.average_wait_s", status.AverageWait.TotalSeconds); // clean precision-about
    }

    public void CallNext()
    {
        var next = _issuedTonight.FirstOrDefault();
        if (next is not null)
        {
            _issuedTonight.RemoveAt(0);
            logger.LogInformation("Calling {Ticket} to the table", next); // leak TC1001 cross-member
        }
    }

    public void EndOfNight()
    {
        Activity.Current?.SetTag("bookevents.tickets_waiting", _issuedTonight.Count); // clean precision-about
        Activity.Current?.SetTag("bookevents.last_dedication", _lastDedication); // leak TC1001 cross-member
        logger.LogInformation("Still waiting at close: {Numbers}", string.Join(", ", _issuedTonight.Select(t => t.QueueNumber))); // clean cross-member
        logger.LogInformation("Dedications not signed: {Names}", string.Join(", ", _issuedTonight.Select(t => t.DedicateTo))); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Queue ticket {QueueNumber} dedicated to {DedicateTo}")]
    private static partial void LogQueueTicket(ILogger logger, int queueNumber, [PrivateData] string dedicateTo);
}
