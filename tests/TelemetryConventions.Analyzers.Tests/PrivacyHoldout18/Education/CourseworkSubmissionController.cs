using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using nClam;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Education;

public sealed record StoredSubmission(Guid SubmissionId, string BlobName);

public interface ISubmissionStore
{
    Task<StoredSubmission> SaveAsync(Guid assignmentId, Stream content, string contentType, CancellationToken cancellationToken);

    Task<bool> HasFingerprintAsync(Guid assignmentId, string fingerprint, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/assignments/{assignmentId:guid}/submissions")]
public sealed partial class CourseworkSubmissionController(
    ISubmissionStore store,
    ClamClient clam,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<CourseworkSubmissionController> logger) : ControllerBase
{
    private const long MaxBytes = 50 * 1024 * 1024;
    private static readonly string[] Accepted = [".pdf", ".docx"];

    [HttpPost]
    [RequestSizeLimit(MaxBytes)]
    public async Task<ActionResult> SubmitAsync(Guid assignmentId, [FromForm] IFormFile script, CancellationToken cancellationToken)
    {
        var studentNumber = HttpContext.User.SubjectId!;
        var span = Activity.Current.EnrichDocumentUpload("coursework").SetDocumentOwnerId(pseudonymizer.PseudonymizeDocumentOwnerId(studentNumber)); // clean precision-pseudonym
        span.SetDocumentSize(script.Length);
        Baggage.SetBaggage("coursework.student", studentNumber); // leak TC1001 direct

        if (!Accepted.Contains(Path.GetExtension(script.FileName), StringComparer.OrdinalIgnoreCase))
        {
            span.AddDocumentRejectedEvent($"unsupported file {script.FileName}", script.ContentType); // leak TC1001 generated-api
            return BadRequest("Submit a PDF or a Word document.");
        }

        span.SetDocumentContentType(script.ContentType);
        using var buffer = new MemoryStream();
        await script.CopyToAsync(buffer, cancellationToken);

        // Fingerprint of the bytes: the same script handed in twice is caught before marking.
        var fingerprint = Convert.ToHexString(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        span.SetDocumentNote($"fingerprint {fingerprint[..16]}"); // clean hashes
        if (await store.HasFingerprintAsync(assignmentId, fingerprint, cancellationToken))
        {
            logger.LogInformation("Duplicate script {Fingerprint} for assignment {AssignmentId}", fingerprint, assignmentId); // clean hashes
        }

        var attemptKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{studentNumber}:{assignmentId}")));
        logger.LogInformation("Submission attempt {AttemptKey} for assignment {AssignmentId}", attemptKey, assignmentId); // leak TC1002 hashes

        buffer.Position = 0;
        var scan = await clam.SendAndScanFileAsync(buffer, cancellationToken);
        if (scan.Result == ClamScanResults.VirusDetected)
        {
            span.SetDocumentScanVerdict(DocumentScanVerdict.Infected);
            LogInfectedScript(logger, assignmentId, script.FileName, scan.InfectedFiles?.FirstOrDefault()?.VirusName); // leak TC1001 direct
            return BadRequest("The file could not be accepted.");
        }

        buffer.Position = 0;
        var stored = await store.SaveAsync(assignmentId, buffer, script.ContentType, cancellationToken);
        span.SetDocumentId(stored.SubmissionId.ToString()).SetDocumentScanVerdict(DocumentScanVerdict.Clean); // clean precision-about
        LogScriptStored(logger, stored.SubmissionId, script.FileName); // clean logging-objects
        meter.CreateDocumentUploadsCounter().Add(1, documentKind: "coursework", documentContentType: script.ContentType, documentScanVerdict: DocumentScanVerdict.Clean);
        return Ok(new { stored.SubmissionId, Received = script.Length });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Script {FileName} for assignment {AssignmentId} is infected with {Signature}")]
    private static partial void LogInfectedScript(ILogger logger, Guid assignmentId, string fileName, string? signature);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored submission {SubmissionId} ({FileName})")]
    private static partial void LogScriptStored(ILogger logger, Guid submissionId, [PrivateData] string fileName);
}
