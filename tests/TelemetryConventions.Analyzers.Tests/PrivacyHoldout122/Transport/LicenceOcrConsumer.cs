namespace PrivacyHoldout122.Transport;

public sealed record LicenceScanMessage(string ScanId, string StaffNumber, string Depot, string Side, byte[] Image);

/// <summary>
/// Reads driving licence photos from the onboarding topic (keyed by the driver's staff number) with OCR,
/// and publishes the fields to the HR system. Low confidence scans go back to the depot for a rescan.
/// </summary>
public sealed class LicenceOcrConsumer(
    IConsumer<string, LicenceScanMessage> consumer,
    IDocumentReader reader,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    ILogger<LicenceOcrConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var scan = result.Message.Value;
            using var activity = source.StartActivity("licence.ocr", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("licence.scan", scan.ScanId); // clean precision-names
            activity?.SetTag("licence.side", scan.Side); // clean precision-names
            activity?.SetTag(RideridvAttributes.RiderId, pseudonymizer.ComputeRideridvRiderId(scan.StaffNumber)); // clean precision-pseudonym

            try
            {
                var ocr = await reader.ReadAsync(scan.Image, "driving_licence", stoppingToken);
                activity?.SetTag("licence.confidence", ocr.OverallConfidence); // clean precision-about
                activity?.SetTag("licence.fields_read", ocr.Fields.Count); // clean precision-about
                if (ocr.OverallConfidence < options.OcrConfidenceFloor)
                {
                    logger.LogWarning("Rescan needed at {Depot} for scan {ScanId}: {Fields}", scan.Depot, scan.ScanId, ocr.Fields); // leak TC1001 logging-objects
                    logger.LogWarning("Rescan needed at {Depot}: {LowConfidence}", scan.Depot, ocr.Confidence.Where(c => c.Value < options.OcrConfidenceFloor).ToDictionary(c => c.Key, c => c.Value)); // clean logging-objects
                    continue;
                }
                logger.LogInformation("Licence {LicenceNumber} read, address {Address}", ocr.DocumentNumber, ocr.AddressLines); // leak TC1001 direct
                logger.LogInformation("Licence read for {Driver}: {Categories}", pseudonymizer.ComputeRideridvRiderId(scan.StaffNumber), ocr.Fields.GetValueOrDefault("categories")); // clean precision-pseudonym
                activity?.SetTag("licence.personal_number", ocr.PersonalNumber); // leak TC1001 direct
            }
            catch (ImageQualityException ex)
            {
                activity?.AddException(ex); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, $"{ex.Problem} at {scan.Depot}"); // clean exceptions
            }
            catch (MrzParseException ex)
            {
                logger.LogError("Licence OCR failed for {StaffNumber}: {Error}", scan.StaffNumber, ex.GetType().Name); // leak TC1001 direct
                logger.LogError("Licence OCR failed: {Error}", ex.Message); // leak TC1001 exceptions
            }
            consumer.Commit(result);
        }
    }
}
