namespace PrivacyHoldout117.Energy;

/// <summary>A job on an engineer's worksheet: the customer's home and the meter to exchange.</summary>
public sealed record FieldJob(string JobId, string EngineerStaffNumber, string AccountNumber, string SiteAddress, GeoPoint Site, string MeterSerial);

/// <summary>
/// Tracks the supplier's engineer vans on meter exchange jobs: the van's tracker is the company's,
/// the engineer driving it and the homes it stops at are people.
/// </summary>
public sealed class EngineerVanTracker(
    ILogger<EngineerVanTracker> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Histogram<double> _etaMinutes = meter.CreateHistogram<double>("meterfleet.van.eta", "min");
    private FieldJob? _current;

    public void StartJob(FieldJob job) => _current = job;

    public void OnVanPing(string vanRegistration, TelematicsPing ping)
    {
        using var span = source.StartMeterfleetIngest("vans/+/position");
        span.Activity?.SetTag("van.registration", vanRegistration); // clean precision-names
        span.Activity?.SetTag("van.speed_kph", ping.SpeedKph); // clean precision-about
        if (_current is null)
        {
            return;
        }

        var distance = ping.Position.DistanceKmTo(_current.Site);
        _etaMinutes.Record(distance / Math.Max(ping.SpeedKph, 20) * 60, new KeyValuePair<string, object?>("job.type", "meter-exchange")); // clean precision-about
        span.SetMeterfleetEngineerId(pseudonymizer.PseudonymizeMeterfleetEngineerId(_current.EngineerStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("job.site", _current.SiteAddress); // leak TC1001 cross-member
        span.Activity?.SetTag("job.id", _current.JobId); // clean cross-member
        logger.LogInformation("Van {Van} {Distance:F1} km from job {@Job}", vanRegistration, distance, _current); // leak TC1001 logging-objects
        logger.LogInformation("Engineer {Engineer} en route", _current.EngineerStaffNumber); // leak TC1001 cross-member
        span.Activity?.SetTag("job.site.geohash", Geohash.Encode(_current.Site, 9)); // leak TC1001 direct
        span.Activity?.SetTag("job.site.district", Geohash.Encode(_current.Site, 4)); // clean precision-about
    }

    public void OnArrived(DateTimeOffset at)
    {
        if (_current is null)
        {
            return;
        }

        var key = SHA1.HashData(Encoding.UTF8.GetBytes(_current.AccountNumber));
        Activity.Current?.SetTag("job.account.key", new Guid(key.AsSpan(0, 16))); // leak TC1002 hashes
        Activity.Current?.AddEvent(new ActivityEvent("job.arrived", at, new ActivityTagsCollection { ["job"] = _current.JobId, ["meter.model"] = _current.MeterSerial[..3] })); // clean precision-about
        logger.LogInformation("Arrived for meter exchange of {Meter}", _current.MeterSerial); // leak TC1001 cross-member
    }
}
