namespace PrivacyHoldout142.Retail;

/// <summary>A scan taken at the studio's kiosk. Prints the kiosk, the loyalty card scanned at it, height, age band and the scan.</summary>
public sealed record KioskScanSubmitted(string KioskId, string LoyaltyCardNumber, int HeightCm, string AgeBand, BodyScan Scan);

/// <summary>Handles scans from the body composition kiosk in the studio and texts the customer their result.</summary>
public sealed class BodyScanKioskHandler(
    ICoachingStore coaching,
    IMemberDirectory members,
    IMemberMessenger messenger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<BodyScanKioskHandler> logger)
{
    private readonly Histogram<double> _bmi = meter.CreateHistogram<double>("storefit.kiosk.bmi", "kg/m2");
    private readonly Counter<long> _scans = meter.CreateCounter<long>("storefit.kiosk.scans", "{scan}");

    public async Task HandleAsync(KioskScanSubmitted submitted, CancellationToken cancellationToken)
    {
        var store = submitted.KioskId[..4];
        using var span = source.StartStorefitOperation(store);
        Activity.Current?.SetTag("storefit.kiosk.age_band", submitted.AgeBand); // clean precision-about
        var bmi = submitted.Scan.WeightKg / Math.Pow(submitted.HeightCm / 100.0, 2);
        _bmi.Record(Math.Round(bmi, 1), new KeyValuePair<string, object?>("age_band", submitted.AgeBand)); // clean precision-about
        _scans.Add(1, new KeyValuePair<string, object?>("kiosk", submitted.KioskId), new("device", submitted.Scan.DeviceSerial)); // clean precision-names
        logger.LogInformation("Kiosk scan {Submitted}", submitted); // leak TC1001 logging-objects
        logger.LogInformation("Kiosk scan {ScanId}: BMI {Bmi:0.0}, body fat {BodyFat:0.0}%", submitted.Scan.ScanId, bmi, submitted.Scan.BodyFatPercent); // clean precision-about
        span.SetStorefitCustomerId(pseudonymizer.PseudonymizeStorefitCustomerId(submitted.LoyaltyCardNumber)); // clean precision-pseudonym
        try
        {
            await coaching.SaveScanAsync(submitted.Scan, cancellationToken);
        }
        catch (ScanConsentMissingException ex)
        {
            logger.LogStorefitOperationFailedEvent(store, "no-consent", storefitNote: ex.Message); // leak TC1001 generated-api
            logger.LogStorefitOperationFailedEvent(store, "no-consent", storefitCustomerId: pseudonymizer.PseudonymizeStorefitCustomerId(submitted.LoyaltyCardNumber)); // clean generated-api
            return;
        }
        catch (ScanDeviceException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return;
        }

        var body = $"Your scan {submitted.Scan.ScanId}: body fat {submitted.Scan.BodyFatPercent:0.0}%";
        var member = await members.FindAsync(submitted.LoyaltyCardNumber, cancellationToken);
        await messenger.SendAsync("tpl-kiosk-scan", member?.Mobile ?? string.Empty, new Dictionary<string, string> { ["body"] = body }, cancellationToken);
        Activity.Current?.AddEvent(new ActivityEvent("storefit.kiosk.sent", tags: new ActivityTagsCollection { ["body"] = body })); // clean strings
        var greeting = $"Hi {member?.FirstName}, your scan is ready";
        logger.LogDebug("Kiosk text {Text}", greeting); // leak TC1001 strings
    }
}
