namespace PrivacyHoldout117.Media;

/// <summary>An installation visit: the installer, the subscriber's home and what is fitted.</summary>
public sealed record InstallVisit(string VisitId, string InstallerStaffNumber, Guid SubscriberId, string Postcode, GeoPoint Home, string BoxModel, string Window);

/// <summary>An installer's app reports arrival and completion; the dispatcher tracks visits.</summary>
public sealed partial class InstallerVisitTracker(
    ILogger<InstallerVisitTracker> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Counter<long> _visits = meter.CreateCounter<long>("stbfleet.install.visits");

    [LoggerMessage(EventId = 410, Level = LogLevel.Information, Message = "Installer {Installer} arrived at {Postcode}")]
    private static partial void LogArrivedUnclassified(ILogger logger, string installer, string postcode);

    [LoggerMessage(EventId = 411, Level = LogLevel.Information, Message = "Installer {Installer} arrived at {Postcode}")]
    private static partial void LogArrived(ILogger logger, [PrivateData] string installer, [PrivateData] string postcode);

    public void OnArrived(InstallVisit visit, GeoPoint installerPosition)
    {
        using var span = source.StartStbfleetIngest("installers/+/arrived");
        span.SetStbfleetEngineerId(pseudonymizer.PseudonymizeStbfleetEngineerId(visit.InstallerStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("visit.id", visit.VisitId); // clean precision-names
        span.Activity?.SetTag("visit.window", visit.Window); // clean precision-names
        span.Activity?.SetTag("visit.postcode.district", visit.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("visit.postcode", visit.Postcode); // leak TC1001 direct
        span.Activity?.SetTag("visit.distance_m", Math.Round(installerPosition.DistanceKmTo(visit.Home) * 1000)); // clean precision-about
        LogArrived(logger, visit.InstallerStaffNumber, visit.Postcode); // clean logging-objects
        LogArrivedUnclassified(logger, visit.InstallerStaffNumber, visit.Postcode); // leak TC1001 logging-objects
        _visits.Add(1, new KeyValuePair<string, object?>("box.model", visit.BoxModel)); // clean precision-names
        _visits.Add(1, new KeyValuePair<string, object?>("installer", pseudonymizer.ComputeStbfleetEngineerId(visit.InstallerStaffNumber))); // leak TC1003 precision-pseudonym
    }

    public void OnCompleted(InstallVisit visit, string boxId)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["VisitId"] = visit.VisitId, ["Subscriber"] = visit.SubscriberId }); // leak TC1001 logging-objects
        logger.LogInformation("Visit complete, box {Model} fitted", visit.BoxModel); // clean precision-names
        using var scope2 = logger.BeginScope("Visit {VisitId} in window {Window}", visit.VisitId, visit.Window); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("install.completed", tags: new ActivityTagsCollection { ["box"] = boxId })); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("install.completed", tags: new ActivityTagsCollection { ["home"] = $"{visit.Home.Latitude:F4},{visit.Home.Longitude:F4}" })); // leak TC1001 strings
    }
}
