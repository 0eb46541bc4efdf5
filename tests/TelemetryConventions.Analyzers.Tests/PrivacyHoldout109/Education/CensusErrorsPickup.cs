namespace PrivacyHoldout109.Education;

/// <summary>Picks up the validation errors file the census collection returns for the school's return (UPN, error code, message).</summary>
public sealed class CensusErrorsPickup(
    ActivitySource source,
    Meter meter,
    ILogger<CensusErrorsPickup> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    SftpClient sftp,
    PartnerEndpoint census)
{
    private readonly Counter<long> _errors = meter.CreateCounter<long>("sisfeed.census.errors", "{error}");

    public void PickUp(CancellationToken ct)
    {
        using var transfer = source.StartSisfeedTransfer(census.PartnerCode, "inbound");
        sftp.Connect();
        var files = sftp.ListDirectory(census.InboundDir).Where(f => f.Name.EndsWith("_errors.csv", StringComparison.Ordinal)).ToList();
        transfer.SetSisfeedRecordCount(files.Count); // clean precision-about
        logger.LogInformation("Census error files {Files}", files.Select(f => f.Name)); // clean precision-names

        foreach (var file in files)
        {
            SftpFile current = file;
            string text;
            try
            {
                text = sftp.ReadAllText(current.FullName);
            }
            catch (SftpPathNotFoundException ex)
            {
                logger.LogWarning(ex, "Census file {File} vanished before pickup", current.Name); // clean exceptions
                continue;
            }

            var byCode = new Dictionary<string, int>();
            var byPupil = new Dictionary<string, List<string>>();
            foreach (var row in Csv.Read(text))
            {
                var upn = row["upn"];
                var code = row["error_code"];
                byCode[code] = byCode.GetValueOrDefault(code) + 1;
                if (!byPupil.TryGetValue(upn, out var codes))
                {
                    byPupil[upn] = codes = new List<string>();
                }
                codes.Add(code);
                _errors.Add(1, new KeyValuePair<string, object?>("code", code)); // clean precision-names
                if (row["severity"] == "error")
                {
                    logger.LogWarning("Census error {Code} for UPN {Upn}: {Message}", code, upn, row["message"]); // leak TC1001 direct
                    logger.LogSisfeedRowRejectedEvent(census.PartnerCode, code, sisfeedFileName: current.Name, sisfeedStudentId: pseudonymizer.PseudonymizeSisfeedStudentId(upn)); // clean generated-api
                }
                var cohort = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(upn)), 0) % 16;
                Activity.Current?.SetTag("census.upn.cohort", cohort); // clean hashes
                Activity.Current?.SetTag("census.upn.hash", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(upn)))); // leak TC1002 hashes
            }

            logger.LogInformation("Errors by code {ByCode}", byCode); // clean logging-objects
            logger.LogInformation("Errors by pupil {ByPupil}", byPupil.ToDictionary(p => p.Key, p => p.Value.Count)); // leak TC1001 logging-objects
            logger.LogInformation("Pupils with errors: {Pupils}", byPupil.Count); // clean precision-about
            Activity.Current?.SetTag("census.pupils", string.Join(",", byPupil.Keys.Take(20))); // leak TC1001 strings
            Activity.Current?.SetTag("census.pupil.refs", string.Join(",", byPupil.Keys.Take(20).Select(pseudonymizer.ComputeSisfeedStudentId))); // clean precision-pseudonym
            meter.CreateSisfeedFilesCounter().Add(1, census.PartnerCode, "inbound", byCode.Count == 0 ? "clean" : "errors"); // clean generated-api
            sftp.RenameFile(current.FullName, census.InboundDir + "/done/" + current.Name);
        }
    }
}
