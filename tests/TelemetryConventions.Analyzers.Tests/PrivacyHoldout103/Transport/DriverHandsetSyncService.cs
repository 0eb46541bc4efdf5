namespace PrivacyHoldout103.Transport;

/// <summary>A company handset in a bus cab, enrolled to a depot by asset tag.</summary>
public sealed record CabHandset(string AssetTag, string Depot, string Model, string OsVersion);

/// <summary>A defect or incident report a driver filled in offline.</summary>
public sealed record DriverReport(string DriverStaffNumber, string DriverName, string FleetNumber, string RouteId, string Kind, string Notes, DateTimeOffset At);

/// <summary>
/// Applies what the drivers' cab handsets queued offline: vehicle defect reports keyed by fleet number,
/// duty sign-ons keyed by the driver's staff number, and incident reports keyed by their report id.
/// </summary>
public sealed class DriverHandsetSyncService(ISyncStore store, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<DriverHandsetSyncService> logger)
{
    private readonly Counter<long> _signOns = meter.CreateCounter<long>("rideapp.driver.sign_ons");

    public async Task ApplyAsync(CabHandset handset, SyncBatch batch, CancellationToken cancellationToken)
    {
        using var span = source.StartRideappAppIngest("sync");
        span.SetRideappDeviceModel(handset.Model).SetRideappOsVersion(handset.OsVersion).SetRideappQueueDepth(batch.Operations.Count); // clean precision-names
        Activity.Current?.SetTag("handset.asset_tag", handset.AssetTag); // clean precision-names
        Activity.Current?.SetTag("handset.depot", handset.Depot); // clean precision-names
        logger.LogInformation("Handset {Handset} sync client {ClientId}", handset, batch.ClientId); // clean logging-objects

        foreach (var op in batch.Operations)
        {
            switch (op.Entity)
            {
                case "defect":
                    Activity.Current?.AddEvent(new ActivityEvent("defect", tags: new ActivityTagsCollection { ["fleet"] = op.EntityKey })); // clean precision-names
                    break;
                case "sign-on":
                    _signOns.Add(1, new KeyValuePair<string, object?>("depot", handset.Depot)); // clean precision-about
                    _signOns.Add(0, new KeyValuePair<string, object?>("driver", pseudonymizer.PseudonymizeRideappUserId(op.EntityKey).ToString())); // leak TC1003 precision-pseudonym
                    logger.LogInformation("Driver {StaffNumber} signed on at {Depot}", op.EntityKey, handset.Depot); // leak TC1001 cross-member
                    break;
                case "incident":
                    var report = JsonSerializer.Deserialize<DriverReport>(op.PayloadJson)!;
                    logger.LogInformation("Incident {Kind} on route {Route} bus {Fleet}", report.Kind, report.RouteId, report.FleetNumber); // clean precision-names
                    logger.LogInformation("Incident report {Report}", report); // leak TC1001 logging-objects
                    logger.LogInformation("Incident by {Driver}", report.DriverName); // leak TC1001 direct
                    logger.LogDebug("Incident notes length {Length}", report.Notes.Length); // clean precision-about
                    break;
            }
            try
            {
                await store.ApplyAsync(op, cancellationToken);
            }
            catch (SyncConflictException ex) when (op.Entity == "sign-on")
            {
                span.SetRideappNote(ex.Message); // leak TC1001 generated-api
            }
            catch (SyncConflictException ex)
            {
                span.RecordException(ex, ex.Message); // clean exceptions
            }
        }
    }
}
