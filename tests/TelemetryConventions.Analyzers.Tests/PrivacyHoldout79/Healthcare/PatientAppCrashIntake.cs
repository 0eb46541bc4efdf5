namespace PrivacyHoldout79.Healthcare;

/// <summary>
/// Crash and handled-error reports from the MyCare app. The app's breadcrumbs record navigation
/// (the route the user opened, values included), taps on named buttons and the app's own log
/// lines; the repeat-prescription form raises <c>FormatException</c>s quoting the text the patient
/// typed in the "notes for the pharmacist" box.
/// </summary>
public sealed partial class PatientAppCrashIntake(ILogger<PatientAppCrashIntake> logger, ActivitySource source, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _crashes = meter.CreateCounter<long>("mycare.crashes");
    private string? _lastCrashUser;

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Crash {CrashId} {Fingerprint} on {AppVersion}")]
    private static partial void LogCrash(ILogger logger, string crashId, string fingerprint, string appVersion);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Crash {CrashId} from patient {HospitalNumber} could not be symbolicated")]
    private static partial void LogUnsymbolicated(ILogger logger, string crashId, [PrivateData] string hospitalNumber);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Crash {CrashId} last breadcrumb {Breadcrumb}")]
    private static partial void LogLastBreadcrumb(ILogger logger, string crashId, string breadcrumb);

    public void Accept(string batchId, CrashReport report)
    {
        using var span = source.StartCarepulseIngest(batchId);
        span.SetCarepulseDeviceModel(report.Client.DeviceModel); // clean precision-about
        span.SetCarepulseInstallId(pseudonymizer.PseudonymizeCarepulseInstallId(report.Client.InstallId)); // clean precision-pseudonym

        LogCrash(logger, report.CrashId, report.Fingerprint, report.Client.AppVersion); // clean precision-about
        _crashes.Add(1, new("fingerprint", report.Fingerprint), new("fatal", report.Fatal), new("os", report.Client.OsName)); // clean precision-about
        span.Activity?.SetTag("crash.exception.type", report.ExceptionType); // clean precision-about
        span.Activity?.SetTag("crash.exception.message", report.Message); // leak TC1001 direct

        if (report.UserId is { } hospitalNumber)
        {
            _lastCrashUser = hospitalNumber;
            LogUnsymbolicated(logger, report.CrashId, hospitalNumber); // clean precision-pseudonym
            logger.LogInformation("Crash {CrashId} reported by a signed-in patient {Patient}", report.CrashId, pseudonymizer.ComputeCarepulseUserId(hospitalNumber)); // clean precision-pseudonym
        }

        var last = report.Breadcrumbs.LastOrDefault();
        if (last is not null)
        {
            LogLastBreadcrumb(logger, report.CrashId, last.Message); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("crash.breadcrumb", tags: new ActivityTagsCollection { ["category"] = last.Category, ["at"] = last.At })); // clean precision-about
        }

        var trail = string.Join(" > ", report.Breadcrumbs.Where(b => b.Category == "navigation").Select(b => b.Message));
        span.SetCarepulseNote($"navigation before crash: {trail}"); // leak TC1001 strings
        span.SetCarepulseNote($"{report.Breadcrumbs.Count} breadcrumbs, {report.StackFrames.Count} frames"); // clean precision-about
    }

    public void RetryLater(CrashReport report)
    {
        logger.LogWarning("Symbolication queued again for the last patient {Patient}", _lastCrashUser); // leak TC1001 cross-member
        logger.LogWarning("Symbolication queued again for {Report}", report); // leak TC1001 logging-objects
    }
}
