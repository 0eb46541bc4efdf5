namespace PrivacyHoldout78.Education;

public sealed record AccessibilitySettings(string StudentNumber, bool DyslexiaFont, bool Captions, bool HighContrast, double TextScale, string ReadingRuler);

/// <summary>
/// Syncs a student's accessibility settings (dyslexia-friendly font, captions, text scale) to the
/// devices they sign in on, and counts how many students use each setting for the inclusion team.
/// </summary>
public sealed class AccessibilitySettingsService(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<AccessibilitySettingsService> logger)
{
    private readonly Counter<long> _settingsSynced = meter.CreateCounter<long>("campuscopy.accessibility.synced", "{sync}");
    private readonly UpDownCounter<long> _captionsOn = meter.CreateUpDownCounter<long>("campuscopy.accessibility.captions_on", "{student}");

    public void Sync(AccessibilitySettings settings, string deviceKind)
    {
        var student = pseudonymizer.ComputeCampuscopyStudentId(settings.StudentNumber);
        _settingsSynced.Add(1, new KeyValuePair<string, object?>("device.kind", deviceKind), new KeyValuePair<string, object?>("dyslexia_font", settings.DyslexiaFont)); // clean precision-about
        _settingsSynced.Add(0, new KeyValuePair<string, object?>("student", student)); // leak TC1003 precision-pseudonym
        if (settings.Captions)
        {
            _captionsOn.Add(1, new KeyValuePair<string, object?>("text_scale", Math.Round(settings.TextScale, 1))); // clean precision-about
        }

        logger.LogInformation("Synced accessibility settings for {Student} to {DeviceKind}", student, deviceKind); // clean precision-pseudonym
        logger.LogDebug("Accessibility settings {Settings}", settings); // leak TC1001 logging-objects
        logger.LogDebug("Accessibility settings {Font} {Captions} {Scale} {Ruler}", settings.DyslexiaFont, settings.Captions, settings.TextScale, settings.ReadingRuler); // clean logging-objects

        var rolloutBucket = (settings.StudentNumber.GetHashCode() & 0x7fffffff) % 10;
        Activity.Current?.SetTag("accessibility.new_font.bucket", rolloutBucket); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var keyedBucket = hmac.ComputeHash(Encoding.UTF8.GetBytes(settings.StudentNumber))[1] % 10;
        Activity.Current?.SetTag("accessibility.reading_ruler.bucket", keyedBucket); // clean hashes
        OpenTelemetry.Baggage.SetBaggage("student.number", settings.StudentNumber); // leak TC1001 direct
    }
}
