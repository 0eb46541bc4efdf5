namespace PrivacyHoldout97.Education;

/// <summary>A stored submission, as the integrity checks receive it.</summary>
public sealed record StoredSubmission(string SubmissionId, string StudentNumber, string StudentName, string ModuleCode, string AssignmentId, string BlobName);

public interface IIntegrityCaseQueue
{
    Task RaiseAsync(string submissionId, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the document properties of Word and PDF submissions for the academic integrity checks: an
/// author who is not the student, editing time of a few minutes for a 3,000-word essay, or a company
/// name from an essay service are raised for a tutor to look at.
/// </summary>
public sealed partial class SubmissionDocumentInspector(
    BlobServiceClient blobs,
    IIntegrityCaseQueue cases,
    Pseudonymizer pseudonymizer,
    ILogger<SubmissionDocumentInspector> logger)
{
    private static readonly ActivitySource Source = new("University.Coursework.Integrity");
    private static readonly Meter Meter = new("University.Coursework.Integrity");
    private static readonly Counter<long> Flags = Meter.CreateCounter<long>("coursework.integrity.flags", "{flag}");

    public async Task InspectAsync(StoredSubmission submission, CancellationToken cancellationToken)
    {
        using var span = Source.StartCoursefileProcess("integrity-check");
        span.SetCoursefileDocumentId(submission.SubmissionId);
        span.SetCoursefileModule(submission.ModuleCode);
        span.SetCoursefileSubjectId(pseudonymizer.PseudonymizeCoursefileSubjectId(submission.StudentNumber)); // clean precision-pseudonym

        var content = (await blobs.GetBlobContainerClient("submissions").GetBlobClient(submission.BlobName).DownloadContentAsync(cancellationToken)).Value.Content;
        if (!submission.BlobName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            await InspectPdfAsync(submission, content.ToStream(), span, cancellationToken);
            return;
        }

        try
        {
            using var document = WordprocessingDocument.Open(content.ToStream(), isEditable: false);
            var core = document.PackageProperties;
            var app = document.ExtendedProperties;
            span.Activity?.SetTag("docx.application", app?.Application); // clean precision-names
            span.Activity?.SetTag("docx.template", app?.Template); // clean precision-names
            span.Activity?.SetTag("docx.words", app?.Words);
            span.Activity?.SetTag("docx.editing_minutes", app?.TotalTime); // clean precision-about
            span.Activity?.SetTag("docx.revision", core.Revision);
            span.Activity?.SetTag("docx.has_macros", document.HasMacros);

            var authorIsStudent = string.Equals(core.Creator?.Trim(), submission.StudentName, StringComparison.OrdinalIgnoreCase);
            span.Activity?.SetTag("docx.author_matches_student", authorIsStudent); // clean precision-about
            if (!authorIsStudent)
            {
                LogAuthorMismatch(logger, submission.SubmissionId, core.Creator, core.LastModifiedBy); // leak TC1001 direct
                span.SetCoursefileNote($"author '{core.Creator}' is not the student"); // leak TC1001 generated-api
                Flags.Add(1, new KeyValuePair<string, object?>("flag", "author"), new KeyValuePair<string, object?>("module", submission.ModuleCode)); // clean precision-names
                await cases.RaiseAsync(submission.SubmissionId, $"Author {core.Creator}, last modified by {core.LastModifiedBy}", cancellationToken);
            }

            if (!string.IsNullOrEmpty(app?.Company))
            {
                logger.LogInformation("Submission {SubmissionId} was written under company {Company}", submission.SubmissionId, app.Company); // clean precision-names
            }

            logger.LogDebug("Core properties of {SubmissionId}: {@Core}", submission.SubmissionId, core); // leak TC1001 logging-objects
            // The same ghost-writer turns up across modules: the author is fingerprinted so submissions can be grouped by it.
            span.Activity?.SetTag("docx.author_fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(core.Creator ?? string.Empty)))[..20]); // leak TC1002 hashes
            span.Activity?.SetTag("docx.comment_count", document.Comments.Count); // clean precision-about

            // The fingerprint the similarity service indexes: the normalised text, not who wrote it.
            var normalised = string.Join(' ', document.InnerText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
            span.Activity?.SetTag("docx.text_sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))); // clean hashes
            // Resubmissions of the same assignment by the same student are grouped by this key in the dashboards.
            var attemptKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{submission.StudentNumber}:{submission.AssignmentId}")));
            span.Activity?.SetTag("coursework.attempt_key", attemptKey); // leak TC1002 hashes
        }
        catch (OpenXmlPackageException ex)
        {
            logger.LogWarning(ex, "Submission {SubmissionId} is not a readable Word file", submission.SubmissionId); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    private async Task InspectPdfAsync(StoredSubmission submission, Stream content, CoursefileProcessSpan span, CancellationToken cancellationToken)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            span.Activity?.SetTag("pdf.creator", pdf.Information.Creator); // clean precision-names
            span.Activity?.SetTag("pdf.encrypted", pdf.IsEncrypted);
            var info = pdf.Information.GetMetadataDictionary();
            logger.LogDebug("PDF info of {SubmissionId}: {Info}", submission.SubmissionId, info); // leak TC1001 logging-objects
            logger.LogDebug("PDF info of {SubmissionId} has keys {Keys}", submission.SubmissionId, string.Join(",", info.Keys)); // clean precision-names
            if (pdf.Information.Author is { Length: > 0 } author && !author.Contains(submission.StudentName, StringComparison.OrdinalIgnoreCase))
            {
                await cases.RaiseAsync(submission.SubmissionId, "PDF author differs", cancellationToken);
                span.Activity?.AddEvent(new ActivityEvent("integrity.flag", tags: new ActivityTagsCollection { ["flag"] = "author", ["pdf.author"] = author })); // leak TC1001 direct
            }
        }
        catch (PdfDocumentFormatException ex)
        {
            span.RecordException(ex, "unreadable pdf", includeMessage: true); // clean exceptions
        }
    }

    [LoggerMessage(EventId = 2210, Level = LogLevel.Information, Message = "Submission {SubmissionId}: author {Author}, last modified by {LastModifiedBy}")]
    private static partial void LogAuthorMismatch(ILogger logger, string submissionId, string? author, string? lastModifiedBy);
}
