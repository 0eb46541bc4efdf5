namespace PrivacyHoldout103.Transport;

/// <summary>
/// Takes the rider app's crash reports. The journey planner's screens carry what the rider typed
/// (<c>planner?from=…&amp;to=…</c>) and the wallet's carry the card (<c>wallet?card=…</c>); the app
/// sets the rider's <c>Guid</c> id as the report's user id.
/// </summary>
public sealed class RiderAppCrashIntake(ActivitySource source, Pseudonymizer pseudonymizer, ILogger<RiderAppCrashIntake> logger)
{
    public void Ingest(CrashReport report)
    {
        using var span = source.StartRideappAppIngest("crash");
        span.SetRideappPlatform(report.Platform).SetRideappBuild(report.BuildNumber); // clean direct
        span.SetRideappUserId(pseudonymizer.PseudonymizeRideappUserId(report.UserId ?? report.InstallationId)); // clean precision-pseudonym
        Activity.Current?.SetTag("crash.user", report.UserId); // leak TC1001 direct
        Activity.Current?.SetTag("crash.type", report.ExceptionType); // clean exceptions
        var screens = report.Breadcrumbs.Where(b => b.Category == "navigation").Select(b => b.Message).ToList();
        Activity.Current?.SetTag("crash.last_screen", screens.LastOrDefault()); // leak TC1001 strings
        Activity.Current?.SetTag("crash.last_screen.route", screens.LastOrDefault()?.Split('?')[0]); // clean strings
        logger.LogInformation("Crash navigation trail {Trail}", screens); // leak TC1001 logging-objects
        logger.LogInformation("Crash navigation depth {Depth}", screens.Count); // clean precision-about
        logger.LogInformation("Crash {ReportId} on {Model} {Os}, fatal {Fatal}", report.ReportId, report.DeviceModel, report.OsVersion, report.Fatal); // clean precision-names
    }
}
