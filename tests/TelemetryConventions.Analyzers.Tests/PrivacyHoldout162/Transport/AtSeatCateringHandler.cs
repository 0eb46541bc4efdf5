namespace PrivacyHoldout162.Transport;

public sealed class AtSeatCateringHandler(IMessenger messenger, Pseudonymizer pseudonymizer, ILogger<AtSeatCateringHandler> logger)
{
    private static readonly ActivitySource Source = new("Train.Catering");

    public async Task HandleAsync(SeatOrder order, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("catering.seat.order");
        activity?.SetTag("catering.train", order.TrainId); // clean precision-names
        activity?.SetTag("catering.location", Location(order)); // clean strings
        activity?.SetTag("catering.items", order.Items); // clean precision-about
        activity?.SetTag("catering.passenger", order.PassengerName); // leak TC1001 direct
        activity?.SetTag("catering.passenger.email.domain", order.PassengerEmail.Split('@').Last()); // clean precision-about
        activity?.AddBaggage("catering.passenger", pseudonymizer.Compute("catering.passenger", order.PassengerEmail)); // clean precision-pseudonym
        activity?.AddBaggage("catering.passenger.email", order.PassengerEmail); // leak TC1001 direct
        using var scope = logger.BeginScope("Seat order {OrderId} in coach {Coach}", order.OrderId, order.Coach); // clean logging-objects
        logger.LogInformation("Seat order {Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Receipt line {Line}", ReceiptLine(order)); // leak TC1001 strings

        await messenger.EmailAsync(order.PassengerEmail, "tpl-seat-receipt", cancellationToken);
        activity?.AddEvent(new ActivityEvent("catering.receipt.sent")); // clean precision-about
    }

    private static string Location(SeatOrder order) => $"{order.TrainId}/{order.Coach}/{order.Seat}";

    private static string ReceiptLine(SeatOrder order) => $"{order.OrderId} {order.PassengerName} <{order.PassengerEmail}> x{order.Items}";
}
