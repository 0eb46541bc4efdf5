namespace PrivacyHoldout97.Healthcare;

/// <summary>
/// The records retention sweep: every night, documents past their retention date (eight years after
/// the last episode for adults) are deleted from storage and marked disposed in the index, unless a
/// legal hold covers them. Documents are kept under the patient's folder
/// (<c>patients/{nhsNumber}/{kind}/{documentId}.pdf</c>); the record's <c>OwnerRef</c> is the NHS number.
/// </summary>
public sealed class RecordsRetentionSweeper(
    IDocumentIndex index,
    BlobServiceClient blobs,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<RecordsRetentionSweeper> logger)
{
    private static readonly ActivitySource Source = new("Trust.Records.Retention");
    private static readonly Meter Meter = new("Trust.Records.Retention");
    private static readonly Counter<long> Disposed = Meter.CreateCounter<long>("records.disposed", "{document}");
    private static readonly Counter<long> Held = Meter.CreateCounter<long>("records.held", "{document}");

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var asOf = clock.GetUtcNow();
        using var run = Source.StartActivity("records.retention.sweep");
        run?.SetTag("retention.as_of", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var disposedPatients = new List<string>();
        var disposed = 0;

        await foreach (var record in index.ExpiredAsync(asOf, batchSize: 500, cancellationToken))
        {
            using var span = Source.StartClindocProcess(record.Kind);
            span.SetClindocDocumentId(record.DocumentId);
            span.SetClindocRetentionLabel(record.RetentionLabel);
            span.SetClindocBlobName(record.BlobName); // leak TC1001 generated-api
            span.SetClindocSubjectId(pseudonymizer.PseudonymizeClindocSubjectId(record.OwnerRef)); // clean precision-pseudonym
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["DocumentId"] = record.DocumentId, ["Label"] = record.RetentionLabel }); // clean logging-objects
            logger.LogDebug("Considering {Record}", record); // leak TC1001 logging-objects

            var holds = await index.HoldsForAsync(record.DocumentId, cancellationToken);
            if (holds.Count > 0)
            {
                Held.Add(1, new KeyValuePair<string, object?>("records.kind", record.Kind)); // clean precision-about
                logger.LogInformation("Document {DocumentId} kept under hold {HoldId} for matter {Matter}", record.DocumentId, holds[0].HoldId, holds[0].MatterReference); // clean precision-names
                logger.LogDebug("Holds on {DocumentId}: {Holds}", record.DocumentId, holds); // leak TC1001 logging-objects
                logger.LogDebug("First hold placed by {PlacedBy}", holds[0].PlacedByEmail); // leak TC1001 cross-member
                continue;
            }

            var blob = blobs.GetBlobContainerClient(record.Container).GetBlobClient(record.BlobName);
            try
            {
                var deleted = await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken);
                await index.MarkDisposedAsync(record.DocumentId, asOf, cancellationToken);
                span.SetClindocOutcome(deleted.Value ? "deleted" : "already-gone");
                logger.LogInformation("Deleted {BlobName} under label {Label}", record.BlobName, record.RetentionLabel); // leak TC1001 cross-member
                disposedPatients.Add(record.OwnerRef);
                disposed++;
                Disposed.Add(1, new KeyValuePair<string, object?>("records.label", record.RetentionLabel)); // clean precision-names
            }
            catch (RetentionConflictException ex)
            {
                logger.LogWarning(ex, "Index refused disposal of {DocumentId}", ex.DocumentId); // clean exceptions
                span.RecordException(ex, "retention conflict", includeMessage: true); // clean exceptions
            }
            catch (RequestFailedException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, $"{ex.Status} {ex.ErrorCode}"); // clean exceptions
            }
        }

        run?.SetTag("records.disposed", disposed); // clean precision-about
        run?.SetTag("records.patients", disposedPatients.Distinct().Count()); // clean precision-about
        logger.LogInformation("Swept records of {Patients}", string.Join(",", disposedPatients)); // leak TC1001 strings

        // The information governance team reconciles the sweep against the PAS by patient without seeing numbers.
        var reconcile = disposedPatients.Select(n => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(n)))[..16]);
        run?.SetTag("records.reconcile", string.Join(",", reconcile)); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var buckets = disposedPatients.Select(n => hmac.ComputeHash(Encoding.UTF8.GetBytes(n))[0] % 16).Distinct().Order();
        run?.SetTag("records.shards", string.Join(",", buckets)); // clean hashes
    }
}
