namespace PrivacyHoldout97.Retail;

/// <summary>
/// The invoice archive: invoices are PDFs kept for seven years under an immutability policy, indexed
/// by tags (year, store, customer for account customers) and named by year and invoice number
/// (<c>{year}/{invoiceNumber}.pdf</c>). The nightly job deletes what is past
/// retention; the disputes team can place a legal hold on a customer's invoices.
/// </summary>
public sealed class InvoiceArchiveRetention(
    BlobServiceClient blobs,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<InvoiceArchiveRetention> logger)
{
    private const string Container = "invoices";
    private static readonly ActivitySource Source = new("Retail.Finance.InvoiceArchive");
    private static readonly Meter Meter = new("Retail.Finance.InvoiceArchive");
    private static readonly Counter<long> Deleted = Meter.CreateCounter<long>("invoices.deleted", "{invoice}");
    private static readonly Counter<long> HoldsPlaced = Meter.CreateCounter<long>("invoices.holds", "{invoice}");

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddYears(-7);
        using var span = Source.StartStorefileProcess("invoice");
        span.SetStorefileRetentionLabel("invoice-7y");
        var filter = $"\"year\" <= '{cutoff.Year - 1}' AND \"hold\" = 'none'";
        span.Activity?.SetTag("archive.tag_filter", filter); // clean strings
        var deleted = 0;
        await foreach (var item in blobs.GetBlobContainerClient(Container).FindBlobsByTagsAsync(filter, cancellationToken))
        {
            var blob = blobs.GetBlobContainerClient(Container).GetBlobClient(item.BlobName);
            try
            {
                await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
                deleted++;
                logger.LogDebug("Deleted invoice {BlobName}", item.BlobName); // clean cross-member
                logger.LogDebug("Deleted invoice tags {Tags}", item.Tags); // leak TC1001 logging-objects
                logger.LogDebug("Deleted invoice of store {Store}", item.Tags.TryGetValue("store", out var store) ? store : "-"); // clean cross-member
                logger.LogDebug("Deleted invoice of customer {Customer}", item.Tags.TryGetValue("customer", out var customer) ? customer : "-"); // leak TC1001 cross-member
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == "BlobImmutableDueToPolicy")
            {
                logger.LogWarning(ex, "Invoice {BlobName} is still immutable", item.BlobName); // clean exceptions
            }
        }
        Deleted.Add(deleted, new KeyValuePair<string, object?>("retention.label", "invoice-7y")); // clean precision-names
        span.Activity?.SetTag("archive.deleted", deleted);
    }

    public async Task PlaceHoldAsync(LegalHold hold, string customerNumber, CancellationToken cancellationToken)
    {
        using var span = Source.StartStorefileProcess("invoice-hold");
        span.SetStorefileSubjectId(pseudonymizer.PseudonymizeStorefileSubjectId(customerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("hold.id", hold.HoldId); // clean precision-names
        span.Activity?.SetTag("hold.matter", hold.MatterReference); // clean precision-names
        logger.LogInformation("Placing {Hold}", hold); // leak TC1001 logging-objects
        logger.LogInformation("Hold {HoldId} placed by {PlacedBy}", hold.HoldId, hold.PlacedByEmail); // leak TC1001 cross-member

        var filter = $"\"customer\" = '{customerNumber}'";
        span.Activity?.SetTag("archive.tag_filter", filter); // leak TC1001 strings
        var held = 0;
        await foreach (var item in blobs.GetBlobContainerClient(Container).FindBlobsByTagsAsync(filter, cancellationToken))
        {
            var blob = blobs.GetBlobContainerClient(Container).GetBlobClient(item.BlobName);
            await blob.SetLegalHoldAsync(true, cancellationToken);
            var tags = new Dictionary<string, string>(item.Tags) { ["hold"] = hold.HoldId };
            await blob.SetTagsAsync(tags, cancellationToken);
            held++;
        }
        HoldsPlaced.Add(held, new KeyValuePair<string, object?>("matter", hold.MatterReference)); // clean precision-names
        HoldsPlaced.Add(held, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeStorefileSubjectId(customerNumber))); // leak TC1003 precision-pseudonym
        span.SetStorefileNote($"{held} invoices held for {hold.MatterReference}"); // clean generated-api

        // Marketing's suppression list is keyed by SHA-1 of the customer number; held customers are suppressed.
        var suppression = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(customerNumber)));
        logger.LogInformation("Suppression key {Key} for hold {HoldId}", suppression, hold.HoldId); // leak TC1002 hashes
    }
}
