namespace PrivacyHoldout162.Retail;

internal static class OrderActivityExtensions
{
    public static Activity? TagOrderParty(this Activity? activity, string key, string? value) => activity?.SetTag($"order.party.{key}", value);
}

public sealed class DeliveryEtaNotifier(IMessenger messenger, ILogger<DeliveryEtaNotifier> logger)
{
    private static readonly ActivitySource Source = new("Takeaway.Eta");

    public async Task NotifyAsync(TakeawayOrder order, Customer customer, Rider rider, int minutes, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("takeaway.eta.notify");
        activity?.SetTag("eta.label", EtaLabel(order.RestaurantId, rider.Zone, minutes)); // clean strings
        activity?.SetTag("eta.route", RouteKey(order.RestaurantId, order.DeliveryPostcode)); // clean strings
        activity?.SetTag("eta.customer.phone.masked", Mask(customer.Phone)); // clean strings
        activity?.SetTag("eta.rider.label", $"{rider.Name} ({rider.Zone})"); // leak TC1001 strings
        activity.TagOrderParty("restaurant", order.RestaurantId); // clean precision-names
        activity.TagOrderParty("customer", customer.CustomerNumber); // leak TC1001 direct
        activity.TagOrderParty("rider", rider.RiderId); // leak TC1001 direct

        var text = Preview(customer.FirstName, rider.Name, minutes);
        logger.LogInformation("ETA text {Text}", text); // leak TC1001 strings
        logger.LogInformation("ETA text of {Length} characters for order {OrderId}", text.Length, order.OrderId); // clean precision-about
        logger.LogInformation("ETA sent for {Ticket}", Ticket(order)); // clean strings
        await messenger.TextAsync(customer.Phone, text, cancellationToken);
        activity?.AddEvent(new ActivityEvent("eta.sent", tags: new ActivityTagsCollection { ["eta.minutes"] = minutes, ["eta.zone"] = rider.Zone })); // clean precision-about
        activity?.AddEvent(new ActivityEvent("eta.sent.to", tags: new ActivityTagsCollection { ["eta.recipient"] = customer.Phone })); // leak TC1001 direct
    }

    private static string EtaLabel(string restaurantId, string zone, int minutes) => $"{restaurantId}->{zone} in {minutes}m";

    private static string RouteKey(string restaurantId, string postcode) => $"{restaurantId}:{postcode.Split(' ')[0]}";

    private static string Mask(string phone) => new string('*', Math.Max(0, phone.Length - 2)) + phone[^2..];

    private static string Preview(string firstName, string riderName, int minutes) => $"Hi {firstName}, {riderName} is {minutes} minutes away";

    private static string Ticket(TakeawayOrder order) => string.Create(CultureInfo.InvariantCulture, $"{order.OrderId}/{order.Items}/{order.Total:F2}");
}
