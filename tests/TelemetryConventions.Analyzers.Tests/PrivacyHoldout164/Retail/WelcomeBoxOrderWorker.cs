namespace PrivacyHoldout164.Retail;

public sealed record WelcomeBoxOrder(Guid OrderId, string StudentNumber, string RecipientName, string Hall, string RoomNumber, string BoxType, string? ParentEmail, string? GiftMessage);

/// <summary>Parents and students order welcome boxes from the union store; the worker books them onto move-in day deliveries.</summary>
public sealed partial class WelcomeBoxOrderWorker(
    IQueueReceiver<WelcomeBoxOrder> orders,
    IHallsStore halls,
    Pseudonymizer pseudonymizer,
    ILogger<WelcomeBoxOrderWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("StudentsUnion.Store.WelcomeBoxes");
    private static readonly Meter Meter = new("StudentsUnion.Store.WelcomeBoxes");
    private static readonly Counter<long> Booked = Meter.CreateCounter<long>("welcomebox.booked");
    private readonly CampusstoreDurationHistogram _duration = Meter.CreateCampusstoreDurationHistogram();
    private readonly List<string> _parentEmails = new();
    private readonly Dictionary<string, int> _boxesByHall = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var order = await orders.ReceiveAsync(stoppingToken);
            if (order is not null)
            {
                await BookAsync(order, stoppingToken);
            }
        }
    }

    private async Task BookAsync(WelcomeBoxOrder order, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartCampusstoreOperation("store-su-main");
        span.SetCampusstoreProgramme(order.BoxType); // clean generated-api
        span.SetCampusstoreNote($"deliver to {order.Hall} room {order.RoomNumber}"); // clean generated-api
        span.SetCampusstoreNote($"deliver to {order.RecipientName}, {order.Hall} room {order.RoomNumber}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("welcomebox.order", order.OrderId); // clean precision-names
        Activity.Current?.SetTag("welcomebox.gift_message", order.GiftMessage); // leak TC1001 direct
        Activity.Current?.SetTag("welcomebox.has_gift_message", order.GiftMessage is not null); // clean precision-about

        if (order.ParentEmail is { } parentEmail)
        {
            _parentEmails.Add(parentEmail);
            LogParentOrder(logger, parentEmail, order.OrderId); // clean direct
            Activity.Current?.SetTag("welcomebox.parent_domain", parentEmail.Split('@')[^1]); // clean precision-about
        }

        var arrivals = await halls.ArrivalsAsync(order.Hall, new DateOnly(2026, 9, 19), cancellationToken);
        var allocation = arrivals.FirstOrDefault(a => a.StudentNumber == order.StudentNumber);
        if (allocation is null)
        {
            var ex = new StudentNotFoundException(order.StudentNumber);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return;
        }

        logger.LogInformation("Delivery booked for {Allocation}", allocation); // leak TC1001 logging-objects
        logger.LogInformation("Delivery booked for {Hall} on {MoveIn}", allocation.Hall, allocation.MoveIn); // clean logging-objects
        _boxesByHall[order.Hall] = _boxesByHall.GetValueOrDefault(order.Hall) + 1;
        Booked.Add(1, new KeyValuePair<string, object?>("hall", order.Hall), new KeyValuePair<string, object?>("box", order.BoxType)); // clean precision-names
        Booked.Add(1, new KeyValuePair<string, object?>("recipient", order.RecipientName)); // leak TC1003 direct
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "store-su-main"); // clean generated-api
        logger.LogDebug("Recipient {Recipient}", pseudonymizer.ComputeCampusstoreStudentId(order.StudentNumber)); // clean precision-pseudonym
    }

    public void Report()
    {
        logger.LogInformation("Parents who ordered: {Parents}", string.Join(";", _parentEmails)); // leak TC1001 cross-member
        logger.LogInformation("Boxes by hall: {Boxes}", _boxesByHall); // clean cross-member
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Order {OrderId} placed by parent {ParentEmail}")]
    private static partial void LogParentOrder(ILogger logger, [PrivateData] string parentEmail, Guid orderId);
}
