namespace PrivacyHoldout153.Retail;

/// <summary>Minimal APIs for prescriptions waiting to be collected in store: the counter's lookup and the nightly uncollected list.</summary>
public static class ClickAndCollectEndpoints
{
    private static readonly ActivitySource Source = new("HighStreet.Shop.Collect");
    private static readonly Meter Meter = new("HighStreet.Shop.Collect");
    private static readonly UpDownCounter<int> Waiting = Meter.CreateUpDownCounter<int>("shop.collect.waiting");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapGet("/collect/{orderId}", LookupAsync);
        routes.MapGet("/collect/stores/{store}/uncollected", UncollectedAsync);
    }

    public static async Task<ActionResult> LookupAsync(string orderId, string surnameTyped, ICollectionStore orders, Pseudonymizer pseudonymizer, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("ClickAndCollect");
        using var span = Source.StartPharmacyshopOperation("counter");
        Activity.Current?.SetTag("shop.order.id", orderId); // clean precision-names
        var order = await orders.FindAsync(orderId, cancellationToken);
        if (order is null)
        {
            logger.LogInformation("No collection order {OrderId}", orderId); // clean precision-names
            return new NotFoundResult(orderId);
        }

        var matches = string.Equals(order.Surname, surnameTyped, StringComparison.OrdinalIgnoreCase);
        Activity.Current?.SetTag("shop.collect.surname_matches", matches); // clean precision-about
        if (!matches)
        {
            logger.LogWarning("Surname check failed: typed {Typed}, expected {Expected}", surnameTyped, order.Surname); // leak TC1001 direct
        }

        span.SetPharmacyshopItemCount(order.Bags); // clean precision-about
        span.SetPharmacyshopNote($"Collected {order.OrderId} at {order.Store}"); // clean generated-api
        span.SetPharmacyshopNote($"Collected by NHS {order.NhsNumber}"); // leak TC1001 generated-api
        Meter.CreatePharmacyshopCollectDurationHistogram().Record(7200, order.Store); // clean generated-api
        Waiting.Add(-1, new KeyValuePair<string, object?>("shop.store", order.Store)); // clean precision-about
        return new OkResult(order.Bags);
    }

    public static async Task<ActionResult> UncollectedAsync(string store, ICollectionStore orders, Pseudonymizer pseudonymizer, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("ClickAndCollect");
        var uncollected = await orders.UncollectedAsync(store, cancellationToken);
        logger.LogInformation("{Store}: {Count} uncollected", store, uncollected.Count); // clean precision-about
        logger.LogInformation("{Store}: uncollected {Orders}", store, uncollected); // leak TC1001 logging-objects
        logger.LogInformation("{Store}: uncollected order ids {OrderIds}", store, uncollected.Select(o => o.OrderId).ToArray()); // clean precision-names
        foreach (var order in uncollected)
        {
            Activity.Current?.AddEvent(new ActivityEvent("shop.collect.uncollected", tags: new ActivityTagsCollection { ["patient"] = pseudonymizer.ComputeDentalPatientId(order.NhsNumber) })); // clean precision-pseudonym
            Meter.CreatePharmacyshopOrdersCounter().Add(1, store, pharmacyshopOutcome: $"uncollected-{order.Surname}"); // leak TC1003 generated-api
        }
        return new OkResult(uncollected.Count);
    }
}
