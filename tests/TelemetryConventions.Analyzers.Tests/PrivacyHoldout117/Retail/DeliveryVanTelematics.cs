namespace PrivacyHoldout117.Retail;

/// <summary>A drop on a van's route: the order, the customer and the address.</summary>
public sealed record Drop(string OrderId, string CustomerNumber, string AddressLine, string Postcode, GeoPoint Location, int Sequence);

/// <summary>
/// Ingests the home delivery vans' telematics (the retailer's vans, trackers by IMEI) and matches
/// positions to the next drop on the courier's route.
/// </summary>
public sealed class DeliveryVanTelematics(
    ILogger<DeliveryVanTelematics> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    KeyedShards shards)
{
    private readonly VanfleetPingsCounter _pings = meter.CreateVanfleetPingsCounter();
    private readonly Histogram<double> _dwell = meter.CreateHistogram<double>("vanfleet.drop.dwell", "s");
    private readonly Counter<long> _late = meter.CreateCounter<long>("vanfleet.drops.late");

    public void OnBatch(PingBatch batch, string store)
    {
        using var span = source.StartVanfleetIngest(batch.Topic); // clean precision-names
        span.SetVanfleetStore(store).SetVanfleetPingCount(batch.Pings.Count); // clean generated-api
        span.Activity?.SetTag("messaging.kafka.offset.first", batch.FirstOffset); // clean precision-about
        logger.LogDebug("Batch {@Batch}", batch); // clean logging-objects
        logger.LogDebug("Vans in batch {Imeis}", string.Join(",", batch.Pings.Select(p => p.Imei).Distinct())); // clean precision-names
        foreach (var ping in batch.Pings)
        {
            _pings.Add(1, "van-tracker", ping.SatelliteCount < 4 ? "no_fix" : "accepted"); // clean generated-api
        }
    }

    public void OnDropReached(string courierStaffNumber, Drop drop, TimeSpan dwell, bool late)
    {
        using var span = source.StartVanfleetIngest("vans/+/drops");
        span.SetVanfleetCourierId(pseudonymizer.PseudonymizeVanfleetCourierId(courierStaffNumber)); // clean precision-pseudonym
        span.SetVanfleetCustomerId(pseudonymizer.PseudonymizeVanfleetCustomerId(drop.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("order.id", drop.OrderId); // clean precision-names
        span.Activity?.SetTag("drop.sequence", drop.Sequence); // clean precision-about
        span.Activity?.SetTag("drop.address", $"{drop.AddressLine}, {drop.Postcode}"); // leak TC1001 strings
        span.Activity?.SetTag("drop.shard", shards.ShardOf(drop.CustomerNumber, 32)); // clean hashes
        _dwell.Record(dwell.TotalSeconds, new KeyValuePair<string, object?>("postcode.area", new string(drop.Postcode.TakeWhile(char.IsLetter).ToArray()))); // clean precision-about
        logger.LogInformation("Courier {Courier} at drop {Drop}", courierStaffNumber, drop); // leak TC1001 direct
        logger.LogInformation("Drop {Sequence} of order {Order} took {Dwell}", drop.Sequence, drop.OrderId, dwell); // clean precision-names

        if (late)
        {
            _late.Add(1, new KeyValuePair<string, object?>("courier", courierStaffNumber)); // leak TC1003 direct
            _late.Add(1, new KeyValuePair<string, object?>("store", "S-0231")); // clean precision-names
            logger.LogVanfleetPingRejectedEvent("vans/+/drops", "late", pseudonymizer.PseudonymizeVanfleetCustomerId(drop.CustomerNumber), $"late at {drop.Location.Latitude:F5},{drop.Location.Longitude:F5}"); // leak TC1001 generated-api
        }
    }
}
