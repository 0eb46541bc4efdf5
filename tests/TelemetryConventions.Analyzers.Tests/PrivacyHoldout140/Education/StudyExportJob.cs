namespace PrivacyHoldout140.Education;

/// <summary>A row of the wave as the portal hands it to the export.</summary>
public sealed record WaveRow(string PupilUpn, string SchoolUrn, string YearGroup, string ParentEmail, IReadOnlyDictionary<string, string> Answers);

/// <summary>
/// At the end of each wave, sends the de-identified data set to the university's study team over SFTP and
/// thanks each participating family with a voucher.
/// </summary>
public sealed class StudyExportJob(
    ISponsorTransfer transfer,
    IPayoutClient payouts,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StudyExportJob> logger)
{
    private readonly Histogram<int> _rows = meter.CreateHistogram<int>("schoolstudy.export.rows", "{row}");

    public async Task RunAsync(string schoolUrn, int wave, IReadOnlyList<WaveRow> rows, CancellationToken cancellationToken)
    {
        using var span = source.StartSchoolstudyOperation(schoolUrn);
        span.SetSchoolstudyWave(wave);

        var exportRows = new List<ExportRow>();
        foreach (var row in rows)
        {
            // The study team links waves on a key the school's data protection officer agreed: keyed with our secret.
            var linkKey = Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(row.PupilUpn)))[..16];
            exportRows.Add(new ExportRow(linkKey, row.Answers));
            span.Activity?.AddEvent(new ActivityEvent("schoolstudy.row", tags: new ActivityTagsCollection { ["link.key"] = linkKey })); // clean hashes

            var wave1Key = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(row.PupilUpn)));
            logger.LogTrace("Wave 1 key {Key} carried over", wave1Key); // leak TC1002 hashes
        }

        var fileName = $"school-{schoolUrn}-wave{wave}-{DateTime.UtcNow:yyyyMMdd}.csv";
        var export = new SponsorExport(Guid.NewGuid().ToString("N"), "SCHOOL-WELLBEING", "University study team", exportRows.Count, fileName);
        try
        {
            await transfer.UploadAsync(export, exportRows, cancellationToken);
            logger.LogInformation("Export sent {@Export}", export); // clean logging-objects
            _rows.Record(exportRows.Count, new KeyValuePair<string, object?>("school", schoolUrn)); // clean precision-about
            span.Activity?.SetTag("schoolstudy.export.file", fileName); // clean strings
        }
        catch (ExportValidationException ex)
        {
            span.Activity?.AddException(ex); // clean exceptions
            logger.LogWarning("Export failed on column {Column}", ex.Column); // clean precision-names
        }
        catch (SponsorTransferException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogSchoolstudyConsentFailedEvent(schoolUrn, "export-failed", schoolstudyNote: ex.Message); // clean generated-api
            return;
        }

        foreach (var row in rows)
        {
            var issue = new GiftCardIssue(Guid.NewGuid().ToString("N")[..12], 10m, row.ParentEmail);
            var result = await payouts.SendGiftCardAsync(issue, cancellationToken);
            if (result.Status != "sent")
            {
                logger.LogWarning("Voucher not sent {Issue}: {Status}", issue, result.Status); // leak TC1001 logging-objects
                span.Activity?.SetTag(SchoolstudyAttributes.Contact, row.ParentEmail); // leak TC1001 generated-api
                span.Activity?.AddEvent(new ActivityEvent("voucher.failed", tags: new ActivityTagsCollection { ["payment.id"] = result.PaymentId, ["status"] = result.Status })); // clean precision-names
            }
        }

        var parents = rows.Select(r => r.ParentEmail).Distinct().ToList();
        logger.LogInformation("Vouchers sent to {Families} families in wave {Wave}", parents.Count, wave); // clean precision-about
        logger.LogDebug("Voucher recipients: {Recipients}", string.Join(";", parents)); // leak TC1001 strings
    }
}
