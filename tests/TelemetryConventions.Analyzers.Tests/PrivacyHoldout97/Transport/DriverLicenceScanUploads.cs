namespace PrivacyHoldout97.Transport;

/// <summary>The fields the document reader recognised on a driving licence photocard.</summary>
public sealed record LicenceFields(string LicenceNumber, string Surname, string Forenames, DateOnly DateOfBirth, DateOnly ValidTo, string Categories, string Address);

public interface ILicenceReader
{
    /// <summary>Reads the photocard; throws <see cref="LicenceReadException"/> when the number it read fails the check.</summary>
    Task<LicenceFields> ReadAsync(Stream scan, CancellationToken cancellationToken);
}

/// <summary>The reader recognised a licence number that fails its check; quotes the number it read.</summary>
public sealed class LicenceReadException(string recognised)
    : FormatException($"Licence number '{recognised}' fails the check digit");

/// <summary>A driver on the staff portal.</summary>
public sealed record PortalDriver(string StaffNumber, string Name, string Email, string Depot);

/// <summary>
/// The annual licence check: drivers upload both sides of their photocard and a check code from the
/// licensing agency's service; the scan is read, the categories checked for PCV entitlement, and the
/// scan kept in the driver's file for the year.
/// </summary>
[ApiController]
[Route("drivers/licence-checks")]
public sealed class DriverLicenceScanController(
    BlobServiceClient blobs,
    ClamClient clam,
    ILicenceReader reader,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<DriverLicenceScanController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Transit.People.LicenceChecks");
    private static readonly Meter Meter = new("Transit.People.LicenceChecks");
    private static readonly FleetmediaFilesCounter Files = Meter.CreateFleetmediaFilesCounter();
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("licence.checks", "{check}");

    [HttpPost("")]
    public async Task<ActionResult> UploadAsync(PortalDriver driver, IFormFile front, IFormFile back, string checkCode, CancellationToken cancellationToken)
    {
        using var span = Source.StartFleetmediaUpload("licence-scan");
        span.SetFleetmediaUploaderId(pseudonymizer.PseudonymizeFleetmediaUploaderId(driver.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("driver.depot", driver.Depot); // clean precision-names
        span.Activity?.SetTag("licence.check_code", checkCode); // leak TC1001 direct
        span.Activity?.SetTag("licence.check_code_length", checkCode.Length); // clean precision-about
        logger.LogInformation("Licence scans {Front} and {Back} from {Driver}", front.FileName, back.FileName, driver.Email); // leak TC1001 direct

        foreach (var side in new[] { front, back })
        {
            await using var s = side.OpenReadStream();
            var scan = await clam.SendAndScanFileAsync(s, cancellationToken);
            if (scan.Result == ClamScanResults.VirusDetected)
            {
                logger.LogFleetmediaFileRejectedEvent("malware", fleetmediaScanVerdict: "infected", fleetmediaNote: scan.RawResult); // clean generated-api
                return BadRequest("The file could not be accepted.");
            }
        }

        await using var frontStream = front.OpenReadStream();
        LicenceFields fields;
        try
        {
            fields = await reader.ReadAsync(frontStream, cancellationToken);
        }
        catch (LicenceReadException ex)
        {
            span.RecordException(ex, "unreadable licence", includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Licence unreadable: {Reason}", ex.GetType().Name); // clean exceptions
            return BadRequest("Upload a clearer photo of the front of your licence.");
        }
        span.Activity?.SetTag("licence.categories", fields.Categories); // clean precision-about
        span.Activity?.SetTag("licence.valid_to", fields.ValidTo.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
        var pcv = fields.Categories.Split(',').Any(c => c.Trim() is "D" or "D1");
        span.Activity?.SetTag("licence.pcv_entitled", pcv); // clean precision-about
        span.Activity?.SetTag("licence.number", fields.LicenceNumber); // leak TC1001 direct
        logger.LogDebug("Read licence {Fields}", fields); // leak TC1001 logging-objects
        var matches = fields.Surname.Equals(driver.Name.Split(' ')[^1], StringComparison.OrdinalIgnoreCase);
        span.Activity?.SetTag("licence.name_matches", matches); // clean precision-about
        if (!matches)
        {
            logger.LogWarning("Licence surname {Surname} does not match driver {Driver}", fields.Surname, driver.StaffNumber); // leak TC1001 cross-member
            span.SetStatus(ActivityStatusCode.Error, $"licence surname {fields.Surname} does not match"); // leak TC1001 strings
        }

        var year = DateTime.UtcNow.Year;
        var blobName = $"{driver.StaffNumber}/{year}/licence-front{Path.GetExtension(front.FileName)}";
        frontStream.Position = 0;
        await blobs.GetBlobContainerClient("driver-files").GetBlobClient(blobName).UploadAsync(frontStream, new BlobUploadOptions(), cancellationToken);
        span.SetFleetmediaBlobName(blobName); // leak TC1001 generated-api
        span.SetFleetmediaRetentionLabel("driver-file-employment+6y");

        // Checks are grouped by a keyed digest of the licence number, so a licence shared between two staff records shows up.
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var licenceKey = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(fields.LicenceNumber)))[..16];
        span.Activity?.SetTag("licence.dedupe_key", licenceKey); // clean hashes
        var legacyKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fields.LicenceNumber + fields.DateOfBirth.ToString("yyyyMMdd", CultureInfo.InvariantCulture))));
        logger.LogDebug("Legacy dedupe key {Key}", legacyKey); // leak TC1002 hashes
        Checks.Add(1, new KeyValuePair<string, object?>("depot", driver.Depot), new KeyValuePair<string, object?>("pcv", pcv)); // clean precision-names
        Checks.Add(1, new KeyValuePair<string, object?>("driver", driver.StaffNumber)); // leak TC1003 direct
        Files.Add(2, "licence-scan", "stored", front.ContentType); // clean generated-api
        Activity.Current?.AddBaggage("driver.staff_number", driver.StaffNumber); // leak TC1001 direct
        return Ok(new { blobName });
    }
}
