namespace PrivacyHoldout140.Healthcare;

/// <summary>A tube scanned at the biobank's goods-in bench.</summary>
public sealed record TubeScanned(string ShipmentId, string StudyCode, string LabelText, string ManifestStudyNumber, string VisitCode, string Matrix, DateTime CollectedAt);

/// <summary>A participant withdrew consent for their samples to be kept.</summary>
public sealed record SampleWithdrawal(string StudyCode, string StudyNumber, string[] SampleIds, string ContactEmail);

/// <summary>
/// Tracks samples from the sites into the biobank: reads the goods-in scans from Kafka (the topic is keyed by
/// shipment id), checks the label against the shipment manifest, accessions the aliquots in the LIMS and destroys
/// samples when consent is withdrawn.
/// </summary>
public sealed class BiobankSampleTracker(
    IConsumer<string, TubeScanned> consumer,
    IBiobankLims lims,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<BiobankSampleTracker> logger)
{
    private readonly Counter<long> _accessioned = meter.CreateCounter<long>("biobank.aliquots.accessioned", "{aliquot}");
    private readonly List<string> _mismatchedLabels = new();

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }

        var scan = result.Message.Value;
        using var span = source.StartTrialsiteOperation(scan.StudyCode);
        span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
        span.Activity?.SetTag("biobank.shipment.id", scan.ShipmentId); // clean precision-names
        span.SetTrialsiteVisitCode(scan.VisitCode); // clean precision-names

        // Sites print "<study number>-<visit>-<matrix>" on the tube; the biobank's own id is a random barcode.
        var labelStudyNumber = scan.LabelText.Split('-')[0];
        try
        {
            if (labelStudyNumber != scan.ManifestStudyNumber)
            {
                throw new SampleMismatchException(scan.ManifestStudyNumber, labelStudyNumber);
            }

            var receipt = new SampleReceipt(Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), scan.ManifestStudyNumber, scan.VisitCode, scan.CollectedAt);
            var aliquot = await lims.AccessionAsync(receipt, cancellationToken);
            span.Activity?.SetTag("biobank.sample.id", aliquot.SampleId); // clean precision-names
            span.Activity?.SetTag("biobank.tube.label", scan.LabelText); // leak TC1001 strings
            logger.LogInformation("Accessioned {@Aliquot}", aliquot); // clean logging-objects
            logger.LogDebug("Receipt {Receipt}", receipt); // leak TC1001 logging-objects
            _accessioned.Add(1, new("matrix", aliquot.Matrix), new("study", scan.StudyCode)); // clean precision-about
            span.Activity?.SetTag("biobank.hours_to_freezer", Math.Round((DateTime.UtcNow - scan.CollectedAt).TotalHours, 1)); // clean precision-about
        }
        catch (SampleMismatchException ex)
        {
            _mismatchedLabels.Add(scan.LabelText);
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogTrialsiteOperationFailedEvent(scan.StudyCode, "label-mismatch", trialsiteNote: $"shipment {scan.ShipmentId}, {scan.Matrix}"); // clean generated-api
        }
        catch (ColdChainException ex)
        {
            logger.LogError(ex, "Cold chain broken for shipment {Shipment}", scan.ShipmentId); // clean exceptions
        }

        consumer.Commit(result);
    }

    public void ReportMismatches()
    {
        logger.LogWarning("Labels to re-check: {Labels}", string.Join(", ", _mismatchedLabels)); // leak TC1001 cross-member
        logger.LogWarning("{Count} labels to re-check", _mismatchedLabels.Count); // clean precision-about
    }

    public async Task WithdrawAsync(SampleWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        using var span = source.StartTrialsiteOperation(withdrawal.StudyCode);
        var reference = pseudonymizer.ComputeTrialsiteParticipantId(withdrawal.StudyNumber);
        span.Activity?.SetTag(TrialsiteAttributes.Contact, pseudonymizer.Pseudonymize("participant.email", withdrawal.ContactEmail).Value); // leak TC1001 precision-pseudonym
        span.SetTrialsiteParticipantId(Pseudonym.FromComputed(withdrawal.StudyNumber)); // leak TC1001 precision-pseudonym

        foreach (var sampleId in withdrawal.SampleIds)
        {
            await lims.DestroyAsync(sampleId, "consent-withdrawn", cancellationToken);
        }

        logger.LogInformation("Destroyed {Count} samples for {Participant}", withdrawal.SampleIds.Length, reference); // clean precision-pseudonym
        var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(withdrawal.StudyNumber)));
        logger.LogInformation("Withdrawal digest {Digest} recorded for the audit trail", digest); // leak TC1002 hashes
        span.Activity?.SetTag("biobank.withdrawal.samples", string.Join(",", withdrawal.SampleIds)); // clean precision-names
    }
}
