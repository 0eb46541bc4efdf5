namespace PrivacyHoldout179.Healthcare;

/// <summary>The hospital post room: parcels and specimens delivered to named staff.</summary>
public static partial class MainsDeliveryEndpoints
{
    private static readonly ActivitySource Source = new("Trust.PostRoom");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/post-room/deliveries", (Delivery delivery, ILogger<Delivery> logger, IHostNotifier notifier) =>
        {
            using var activity = Source.StartActivity("postroom.delivery.received");
            activity?.SetTag("postroom.parcel.id", delivery.ParcelId); // clean precision-names
            activity?.SetTag("postroom.carrier", delivery.Carrier); // clean precision-names
            activity?.SetTag("postroom.bay", delivery.Bay); // clean precision-names
            activity?.SetTag("postroom.recipient.staff_id", delivery.RecipientStaffId); // leak TC1001 direct
            activity?.SetTag("postroom.recipient.name_parts", delivery.RecipientName.Split(' ').Length); // clean precision-about
            Baggage.SetBaggage("postroom.recipient", delivery.RecipientStaffId); // leak TC1001 direct
            Baggage.SetBaggage("postroom.bay", delivery.Bay); // clean precision-names

            var notice = new HostNotification(delivery.RecipientStaffId, $"{delivery.RecipientStaffId}@nhs.net", delivery.RecipientName, $"Parcel {delivery.ParcelId} is in bay {delivery.Bay}");
            notifier.NotifyAsync(notice);
            logger.LogInformation("Recipient notified: {Notice}", notice); // leak TC1001 logging-objects
            logger.LogInformation("Recipient notified: {Message}", notice.Message); // clean precision-about
            var copy = notice with { HostEmail = "(withheld)", VisitorName = "(withheld)", HostStaffId = "(withheld)" };
            logger.LogInformation("Recipient notified: {Notice}", copy); // clean logging-objects
            LogDelivered(logger, delivery.RecipientName, delivery.ParcelId); // clean precision-names
            activity?.AddEvent(new ActivityEvent($"Delivered to {delivery.RecipientName}")); // leak TC1001 strings
            activity?.AddEvent(new ActivityEvent($"Delivered to bay {delivery.Bay}")); // clean strings
            return Task.FromResult<object>(delivery.ParcelId);
        });
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information, Message = "Parcel {ParcelId} delivered to {Recipient}")]
    private static partial void LogDelivered(ILogger logger, [PrivateData] string recipient, string parcelId);
}
