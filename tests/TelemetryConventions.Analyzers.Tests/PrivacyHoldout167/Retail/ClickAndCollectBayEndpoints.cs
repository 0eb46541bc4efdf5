namespace PrivacyHoldout167.Retail;

/// <summary>Minimal API: a customer arriving at a click-and-collect bay checks in with the bay number and their plate; a colleague brings the order out.</summary>
public static class ClickAndCollectBayEndpoints
{
    private static readonly ActivitySource Source = new("Retail.Collect");
    private static readonly Meter Meter = new("Retail.Collect");
    private static readonly Counter<long> Arrivals = Meter.CreateCounter<long>("collect.arrivals");

    public sealed record CheckIn(string OrderNumber, int Bay, string Vrm, string CustomerEmail, string Mobile, string StoreCode);

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/stores/{storeCode}/collect/check-in", CheckInAsync);

    public static Task<ActionResult> CheckInAsync(CheckIn checkIn, Pseudonymizer pseudonymizer, ILogger<CheckIn> logger)
    {
        using var span = Source.StartStoreparkOperation(checkIn.StoreCode);
        span.SetStoreparkVisitRef(checkIn.OrderNumber); // clean generated-api
        Activity.Current?.SetTag("collect.order", checkIn.OrderNumber); // clean precision-about
        Activity.Current?.SetTag("collect.bay", checkIn.Bay); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("collect.checked_in", tags: new ActivityTagsCollection { ["mobile"] = checkIn.Mobile })); // leak TC1001 direct
        Activity.Current?.SetTag("collect.email_template", "tpl-collect-ready"); // clean precision-names
        Activity.Current?.SetTag("collect.vrm", checkIn.Vrm); // leak TC1001 direct
        Activity.Current?.SetTag("collect.customer.email", checkIn.CustomerEmail.ToLowerInvariant()); // leak TC1001 direct
        Activity.Current?.SetTag("collect.customer.domain", checkIn.CustomerEmail[(checkIn.CustomerEmail.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetTag(StoreparkAttributes.Contact, checkIn.Mobile); // leak TC1001 generated-api
        using (logger.BeginScope("Order {Order} bay {Bay}", checkIn.OrderNumber, checkIn.Bay)) // clean precision-about
        {
            logger.LogInformation("Customer arrived: {CheckIn}", checkIn); // leak TC1001 logging-objects
            logger.LogInformation("Colleague paged for bay {Bay}, vehicle plate area {Area}", checkIn.Bay, Plates.Area(checkIn.Vrm)); // clean precision-about
            logger.LogInformation(string.Concat("Colleague paged for ", checkIn.Vrm, " in bay ", checkIn.Bay.ToString(CultureInfo.InvariantCulture))); // leak TC1001 strings
        }

        Arrivals.Add(1, new KeyValuePair<string, object?>("store", checkIn.StoreCode), new KeyValuePair<string, object?>("bay", checkIn.Bay)); // clean precision-about
        Arrivals.Add(1, new KeyValuePair<string, object?>("vrm", checkIn.Vrm)); // leak TC1003 direct
        return Task.FromResult<ActionResult>(new OkResult(checkIn.OrderNumber));
    }
}
