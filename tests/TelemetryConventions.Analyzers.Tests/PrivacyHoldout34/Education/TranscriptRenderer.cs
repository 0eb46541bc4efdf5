using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.Documents;
using PrivacyHoldout34.Support.Templating;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Education;

public sealed record ModuleResult(string ModuleCode, string Title, int Credits, string Grade);

public sealed record TranscriptRequest(Guid RequestId, string StudentNumber, string FullName, string Programme, IReadOnlyList<ModuleResult> Results, bool Official);

/// <summary>Renders official and interim transcripts from the registry's template and stores them for download.</summary>
public sealed class TranscriptRenderer(
    ITemplateEngine engine,
    IDocumentStore store,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<TranscriptRenderer> logger)
{
    private static readonly ActivitySource Source = new("Campus.Registry");

    public async Task<Uri> RenderAsync(TranscriptRequest request, CancellationToken cancellationToken)
    {
        var templateName = request.Official ? "transcript-official" : "transcript-interim";
        using var span = Source.StartDocumentRender(templateName);
        span.SetDocumentKind("transcript");
        span.SetDocumentSubjectId(pseudonymizer.PseudonymizeDocumentSubjectId(request.StudentNumber)); // clean precision-pseudonym

        var cacheKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.StudentNumber + request.Programme)));
        Activity.Current?.SetTag("transcript.cache_key", cacheKey); // leak TC1002 hashes

        RenderResult result;
        try
        {
            result = await engine.RenderAsync(templateName, request, cancellationToken);
        }
        catch (TemplateNotFoundException ex)
        {
            logger.LogError(ex, "Transcript template missing"); // clean exceptions
            throw;
        }

        var credits = request.Results.Sum(r => r.Credits);
        span.SetDocumentPageCount(result.PageCount);
        span.SetDocumentNote($"{request.Results.Count} modules, {credits} credits"); // clean generated-api

        var verification = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(result.DocumentId)))[..10];
        logger.LogInformation("Transcript {DocumentId} verification code {Code}", result.DocumentId, verification); // clean hashes

        var fileName = $"{request.StudentNumber}_{request.FullName.Replace(' ', '_')}_transcript.pdf";
        var uri = await store.UploadAsync($"transcripts/{DateTime.UtcNow:yyyy}/{fileName}", result.Pdf, new Dictionary<string, string> { ["request"] = request.RequestId.ToString() }, cancellationToken);
        logger.LogInformation("Transcript stored at {Uri}", uri); // leak TC1001 strings
        logger.LogInformation("Transcript for request {RequestId} stored ({Bytes} bytes, {Pages} pages)", request.RequestId, result.Pdf.Length, result.PageCount); // clean precision-about

        var studentRef = Convert.ToBase64String(Encoding.UTF8.GetBytes(request.StudentNumber));
        Activity.Current?.SetTag("transcript.student_ref", studentRef); // leak TC1001 hashes
        return uri;
    }
}
