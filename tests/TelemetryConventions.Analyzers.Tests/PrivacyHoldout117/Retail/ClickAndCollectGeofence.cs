namespace PrivacyHoldout117.Retail;

/// <summary>A customer on the way to collect: the app shares their position once they tap "I'm on my way".</summary>
public sealed record CollectionTrip(string OrderId, string CustomerNumber, string CustomerEmail, string? CarRegistration, string StoreId, string Bay);

/// <summary>
/// Click-and-collect arrival: the store's fence (its car park) raises an arrival so that a
/// colleague brings the order to the bay. The customer's phone and car are theirs.
/// </summary>
public sealed class ClickAndCollectGeofence(
    IGeofenceEngine fences,
    ILogger<ClickAndCollectGeofence> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Histogram<double> _waitSeconds = meter.CreateHistogram<double>("vanfleet.collect.wait", "s");
    private readonly Dictionary<string, CollectionTrip> _inbound = new();

    public void OnTripStarted(CollectionTrip trip) => _inbound[trip.OrderId] = trip;

    public void OnPosition(string orderId, GeoPoint position, DateTimeOffset at)
    {
        var trip = _inbound[orderId];
        foreach (var transition in fences.Evaluate(orderId, position, at))
        {
            using var span = source.StartVanfleetIngest($"stores/{trip.StoreId}/arrivals"); // clean strings
            span.SetVanfleetGeofenceId(transition.FenceId).SetVanfleetStore(trip.StoreId); // clean generated-api
            span.Activity?.SetTag("collect.bay", trip.Bay); // clean precision-names
            span.Activity?.SetTag("collect.transition", transition); // leak TC1001 logging-objects
            span.Activity?.SetTag("collect.car", trip.CarRegistration); // leak TC1001 cross-member
            span.Activity?.SetTag("collect.car.known", trip.CarRegistration is not null); // clean precision-about
            span.Activity?.SetTag("collect.email.domain", trip.CustomerEmail[(trip.CustomerEmail.IndexOf('@') + 1)..]); // clean precision-about
            span.Activity?.SetTag(VanfleetAttributes.CustomerContact, trip.CustomerEmail); // leak TC1001 generated-api
            span.SetVanfleetCustomerId(pseudonymizer.PseudonymizeVanfleetCustomerId(trip.CustomerNumber)); // clean precision-pseudonym
            logger.LogInformation("Customer arriving for {@Trip}", trip); // leak TC1001 logging-objects
            logger.LogInformation("Order {Order} arriving at bay {Bay}", trip.OrderId, trip.Bay); // clean precision-names
        }
    }

    public void OnCollected(string orderId, TimeSpan wait)
    {
        var trip = _inbound[orderId];
        _inbound.Remove(orderId);
        _waitSeconds.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("store", trip.StoreId)); // clean precision-names
        Baggage.SetBaggage("collect.customer", trip.CustomerNumber); // leak TC1001 cross-member
        Baggage.SetBaggage("collect.order", trip.OrderId); // clean precision-names
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(trip.CustomerEmail));
        Activity.Current?.SetTag("collect.customer.token", token); // leak TC1001 hashes
        logger.LogInformation("Collected; {Pending} trips still inbound: {Orders}", _inbound.Count, string.Join(",", _inbound.Keys)); // clean cross-member
    }
}
