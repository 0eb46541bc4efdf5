using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Support.Documents;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Healthcare;

public sealed record DischargeSummary(
    Guid EncounterId,
    string HospitalNumber,
    string FamilyName,
    string GivenName,
    DateOnly DischargedOn,
    string Ward,
    string ConsultantName,
    string GpPracticeCode);

/// <summary>Renders the discharge letter sent to the GP practice and stores it with the encounter.</summary>
public sealed class DischargeLetterService(
    IPdfRenderer renderer,
    BlobServiceClient blobs,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<DischargeLetterService> logger)
{
    private const string Template = "discharge-letter-v4";
    private const string PatientLetterContainer = "discharge-letters";
    private const string GpOutboxRoot = "/mnt/gp-outbox";

    public async Task<string> CreateAsync(DischargeSummary summary, CancellationToken cancellationToken)
    {
        using var span = source.StartDocumentRender("discharge-letter").SetDocumentOwnerId(pseudonymizer.PseudonymizeDocumentOwnerId(summary.HospitalNumber)); // clean precision-pseudonym
        logger.LogDebug("Rendering {Summary}", summary); // leak TC1001 logging-objects

        RenderedPdf pdf;
        try
        {
            pdf = await renderer.RenderAsync(Template, summary, cancellationToken);
        }
        catch (TemplateNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Template {Template} missing for encounter {EncounterId}", Template, summary.EncounterId); // clean exceptions
            throw;
        }

        span.SetDocumentPageCount(pdf.PageCount);

        // The practice's inbox shows the attachment's name, so it says whose letter it is.
        var fileName = $"{summary.FamilyName.ToUpperInvariant()}_{summary.GivenName}_{summary.DischargedOn:yyyyMMdd}_discharge.pdf";
        span.SetDocumentNote($"rendered {fileName} with template {pdf.TemplateVersion}"); // leak TC1001 generated-api

        var letterId = Guid.NewGuid();
        var blob = blobs.GetBlobContainerClient(PatientLetterContainer).GetBlobClient($"{summary.DischargedOn:yyyy/MM}/{letterId:N}.pdf");
        await using (var stream = new MemoryStream(pdf.Content, writable: false))
        {
            await blob.UploadAsync(stream, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf", ContentDisposition = $"attachment; filename=\"{fileName}\"" },
            }, cancellationToken);
        }

        span.SetDocumentId(letterId.ToString("N")); // clean precision-about

        // Practices without the messaging service still collect letters from the shared outbox.
        var outboxPath = Path.Combine(GpOutboxRoot, summary.GpPracticeCode, fileName);
        try
        {
            await File.WriteAllBytesAsync(outboxPath, pdf.Content, cancellationToken);
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not copy letter {LetterId} to the outbox of practice {Practice}", letterId, summary.GpPracticeCode); // leak TC1001 exceptions
        }
        Activity.Current?.SetTag("letter.blob", blob.Name); // clean precision-about
        Activity.Current?.SetTag("letter.container", PatientLetterContainer); // clean precision-names
        meter.CreateDocumentSizeHistogram().Record(pdf.Content.Length, documentKind: "discharge-letter");

        logger.LogInformation("Discharge letter {LetterId} for {Patient} written to {Blob} ({Pages} pages)", letterId, summary.GivenName + " " + summary.FamilyName, blob.Name, pdf.PageCount); // leak TC1001 strings
        logger.LogInformation("Discharge letter {LetterId} waits for review by {Consultant}", letterId, summary.ConsultantName); // leak TC1001 direct
        logger.LogInformation("Discharge letter {LetterId} routed to practice {Practice} from ward {Ward}", letterId, summary.GpPracticeCode, summary.Ward); // clean precision-about
        return blob.Name;
    }
}
