using Azure;
using Azure.Security.KeyVault.Secrets;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PrivacyHoldout68.Healthcare;

public sealed record ClinicLetter(Guid LetterId, string NhsNumber, string Clinic, string AuthorStaffNumber, byte[] Pdf);

/// <summary>
/// Stores clinic letters in the "letters" container under patients/{nhsNumber}/letters/{letterId}.pdf and
/// signs the GP-connect upload with the practice's key, kept in Key Vault as "gp-{odsCode}-signing".
/// Patients' portal tokens are kept per patient as "portal-{nhsNumber}".
/// </summary>
public sealed class ClinicalDocuments(BlobServiceClient blobs, SecretClient secrets, Pseudonymizer pseudonymizer, ILogger<ClinicalDocuments> logger)
{
    private static readonly ActivitySource Source = new("Trust.Documents");
    private static readonly Meter DocumentsMeter = new("Trust.Documents");
    private static readonly Histogram<long> LetterBytes = DocumentsMeter.CreateHistogram<long>("letters.size", "By");
    private static readonly Counter<long> SecretMisses = DocumentsMeter.CreateCounter<long>("keyvault.secret_misses");

    private readonly BlobContainerClient _letters = blobs.GetBlobContainerClient("letters");

    public async Task<Uri> StoreAsync(ClinicLetter letter, CancellationToken ct)
    {
        var blobName = $"patients/{letter.NhsNumber}/letters/{letter.LetterId:N}.pdf";
        var blob = _letters.GetBlobClient(blobName);
        using var span = Source.StartChartStore($"blob upload {_letters.Name}") // clean precision-names
            .SetChartDocumentId(letter.LetterId.ToString("N")) // clean precision-about
            .SetChartPatientId(pseudonymizer.PseudonymizeChartPatientId(letter.NhsNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("az.storage.blob", blob.Name); // leak TC1001 strings
        span.Activity?.SetTag("az.storage.container", blob.BlobContainerName); // clean precision-names

        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
            Metadata = new Dictionary<string, string> { ["clinic"] = letter.Clinic, ["author"] = letter.AuthorStaffNumber, ["kind"] = "clinic-letter" },
        };
        try
        {
            var uploaded = await blob.UploadAsync(new MemoryStream(letter.Pdf), options, ct);
            LetterBytes.Record(letter.Pdf.LongLength, new KeyValuePair<string, object?>("clinic", letter.Clinic)); // clean precision-about
            logger.LogInformation("Letter {LetterId} stored ({ETag}, version {VersionId})", letter.LetterId, uploaded.Value.ETag, uploaded.Value.VersionId); // clean precision-about
            logger.LogDebug("Letter metadata {@Metadata}", options.Metadata); // leak TC1001 logging-objects
            logger.LogDebug("Letter metadata keys {Keys}", options.Metadata.Keys); // clean precision-names
            return blob.Uri;
        }
        catch (RequestFailedException ex)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.ErrorCode); // clean exceptions
            logger.LogError(ex, "Upload to {Container} failed with {Status}", _letters.Name, ex.Status); // clean exceptions
            logger.LogError("Upload of {BlobUri} failed", blob.Uri); // leak TC1001 cross-member
            throw;
        }
    }

    public async Task<string?> PortalTokenAsync(string nhsNumber, CancellationToken ct)
    {
        var secretName = $"portal-{nhsNumber}";
        try
        {
            var secret = await secrets.GetSecretAsync(secretName, cancellationToken: ct);
            Activity.Current?.SetTag("keyvault.secret.version", secret.Value.Properties.Version); // clean precision-about
            Activity.Current?.SetTag("keyvault.secret.expires", secret.Value.Properties.ExpiresOn?.ToString("O")); // clean precision-about
            return secret.Value.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            SecretMisses.Add(1, new KeyValuePair<string, object?>("vault", secrets.VaultUri.Host), new("error_code", ex.ErrorCode)); // clean precision-about
            logger.LogWarning("Portal token missing: {Reason}", ex.Message); // leak TC1001 exceptions
            return null;
        }
    }

    public async Task<byte[]> PracticeKeyAsync(string odsCode, CancellationToken ct)
    {
        try
        {
            var secret = await secrets.GetSecretAsync($"gp-{odsCode}-signing", cancellationToken: ct);
            return Convert.FromBase64String(secret.Value.Value);
        }
        catch (RequestFailedException ex)
        {
            logger.LogError("Practice key for {OdsCode} unavailable: {Message}", odsCode, ex.Message); // clean exceptions
            throw;
        }
    }

    public async Task PurgeAsync(string nhsNumber, IReadOnlyList<Guid> letterIds, CancellationToken ct)
    {
        var deleted = 0;
        foreach (var id in letterIds)
        {
            var blob = _letters.GetBlobClient($"patients/{nhsNumber}/letters/{id:N}.pdf");
            if ((await blob.DeleteIfExistsAsync(ct)).Value)
            {
                deleted++;
            }
        }
        var prefix = $"patients/{nhsNumber}/";
        logger.LogInformation("Purged {Deleted} of {Requested} letters under {Prefix}", deleted, letterIds.Count, prefix); // leak TC1001 strings
        Activity.Current?.SetTag("letters.purged", deleted); // clean precision-about
        Activity.Current?.SetTag(ChartAttributes.PatientContact, pseudonymizer.PseudonymizeChartPatientId(nhsNumber).ToString()); // leak TC1001 precision-pseudonym
    }
}
