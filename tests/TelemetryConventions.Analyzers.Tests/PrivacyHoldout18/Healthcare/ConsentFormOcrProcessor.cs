using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.AI.FormRecognizer.DocumentAnalysis;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Healthcare;

/// <summary>A page the records scanning bureau put in the scans container: scans/{batchId}/{sequence}.tif.</summary>
public sealed record ScannedPage(Guid BatchId, int Sequence, string BlobName);

public static class NhsNumber
{
    public static bool HasValidCheckDigit(string digits)
    {
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return (check == 11 ? 0 : check) == digits[9] - '0';
    }
}

/// <summary>Reads paper consent forms scanned by the records bureau and files them against the patient.</summary>
public sealed class ConsentFormOcrProcessor(
    DocumentAnalysisClient ocr,
    BlobServiceClient blobs,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ConsentFormOcrProcessor> logger)
{
    private const string ModelId = "consent-form-v3";
    private static readonly ActivitySource Source = new("Clinic.DocumentScanning");
    private readonly Counter<long> _pagesPerPatient = meter.CreateCounter<long>("scanning.pages", "{page}");

    public async Task ProcessAsync(ScannedPage page, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ocr consent-form");
        logger.LogDebug("Processing {Page}", page); // clean logging-objects
        activity?.SetTag("scan.blob", page.BlobName); // clean precision-about

        var blob = blobs.GetBlobContainerClient("scans").GetBlobClient(page.BlobName);
        await using var image = await blob.OpenReadAsync(cancellationToken);
        var operation = await ocr.AnalyzeDocumentAsync(WaitUntil.Completed, ModelId, image, cancellationToken);
        var result = operation.Value;
        activity?.SetTag("ocr.model", result.ModelId);
        activity?.SetTag("ocr.pages", result.Pages.Count);

        if (result.Documents.Count == 0)
        {
            logger.LogWarning("No consent form recognised in {Blob}; the page reads {Text}", page.BlobName, result.Content); // leak TC1001 direct
            return;
        }

        var form = result.Documents[0];
        activity?.SetTag("ocr.confidence", form.Confidence);
        activity?.SetTag("ocr.fields", string.Join(',', form.Fields.Keys)); // clean precision-names

        if (!form.Fields.TryGetValue("NhsNumber", out var nhsField) || nhsField.Content is not { } printed)
        {
            logger.LogWarning("Consent form {Batch}/{Sequence} has no NHS number", page.BatchId, page.Sequence); // clean precision-about
            return;
        }

        var digits = new string(printed.Where(char.IsAsciiDigit).ToArray());
        activity?.SetTag("ocr.nhs_number", digits); // leak TC1001 direct
        activity?.SetTag("ocr.nhs_number.confidence", nhsField.Confidence); // clean precision-about
        activity?.SetTag("ocr.nhs_number.valid", NhsNumber.HasValidCheckDigit(digits)); // clean precision-about
        activity?.SetTag(DocumentAttributes.OwnerId, pseudonymizer.ComputeDocumentOwnerId(digits)); // clean precision-pseudonym

        var patientName = form.Fields.TryGetValue("PatientName", out var nameField) ? nameField.Content : null;
        if (nameField is { Confidence: < 0.6f })
        {
            logger.LogInformation("Low confidence ({Confidence:P0}) on patient name '{Name}' in batch {Batch}", nameField.Confidence, patientName, page.BatchId); // leak TC1001 direct
        }

        // Records managers asked for the number of pages filed per patient.
        _pagesPerPatient.Add(result.Pages.Count, new KeyValuePair<string, object?>(DocumentAttributes.OwnerId, pseudonymizer.ComputeDocumentOwnerId(digits))); // leak TC1003 precision-pseudonym
        meter.CreateDocumentUploadsCounter().Add(1, documentKind: form.DocumentType); // clean precision-about
    }
}
