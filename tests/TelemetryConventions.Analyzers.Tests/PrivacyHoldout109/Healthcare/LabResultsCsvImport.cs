namespace PrivacyHoldout109.Healthcare;

/// <summary>Imports the reference lab's daily results CSV (hospital number, NHS number, test, value) into the EPR.</summary>
public sealed class LabResultsCsvImport(
    ActivitySource source,
    ILogger<LabResultsCsvImport> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint lab,
    IFileArchive archive,
    InterchangeOptions options)
{
    private static readonly RetentionPolicy LabFiles = new("lab-results", TimeSpan.FromDays(365 * 8));

    public async Task<ImportSummary> ImportAsync(SftpFile file, CancellationToken ct)
    {
        var bytes = sftp.ReadAllBytes(file.FullName);
        var manifest = FileManifest.Parse(sftp.ReadAllText(file.FullName + ".sha256"));
        using var span = source.StartClaimfeedImport(lab.PartnerCode, file.Name);
        span.SetClaimfeedFileFormat("csv"); // clean precision-names

        var actual = FileManifest.Sha256Of(bytes);
        if (actual != manifest.Sha256)
        {
            var mismatch = new ChecksumMismatchException(file.Name, manifest.Sha256, actual);
            span.RecordException(mismatch, includeMessage: true); // clean exceptions
            span.SetClaimfeedOutcome("checksum_mismatch"); // clean generated-api
            throw mismatch;
        }

        var rejections = new List<RowRejection>();
        var accepted = 0;
        var stopwatch = Stopwatch.StartNew();
        IEnumerable<CsvRecord> records;
        try
        {
            records = Csv.Read(Encoding.UTF8.GetString(bytes)).ToList();
        }
        catch (CsvBadDataException ex)
        {
            logger.LogError(ex, "Lab file {File} unreadable at line {Line}", file.Name, ex.Line); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"bad data at line {ex.Line}"); // clean exceptions
            throw;
        }

        foreach (var row in records)
        {
            var hospitalNumber = row["hospital_number"];
            var nhsNumber = row["nhs_number"];
            if (nhsNumber.Length != 10 || !nhsNumber.All(char.IsDigit))
            {
                var rejection = new RowRejection(row.LineNumber, "nhs_number", "invalid check digit", row.RawRecord);
                rejections.Add(rejection);
                logger.LogWarning("Rejected {Rejection}", rejection); // leak TC1001 logging-objects
                logger.LogWarning("Rejected line {Line}: {Field} {Reason}", rejection.LineNumber, rejection.Field, rejection.Reason); // clean precision-names
                logger.LogWarning("Rejected NHS number {NhsNumber} ({Length} digits)", nhsNumber, nhsNumber.Length); // leak TC1001 direct
                logger.LogClaimfeedRowRejectedEvent(lab.PartnerCode, "invalid_nhs_number", claimfeedFileName: file.Name, claimfeedMemberId: pseudonymizer.PseudonymizeClaimfeedMemberId(hospitalNumber), claimfeedNote: $"line {row.LineNumber}: NHS number has {nhsNumber.Length} digits"); // clean generated-api
                continue;
            }
            if (!await PatientExistsAsync(hospitalNumber, ct))
            {
                rejections.Add(new RowRejection(row.LineNumber, "hospital_number", "unknown patient", row.RawRecord));
                logger.LogClaimfeedRowRejectedEvent(lab.PartnerCode, "unknown_patient", claimfeedFileName: file.Name, claimfeedNote: $"no patient {hospitalNumber} in the EPR"); // leak TC1001 generated-api
                span.SetClaimfeedNote("unmatched hospital number " + hospitalNumber[..3] + "…"); // clean precision-about
                continue;
            }
            accepted++;
        }

        span.SetClaimfeedRecordCount(accepted + rejections.Count); // clean precision-about
        span.SetClaimfeedRejectedCount(rejections.Count); // clean precision-about
        var summary = new ImportSummary(file.Name, accepted + rejections.Count, accepted, rejections.Count, stopwatch.Elapsed) { Rejections = rejections };
        logger.LogInformation("Lab import done {Summary}", summary); // clean logging-objects
        logger.LogDebug("Rejected lines {Lines}", rejections.Select(r => r.LineNumber)); // clean precision-about
        logger.LogDebug("Rejected rows {Rows}", rejections.Select(r => r.RawLine)); // leak TC1001 logging-objects
        if (rejections.Count * 100 > options.MaxRejectedRatioPercent * (accepted + rejections.Count))
        {
            span.SetClaimfeedOutcome("rejected"); // clean generated-api
            Activity.Current?.SetTag("lab.reject.first", rejections[0].RawLine); // leak TC1001 cross-member
        }

        var archived = await archive.PutAsync($"lab/{lab.PartnerCode}/{file.Name}", bytes, LabFiles, ct);
        Activity.Current?.SetTag("archive.blob", archived.BlobName); // clean precision-names
        Activity.Current?.SetTag("archive.retain_until", archived.RetainUntil.ToString("O")); // clean precision-about
        return summary;
    }

    private static Task<bool> PatientExistsAsync(string hospitalNumber, CancellationToken ct) => Task.FromResult(hospitalNumber.Length == 8);
}
