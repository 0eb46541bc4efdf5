namespace PrivacyHoldout97.Healthcare;

/// <summary>A clinic or discharge letter as the letters store indexes it.</summary>
public sealed record ClinicalLetter(string LetterId, string NhsNumber, string PatientEmail, string Kind, string BlobName, string ConsultantStaffId);

public interface ILetterStore
{
    Task<ClinicalLetter?> FindAsync(string letterId, CancellationToken cancellationToken);
}

/// <summary>
/// Letters are PDFs in the letters container. Patients get a short-lived download link in the
/// patient portal; the print and post contractor's system gets a link to the batch it prints. The
/// letter generator titles each PDF with the letter kind and the patient's name
/// (<c>Discharge summary - Jane Smith</c>) and sets the consultant's name as its author.
/// </summary>
[ApiController]
[Route("letters")]
public sealed class ClinicalLetterLinksController(
    ILetterStore letters,
    BlobServiceClient blobs,
    IMailer mailer,
    Pseudonymizer pseudonymizer,
    StorageOptions options,
    ILogger<ClinicalLetterLinksController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Letters");
    private const string LettersContainer = "letters";
    private const string PrintContractorBatches = "print-batches";

    [HttpPost("{letterId}/portal-link")]
    public async Task<ActionResult> SendPortalLinkAsync(string letterId, CancellationToken cancellationToken)
    {
        var letter = await letters.FindAsync(letterId, cancellationToken);
        if (letter is null)
        {
            return NotFound();
        }

        using var span = Source.StartClindocProcess("clinic-letter");
        span.SetClindocDocumentId(letter.LetterId);
        span.SetClindocSubjectId(pseudonymizer.PseudonymizeClindocSubjectId(letter.NhsNumber)); // clean precision-pseudonym
        var blob = blobs.GetBlobContainerClient(LettersContainer).GetBlobClient(letter.BlobName);

        var download = await blob.DownloadContentAsync(cancellationToken);
        using (var pdf = PdfDocument.Open(download.Value.Content.ToStream()))
        {
            span.Activity?.SetTag("pdf.pages", pdf.NumberOfPages); // clean precision-about
            span.Activity?.SetTag("pdf.producer", pdf.Information.Producer); // clean precision-names
            logger.LogInformation("Letter {LetterId} titled {Title}", letter.LetterId, pdf.Information.Title); // leak TC1001 direct
            span.Activity?.SetTag("pdf.author", pdf.Information.Author); // leak TC1001 direct
        }

        var expires = DateTimeOffset.UtcNow.Add(options.LinkLifetime);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = LettersContainer,
            BlobName = letter.BlobName,
            ContentDisposition = $"attachment; filename=\"{letter.Kind}-{letter.LetterId}.pdf\"",
        };
        var link = blob.GenerateSasUri(sas);
        span.SetClindocLinkExpiry(expires.ToString("O", CultureInfo.InvariantCulture)); // clean generated-api
        span.Activity?.SetTag("link.host", link.Host); // clean precision-about
        span.Activity?.SetTag("link.content_disposition", sas.ContentDisposition); // clean strings
        logger.LogDebug("Portal link for letter {LetterId}: {Link}", letter.LetterId, link); // leak TC1001 strings

        logger.LogInformation("Letter {LetterId} is a {Kind}", letter.LetterId, letter.Kind); // clean cross-member
        try
        {
            await mailer.SendAsync(letter.PatientEmail, "Your letter is ready", $"Download it within 24 hours: {link}", cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            span.RecordException(ex, "portal mail failed", includeMessage: true); // leak TC1001 exceptions
            return Ok(new { letterId, mailed = false });
        }

        logger.LogInformation("Portal link for {LetterId} mailed to {Recipient}", letter.LetterId, letter.PatientEmail); // leak TC1001 cross-member
        span.Activity?.SetTag("mail.recipient.domain", letter.PatientEmail[(letter.PatientEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag(ClindocAttributes.SubjectContact, pseudonymizer.Compute("patient.email", letter.PatientEmail)); // leak TC1001 precision-pseudonym
        return Ok(new { letterId, expires });
    }

    [HttpPost("print-batches/{batchId}/link")]
    public ActionResult LinkPrintBatch(string batchId)
    {
        using var span = Source.StartClindocProcess("print-batch");
        var blob = blobs.GetBlobContainerClient(PrintContractorBatches).GetBlobClient($"{DateTime.UtcNow:yyyy/MM/dd}/{batchId}.zip");
        var expires = DateTimeOffset.UtcNow.AddHours(6);
        var link = blob.GenerateSasUri(new BlobSasBuilder(BlobSasPermissions.Read, expires) { BlobContainerName = PrintContractorBatches, BlobName = blob.Name });
        span.SetClindocDocumentId(batchId);
        span.SetClindocBlobName(blob.Name); // clean generated-api
        logger.LogInformation("Print contractor link for batch {BatchId}: {Link}", batchId, link); // clean strings
        return Ok(new { link, expires });
    }
}
