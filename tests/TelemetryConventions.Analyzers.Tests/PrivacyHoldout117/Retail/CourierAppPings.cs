namespace PrivacyHoldout117.Retail;

/// <summary>A ping from the courier app on a self-employed courier's own phone.</summary>
public sealed record CourierPing(string CourierId, string CourierName, string PhoneModel, GeoPoint Position, double AccuracyMetres, int BatteryPercent);

/// <summary>The courier's phone stopped reporting: the message names the courier.</summary>
public sealed class CourierOfflineException(string courierId, TimeSpan silence)
    : Exception($"Courier {courierId} silent for {silence.TotalMinutes:F0} minutes.");

/// <summary>
/// Gig couriers for same-day delivery use their own phones: the app pings every 15 seconds while a
/// job is open. The position is the courier's; the job and the store are the retailer's.
/// </summary>
public sealed class CourierAppPings(
    ILogger<CourierAppPings> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Histogram<double> _accuracy = meter.CreateHistogram<double>("vanfleet.courier.accuracy", "m");
    private readonly Dictionary<string, CourierPing> _last = new();

    public void OnPing(CourierPing ping, string jobId)
    {
        _last[ping.CourierId] = ping;
        using var span = source.StartVanfleetIngest($"couriers/{ping.CourierId}/position"); // leak TC1001 strings
        span.SetVanfleetCourierId(pseudonymizer.PseudonymizeVanfleetCourierId(ping.CourierId)); // clean precision-pseudonym
        span.Activity?.SetTag("courier.position", $"{ping.Position.Latitude},{ping.Position.Longitude}"); // leak TC1001 strings
        span.Activity?.SetTag("courier.phone.model", ping.PhoneModel); // clean precision-about
        span.Activity?.SetTag("job.id", jobId); // clean precision-names
        _accuracy.Record(ping.AccuracyMetres, new KeyValuePair<string, object?>("phone.model", ping.PhoneModel)); // clean precision-about
        logger.LogDebug("Courier ping {Ping}", ping); // leak TC1001 logging-objects
        logger.LogDebug("Courier {Name} battery {Battery}%", ping.CourierName, ping.BatteryPercent); // leak TC1001 direct
    }

    public void CheckSilent(DateTimeOffset now, Func<string, DateTimeOffset> lastSeen)
    {
        foreach (var (courierId, ping) in _last)
        {
            var silence = now - lastSeen(courierId);
            if (silence < TimeSpan.FromMinutes(5))
            {
                continue;
            }

            var ex = new CourierOfflineException(courierId, silence);
            logger.LogWarning(ex.Message); // leak TC1001 exceptions
            logger.LogVanfleetPingRejectedEvent("couriers/+/position", "silent", pseudonymizer.PseudonymizeVanfleetCourierId(courierId), ex.Message); // leak TC1001 generated-api
            Activity.Current?.SetTag("courier.last_position", ping.Position); // leak TC1001 cross-member
            Activity.Current?.SetTag("courier.silent_minutes", silence.TotalMinutes); // clean precision-about
        }
    }
}
