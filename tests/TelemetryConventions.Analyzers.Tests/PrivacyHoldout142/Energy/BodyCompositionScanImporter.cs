namespace PrivacyHoldout142.Energy;

/// <summary>
/// Imports the exports of the body composition scanners at the site clinics (employees opt in at their wellness
/// check) and records the scheme's figures for the wellbeing dashboard.
/// </summary>
public sealed class BodyCompositionScanImporter(
    ICoachingStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BodyCompositionScanImporter> logger)
{
    private readonly Histogram<double> _bodyFat = meter.CreateHistogram<double>("wellpower.scan.body_fat", "%");
    private readonly Histogram<double> _weight = meter.CreateHistogram<double>("wellpower.scan.weight", "kg");
    private BodyScan? _lastRejected;

    public async Task ImportAsync(string site, ScanExport export, CancellationToken cancellationToken)
    {
        using var span = source.StartWellpowerOperation(site);
        span.SetWellpowerScanCount(export.Scans.Count); // clean generated-api
        Activity.Current?.SetTag("wellpower.scanner.serial", export.DeviceSerial); // clean precision-names
        logger.LogInformation("Importing {Export} from {Site}", export, site); // clean logging-objects

        foreach (var scan in export.Scans)
        {
            _bodyFat.Record(scan.BodyFatPercent, new KeyValuePair<string, object?>("site", site)); // clean precision-about
            _weight.Record(scan.WeightKg); // clean precision-about
            try
            {
                await store.SaveScanAsync(scan, cancellationToken);
                logger.LogDebug("Saved {Summary}", new ScanSummary(scan.ScanId, scan.WeightKg, scan.BodyFatPercent)); // clean logging-objects
                logger.LogDebug("Saved scan {Scan}", scan); // leak TC1001 logging-objects
            }
            catch (ScanConsentMissingException ex)
            {
                _lastRejected = scan;
                logger.LogWarning(ex, "Scan {ScanId} not stored", scan.ScanId); // leak TC1001 exceptions
                logger.LogWellpowerOperationFailedEvent(site, "no-consent", wellpowerEmployeeId: pseudonymizer.PseudonymizeWellpowerEmployeeId(scan.MembershipNumber)); // clean generated-api
            }
            catch (ScanDeviceException ex)
            {
                logger.LogError(ex, "Scanner error {ErrorCode}", ex.ErrorCode); // clean exceptions
                Activity.Current?.AddException(ex); // clean exceptions
            }
        }

        var highest = export.Scans.MaxBy(s => s.VisceralFatLevel);
        if (highest is not null)
        {
            logger.LogInformation("Highest visceral fat level {Level} for {Employee}", highest.VisceralFatLevel, highest.MembershipNumber); // leak TC1001 direct
            logger.LogInformation("Highest visceral fat level {Level} in scan {ScanId}", highest.VisceralFatLevel, highest.ScanId); // clean precision-about
        }

        var summary = string.Join("; ", export.Scans.Select(s => $"{s.ScanId}:{s.BodyFatPercent:0.0}%"));
        Activity.Current?.SetTag("wellpower.scan.summary", summary); // clean strings
        var detail = string.Join("; ", export.Scans.Select(s => $"{s.MembershipNumber}:{s.WeightKg:0.0}kg"));
        Activity.Current?.SetTag("wellpower.scan.detail", detail); // leak TC1001 strings
        var sampled = export.Scans.Count(s => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(s.MembershipNumber))[0] < 26);
        Activity.Current?.SetTag("wellpower.scan.sampled", sampled); // clean hashes
    }

    public void ReportLastRejected()
    {
        logger.LogWarning("Last scan without consent {Scan}", _lastRejected); // leak TC1001 cross-member
        logger.LogWarning("Last scan without consent taken at {ScannedAt}", _lastRejected?.ScannedAt); // clean precision-about
    }
}
