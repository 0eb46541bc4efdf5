namespace PrivacyHoldout79.Transport;

/// <summary>A location ping the journey app sends while a trip is being guided.</summary>
public sealed record TripPing(string TripId, string RiderEmail, double Latitude, double Longitude, string RouteId, string Vehicle, ClientContext Client);

/// <summary>
/// Front door of the journey app's collectors: decides which installations are sampled, adds
/// coarse geo and sends the pings on.
/// </summary>
public sealed class IngestSamplingAndGeo(
    ILogger<IngestSamplingAndGeo> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    KeyedBuckets buckets,
    Meter meter)
{
    private readonly Counter<long> _sampled = meter.CreateCounter<long>("transit.ingest.sampled");
    private readonly Counter<long> _pings = meter.CreateCounter<long>("transit.ingest.pings");

    public bool Admit(string batchId, TripPing ping)
    {
        using var span = source.StartRidepulseIngest(batchId);
        var keep = buckets.Sampled(ping.Client.InstallId, 10);
        span.Activity?.SetTag("sampling.kept", keep); // clean precision-about
        span.Activity?.SetTag("sampling.bucket", buckets.Bucket(ping.Client.InstallId, 100)); // clean precision-about
        _sampled.Add(1, new KeyValuePair<string, object?>("kept", keep), new("bucket", buckets.Bucket(ping.Client.InstallId, 10))); // clean precision-about

        var legacy = BitConverter.ToUInt16(SHA1.HashData(Encoding.UTF8.GetBytes(ping.RiderEmail)), 0) % 100;
        span.Activity?.SetTag("sampling.legacy_bucket", legacy); // leak TC1002 hashes
        span.Activity?.SetTag("sampling.cohort", HashCode.Combine(ping.Client.InstallId) & 0x7); // leak TC1002 hashes

        var country = GeoIp.Lookup(ping.Client.IpAddress).CountryCode;
        span.SetRidepulseGeoCountry(country); // clean precision-about
        _pings.Add(1, new KeyValuePair<string, object?>("country", country), new("route", ping.RouteId), new("vehicle", ping.Vehicle)); // clean precision-about
        span.Activity?.SetTag("ping.area", $"{Math.Round(ping.Latitude, 1)},{Math.Round(ping.Longitude, 1)}"); // clean precision-about
        span.SetRidepulseInstallId(pseudonymizer.PseudonymizeRidepulseInstallId(ping.Client.InstallId)); // clean precision-pseudonym
        span.Activity?.SetTag("rider.email.domain", ping.RiderEmail.Split('@').Last()); // clean precision-about
        span.SetRidepulseNote($"ping for trip {ping.TripId} by {ping.RiderEmail}"); // leak TC1001 generated-api
        Activity.Current?.SetBaggage("transit.install", ping.Client.InstallId); // leak TC1001 direct
        span.Activity?.SetTag("trip.push_channel", string.Concat(ping.TripId, "/", ping.Client.PushToken)); // leak TC1001 strings

        if (!keep)
        {
            logger.LogTrace("Dropped ping {Ping}", ping); // leak TC1001 logging-objects
            logger.LogTrace("Dropped ping of trip {TripId} on route {RouteId}", ping.TripId, ping.RouteId); // clean precision-about
        }

        return keep;
    }
}
