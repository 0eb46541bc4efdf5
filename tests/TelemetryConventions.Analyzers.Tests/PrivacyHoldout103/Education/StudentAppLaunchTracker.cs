namespace PrivacyHoldout103.Education;

/// <summary>
/// Records the student app's launches and sessions. Deep links into the app are
/// <c>learn://homework/{assignmentId}</c> and, from a teacher's feedback email,
/// <c>learn://students/{studentNumber}/feedback</c>; a launch from the app store carries the store's
/// campaign referrer.
/// </summary>
public sealed class StudentAppLaunchTracker(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<StudentAppLaunchTracker> logger)
{
    private readonly Histogram<double> _timeToFirstFrame = meter.CreateHistogram<double>("learn.app.ttff", "ms");
    private readonly Counter<long> _sessions = meter.CreateCounter<long>("learn.app.sessions", "{session}");

    public void OnLaunch(AppLaunch launch, string studentNumber)
    {
        using var span = source.StartLearnappAppIngest("launch");
        span.SetLearnappPlatform(launch.Platform).SetLearnappAppVersion(launch.AppVersion).SetLearnappOsVersion(launch.OsVersion); // clean direct
        span.SetLearnappUserId(pseudonymizer.PseudonymizeLearnappUserId(studentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("app.session_id", launch.SessionId); // clean precision-names
        Activity.Current?.SetTag("app.cold_start", launch.ColdStart); // clean precision-about
        Activity.Current?.SetTag("app.deep_link", launch.DeepLink); // leak TC1001 strings
        Activity.Current?.SetTag("app.deep_link.host", launch.DeepLink is null ? null : new Uri(launch.DeepLink).Host); // clean precision-about
        Activity.Current?.SetTag("app.referrer", launch.Referrer); // clean precision-names
        _timeToFirstFrame.Record(launch.TimeToFirstFrame.TotalMilliseconds, new KeyValuePair<string, object?>("platform", launch.Platform), new KeyValuePair<string, object?>("cold", launch.ColdStart)); // clean precision-about
        logger.LogInformation("Launch {Launch}", launch); // leak TC1001 logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["SessionId"] = launch.SessionId, ["Platform"] = launch.Platform })) // clean logging-objects
        {
            logger.LogInformation("Session started for student {StudentNumber}", studentNumber); // leak TC1001 direct
        }
        var cohort = (uint)studentNumber.GetHashCode() % 20;
        Activity.Current?.SetTag("app.experiment.cohort", cohort); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber))[0] % 16;
        Activity.Current?.SetTag("app.shard", shard); // clean hashes
    }

    public void OnSessionEnd(AppSessionEnd end, string studentNumber)
    {
        _sessions.Add(1, new KeyValuePair<string, object?>("crashed", end.Crashed)); // clean precision-about
        _sessions.Add(0, new KeyValuePair<string, object?>("student", studentNumber)); // leak TC1003 direct
        logger.LogInformation("Session {SessionId} ended after {Foreground} with {Screens} screens", end.SessionId, end.Foreground, end.ScreensViewed); // clean precision-about
        logger.LogInformation("Session end {SessionEnd}", end); // leak TC1001 logging-objects
        Activity.Current?.SetTag("app.installation", end.InstallationId); // leak TC1001 direct
        Activity.Current?.SetTag("app.installation.length", end.InstallationId.Length); // clean precision-about
        meter.CreateLearnappIngestDurationHistogram().Record(end.Foreground.TotalSeconds, learnappReportKind: "session"); // clean precision-about
    }
}
