namespace PrivacyHoldout109.Education;

/// <summary>Archives the transcripts sent to universities and purges exchanged files whose retention has run out.</summary>
public sealed class TranscriptFileRetention(
    ActivitySource source,
    Meter meter,
    ILogger<TranscriptFileRetention> logger,
    Pseudonymizer pseudonymizer,
    IFileArchive archive,
    SftpClient sftp,
    PartnerEndpoint admissions)
{
    private static readonly RetentionPolicy Transcripts = new("transcripts", TimeSpan.FromDays(365 * 6));

    private readonly Histogram<double> _ageAtPurge = meter.CreateHistogram<double>("sisfeed.archive.age_at_purge", "d");

    public async Task SendTranscriptAsync(string studentNumber, string universityCode, byte[] pdf, CancellationToken ct)
    {
        var fileName = $"TR_{universityCode}_{studentNumber}_{DateTime.UtcNow:yyyyMMdd}.pdf";
        using var span = source.StartSisfeedTransfer(admissions.PartnerCode, "outbound");
        span.SetSisfeedFileName(fileName); // leak TC1001 generated-api
        span.SetSisfeedFileSize(pdf.Length); // clean precision-about
        span.SetSisfeedFileChecksum(Convert.ToHexString(SHA256.HashData(pdf))); // clean hashes
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(pdf), $"{admissions.OutboundDir}/{universityCode}/{fileName}");

        var archived = await archive.PutAsync($"transcripts/{universityCode}/{fileName}", pdf, Transcripts, ct);
        logger.LogInformation("Transcript archived {Archived}", archived); // leak TC1001 logging-objects
        logger.LogInformation("Transcript for {Student} to {University} archived until {Until}", pseudonymizer.ComputeSisfeedStudentId(studentNumber), universityCode, archived.RetainUntil); // clean precision-pseudonym
        Activity.Current?.SetBaggage("sisfeed.student", studentNumber); // leak TC1001 direct
    }

    public async Task PurgeAsync(CancellationToken ct)
    {
        using var span = source.StartSisfeedImport(admissions.PartnerCode, "retention-sweep");
        var purged = 0;
        await foreach (var file in archive.ExpiredAsync(DateTimeOffset.UtcNow, ct))
        {
            try
            {
                await archive.DeleteAsync(file, ct);
                purged++;
                _ageAtPurge.Record((DateTimeOffset.UtcNow - file.RetainUntil).TotalDays, new KeyValuePair<string, object?>("container", file.Container)); // clean precision-names
                logger.LogDebug("Purged {Bytes} bytes from {Container}", file.Bytes, file.Container); // clean precision-about
            }
            catch (LegalHoldException ex)
            {
                logger.LogWarning(ex, "Skipped a file under legal hold"); // leak TC1001 exceptions
                span.SetSisfeedNote(ex.GetType().Name); // clean exceptions
            }
        }
        span.SetSisfeedRecordCount(purged); // clean precision-about
        meter.CreateSisfeedFilesCounter().Add(purged, admissions.PartnerCode, "archive", "purged"); // clean generated-api
    }
}
