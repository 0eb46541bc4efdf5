using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Support.Documents;
using PrivacyHoldout18.Telemetry;

namespace PrivacyHoldout18.Education;

public sealed record Graduate(string StudentNumber, string FullName, string AwardTitle, string Classification);

/// <summary>Builds the archive of degree certificates the registry sends to its print contractor.</summary>
public sealed class CertificateBatchService(
    IPdfRenderer renderer,
    BlobServiceClient blobs,
    ActivitySource source,
    Meter meter,
    ILogger<CertificateBatchService> logger)
{
    public async Task<Uri> BuildAsync(string cohortCode, IReadOnlyList<Graduate> graduates, CancellationToken cancellationToken)
    {
        using var span = source.StartExportRun("zip").SetExportJobId($"certificates-{cohortCode}"); // clean precision-about
        var archivePath = Path.Combine(Path.GetTempPath(), $"certificates-{cohortCode}-{DateTime.UtcNow:yyyyMMddHHmm}.zip");

        await using (var file = File.Create(archivePath))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var graduate in graduates)
            {
                var pdf = await renderer.RenderAsync("degree-certificate", graduate, cancellationToken);

                // The printer files each certificate by the name on its entry.
                var entry = zip.CreateEntry($"{graduate.StudentNumber}_{graduate.FullName.Replace(' ', '_')}.pdf", CompressionLevel.Optimal);
                await using (var entryStream = entry.Open())
                {
                    await entryStream.WriteAsync(pdf.Content, cancellationToken);
                }

                logger.LogDebug("Added {Entry} ({Pages} pages)", entry.FullName, pdf.PageCount); // leak TC1001 strings
                Activity.Current?.AddEvent(new ActivityEvent("certificate.rendered", tags: new ActivityTagsCollection { ["template.version"] = pdf.TemplateVersion, ["pages"] = pdf.PageCount })); // clean precision-about
            }

            span.SetExportRowCount(zip.Entries.Count);
        }

        var archiveName = Path.GetFileName(archivePath);
        logger.LogInformation("Certificate archive {Archive} holds {Count} certificates", archiveName, graduates.Count); // clean precision-about
        meter.CreateDocumentSizeHistogram().Record(new FileInfo(archivePath).Length, documentKind: "certificate-archive");

        var blob = blobs.GetBlobContainerClient("registry-exports").GetBlobClient($"certificates/{archiveName}");
        await using (var upload = File.OpenRead(archivePath))
        {
            await blob.UploadAsync(upload, overwrite: true, cancellationToken);
        }

        File.Delete(archivePath);

        // The print contractor's job system downloads with this link; it is the contractor's credential, not a student's.
        var printLink = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddDays(2));
        logger.LogInformation("Print contractor link for cohort {Cohort}: {Link}", cohortCode, printLink); // clean precision-about
        return printLink;
    }

    /// <summary>Checks an archive returned by the contractor before it is signed off.</summary>
    public void VerifyReturnedArchive(Stream archive)
    {
        using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.Length == 0))
        {
            logger.LogWarning("Empty certificate {Entry} in the returned archive", entry.Name); // leak TC1001 strings
        }

        Activity.Current?.SetTag("archive.entries", zip.Entries.Count);
        Activity.Current?.SetTag("archive.compressed_bytes", zip.Entries.Sum(e => e.CompressedLength));
    }
}
