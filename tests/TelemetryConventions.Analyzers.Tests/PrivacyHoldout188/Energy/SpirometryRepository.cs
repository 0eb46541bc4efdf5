namespace PrivacyHoldout188.Energy;

/// <summary>Lung function results from the plant's spirometers, stored for the health record.</summary>
public sealed class SpirometryRepository(ISurveillanceRecords records, Pseudonymizer pseudonymizer, ILogger<SpirometryRepository> logger, OccHealthOptions options)
{
    private static readonly ActivitySource Source = new("Genco.Surveillance.Lungs");

    public async Task SaveAsync(SpirometryResult result, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("spirometry.save");
        activity?.SetTag("spirometry.device_serial", result.DeviceSerial); // clean precision-names
        activity?.SetTag("spirometry.ratio", Math.Round(result.Ratio, 2)); // clean precision-about
        activity?.SetTag("spirometry.obstructive", result.Ratio < 0.7); // clean precision-about
        activity?.SetTag("spirometry.technician", result.TechnicianName); // leak TC1001 direct
        activity?.SetTag("spirometry.worker", pseudonymizer.ComputePlantcheckClientId(result.EmployeeNumber)); // clean precision-pseudonym
        activity?.SetTag("spirometry.dedupe", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(result.EmployeeNumber + result.TestId)))); // leak TC1002 hashes
        activity?.SetTag("spirometry.partition", HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(result.EmployeeNumber))[0] % 8); // clean hashes
        activity?.SetTag("spirometry.file_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(result.DeviceSerial + result.TestId)))); // clean hashes
        await records.SaveSpirometryAsync(result, cancellationToken);
        logger.LogInformation("Spirometry {TestId} saved: FEV1 {Fev1}, FVC {Fvc}", result.TestId, result.Fev1, result.Fvc); // clean precision-names
        logger.LogInformation("Spirometry saved by {Technician} for {Worker}", result.TechnicianName, result.EmployeeNumber); // leak TC1001 direct
        var summary = await records.SummaryAsync(options.DefaultSite, cancellationToken);
        logger.LogInformation("Site surveillance {@Summary}", summary); // clean logging-objects
    }
}
