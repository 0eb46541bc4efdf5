namespace PrivacyHoldout103.Healthcare;

/// <summary>
/// Takes the patient app's crash and ANR uploads, symbolicates them and groups them. The app's screens
/// are its routes (<c>records/{hospitalNumber}/letters</c>), its breadcrumbs are navigations between them,
/// it sets the signed-in patient's hospital number as the report's user id and as the custom key
/// <c>mrn</c>, and its <c>RecordNotFoundException</c> quotes the hospital number it looked up.
/// </summary>
public sealed class PatientAppCrashIntake(
    ISymbolicator symbolicator,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PatientAppCrashIntake> logger)
{
    private readonly Counter<long> _crashes = meter.CreateCounter<long>("mycare.crashes", "{crash}");

    public async Task<CrashGroup> IngestAsync(CrashReport report, CancellationToken cancellationToken)
    {
        using var span = source.StartCareappAppIngest("crash");
        span.SetCareappPlatform(report.Platform).SetCareappBuild(report.BuildNumber).SetCareappOsVersion(report.OsVersion); // clean precision-names
        span.SetCareappInstallationId(pseudonymizer.PseudonymizeCareappInstallationId(report.InstallationId)); // clean precision-pseudonym
        if (report.UserId is { } hospitalNumber)
        {
            span.SetCareappUserId(Pseudonym.FromComputed(hospitalNumber)); // leak TC1001 precision-pseudonym
        }

        IReadOnlyList<CrashFrame> frames;
        try
        {
            frames = await symbolicator.SymbolicateAsync(report.Platform, report.BuildNumber, report.DebugId, report.Frames, cancellationToken);
        }
        catch (MissingSymbolsException ex)
        {
            logger.LogWarning(ex, "Crash {ReportId} left unsymbolicated", report.ReportId); // clean exceptions
            frames = report.Frames;
        }

        var signature = CrashSignatures.Of(report.ExceptionType, frames);
        span.SetCareappNote($"{report.ExceptionType} at {frames.FirstOrDefault()?.Function}"); // clean generated-api
        Activity.Current?.SetTag("crash.signature", signature); // clean hashes
        Activity.Current?.SetTag("crash.exception_message", report.ExceptionMessage); // leak TC1001 exceptions
        logger.LogInformation("Crash breadcrumbs {Breadcrumbs}", string.Join(" > ", report.Breadcrumbs.Select(b => b.Message))); // leak TC1001 strings
        logger.LogInformation("Crash breadcrumb categories {Categories}", string.Join(",", report.Breadcrumbs.Select(b => b.Category).Distinct())); // clean precision-about
        logger.LogInformation("Crash custom keys {Keys}", report.CustomKeys); // leak TC1001 logging-objects
        logger.LogInformation("Crash custom key names {KeyNames}", string.Join(",", report.CustomKeys.Keys)); // clean precision-names
        _crashes.Add(1, new KeyValuePair<string, object?>("platform", report.Platform), new KeyValuePair<string, object?>("build", report.BuildNumber)); // clean direct
        _crashes.Add(0, new KeyValuePair<string, object?>("installation", pseudonymizer.PseudonymizeCareappInstallationId(report.InstallationId).ToString())); // leak TC1003 precision-pseudonym
        logger.LogInformation("Crash {ReportId} from installation {InstallationHash}", report.ReportId, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(report.InstallationId)))[..16]); // leak TC1002 hashes
        logger.LogDebug("Crash report {Report}", report); // clean logging-objects
        return new CrashGroup(signature, report.ExceptionType, 1, 1, report.AppVersion);
    }

    public void IngestAnr(AnrReport anr)
    {
        using var span = source.StartCareappAppIngest("anr");
        span.SetCareappPlatform(anr.Platform).SetCareappAppVersion(anr.AppVersion); // clean direct
        Activity.Current?.SetTag("anr.blocked_ms", anr.BlockedFor.TotalMilliseconds); // clean precision-about
        Activity.Current?.SetTag("anr.screen", anr.ForegroundScreen); // leak TC1001 strings
        logger.LogInformation("ANR in {Frame} for {Blocked}", anr.MainThreadFrames.FirstOrDefault()?.Function, anr.BlockedFor); // clean precision-names
        meter.CreateCareappIngestDurationHistogram().Record(anr.BlockedFor.TotalSeconds, careappReportKind: "anr", careappPlatform: anr.Platform); // clean precision-about
    }
}
