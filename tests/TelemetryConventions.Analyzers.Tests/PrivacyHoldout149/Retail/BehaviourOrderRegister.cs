namespace PrivacyHoldout149.Retail;

/// <summary>
/// The register of criminal behaviour orders that exclude named people from the retailer's stores:
/// stores' security staff check a face match against it, and breaches are reported to the police.
/// </summary>
public sealed class BehaviourOrderRegister(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BehaviourOrderRegister> logger)
{
    private static readonly ActivitySource Source = new("Retailer.Security.Orders");
    private static readonly Meter Meter = new("Retailer.Security.Orders");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("orders.checks", "{check}");
    private static readonly Counter<long> Breaches = Meter.CreateCounter<long>("orders.breaches", "{breach}");
    private static readonly Counter<long> BreachesByShard = Meter.CreateCounter<long>("orders.breaches.sharded", "{breach}");

    private readonly Dictionary<string, BehaviourOrder> _byPhoto = new();

    public void Load(IEnumerable<BehaviourOrder> orders)
    {
        foreach (var order in orders)
        {
            _byPhoto[order.SubjectPhotoId] = order;
        }

        logger.LogInformation("Loaded {Count} orders", _byPhoto.Count);
        logger.LogDebug("Orders loaded for {Subjects}", _byPhoto.Values.Select(o => o.SubjectName)); // leak TC1001 logging-objects
    }

    public bool Check(string photoId, string storeId, string colleagueStaffId)
    {
        using var activity = Source.StartActivity("orders.check");
        activity?.SetTag("store.id", storeId);
        activity?.SetTag("orders.photo.hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(photoId)))); // leak TC1002 hashes
        activity?.SetTag("orders.colleague", pseudonymizer.ComputeStorelegalColleagueId(colleagueStaffId)); // clean precision-pseudonym
        Checks.Add(1, new KeyValuePair<string, object?>("store", storeId));

        try
        {
            if (!_byPhoto.TryGetValue(photoId, out var order))
            {
                activity?.SetTag("orders.match", false); // clean precision-about
                return false;
            }

            activity?.SetTag("orders.order.ref", order.OrderRef); // clean precision-names
            activity?.SetTag("orders.court", order.Court);
            activity?.SetTag("orders.expires_in_days", order.ExpiresOn.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber); // clean precision-about
            activity?.SetTag("orders.excluded_stores", order.ExcludedStores.Length); // clean precision-about
            if (order.ExcludedStores.Contains(storeId))
            {
                throw new OrderBreachException(order.SubjectName, storeId);
            }

            return true;
        }
        catch (OrderBreachException ex)
        {
            Breaches.Add(1, new KeyValuePair<string, object?>("store", storeId), new KeyValuePair<string, object?>("subject", _byPhoto[photoId].SubjectName)); // leak TC1003 direct
            BreachesByShard.Add(1, new KeyValuePair<string, object?>("subject.shard", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(photoId))) % 16)); // clean hashes
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Order breach at {Store}", storeId); // leak TC1001 exceptions
            Activity.Current?.SetBaggage("orders.breach.subject", _byPhoto[photoId].SubjectName); // leak TC1001 direct
            return true;
        }
    }
}
