using UploadKit.Tus;

namespace PrivacyHoldout97.Education;

/// <summary>The signed-in student, as the gateway's token resolves them.</summary>
public interface IStudentContext
{
    string StudentNumber { get; }

    string Email { get; }
}

public interface ISubmissionRegister
{
    Task<string> OpenAsync(string studentNumber, string moduleCode, string assignmentId, CancellationToken cancellationToken);

    Task CompleteAsync(string submissionId, string blobName, long length, CancellationToken cancellationToken);
}

/// <summary>
/// Coursework arrives through resumable uploads (tus), so a 2 GB design portfolio survives a dropped
/// connection. Before an upload is created its metadata is checked; when it completes, the file is
/// scanned and moved from the tus store to the submissions container under the module and student.
/// </summary>
public sealed class CourseworkTusUploads(
    IStudentContext student,
    ISubmissionRegister register,
    BlobServiceClient blobs,
    ClamClient clam,
    Pseudonymizer pseudonymizer,
    ILogger<CourseworkTusUploads> logger)
{
    private static readonly ActivitySource Source = new("University.Coursework.Uploads");
    private static readonly Meter Meter = new("University.Coursework.Uploads");
    private static readonly CoursefileFilesCounter Files = Meter.CreateCoursefileFilesCounter();
    private static readonly Counter<long> UploadsPerStudent = Meter.CreateCounter<long>("coursework.uploads.by_student", "{upload}");
    private static readonly Histogram<long> Lengths = Meter.CreateHistogram<long>("coursework.upload.length", "By");
    private static readonly HashSet<string> Types = new(StringComparer.OrdinalIgnoreCase) { "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip", "video/mp4" };

    public DefaultTusConfiguration Configure() => new()
    {
        UrlPath = "/coursework/uploads",
        MaxAllowedUploadSizeInBytesLong = 2L * 1024 * 1024 * 1024,
        Events = new TusEvents { OnBeforeCreateAsync = BeforeCreateAsync, OnFileCompleteAsync = CompleteAsync },
    };

    private Task BeforeCreateAsync(BeforeCreateContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("tus.upload_length", context.UploadLength);
        activity?.SetTag("tus.metadata.keys", string.Join(",", context.Metadata.Keys)); // clean precision-names
        logger.LogDebug("Upload-Metadata: {Header}", context.Request.Headers["Upload-Metadata"]); // leak TC1001 strings

        if (!context.Metadata.TryGetValue("filename", out var name) || !context.Metadata.TryGetValue("filetype", out var type) || !context.Metadata.ContainsKey("assignment"))
        {
            context.FailRequest("filename, filetype and assignment are required");
            return Task.CompletedTask;
        }

        var fileName = name.GetString(Encoding.UTF8);
        var fileType = type.GetString(Encoding.UTF8);
        activity?.SetTag("tus.filetype", fileType); // clean precision-about
        if (!Types.Contains(fileType))
        {
            context.FailRequest($"{fileName}: {fileType} is not accepted for coursework");
            activity?.SetStatus(ActivityStatusCode.Error, $"{fileName}: {fileType} refused"); // leak TC1001 strings
            logger.LogInformation("Refused {FileName} of type {FileType}", fileName, fileType); // leak TC1001 direct
            Files.Add(1, "coursework", "refused-type", fileType); // clean generated-api
        }
        return Task.CompletedTask;
    }

    private async Task CompleteAsync(FileCompleteContext context)
    {
        var file = await context.GetFileAsync();
        var metadata = await file.GetMetadataAsync(context.CancellationToken);
        var module = metadata.TryGetValue("module", out var m) ? m.GetString(Encoding.UTF8) : "unknown";
        var assignment = metadata["assignment"].GetString(Encoding.UTF8);
        var fileName = metadata["filename"].GetString(Encoding.UTF8);

        using var span = Source.StartCoursefileUpload("coursework");
        span.SetCoursefileModule(module);
        span.SetCoursefileSubjectId(pseudonymizer.PseudonymizeCoursefileSubjectId(student.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("tus.file_id", file.Id); // clean precision-names
        span.Activity?.SetTag("coursework.file_extension", Path.GetExtension(fileName)); // clean precision-about

        await using var content = await file.GetContentAsync(context.CancellationToken);
        span.SetCoursefileSize(content.Length);
        Lengths.Record(content.Length, new KeyValuePair<string, object?>("module", module)); // clean precision-names

        var scan = await clam.SendAndScanFileAsync(content, context.CancellationToken);
        span.SetCoursefileScanVerdict(scan.Result.ToString());
        if (scan.Result != ClamScanResults.Clean)
        {
            var ex = new MalwareDetectedException($"Submission '{fileName}' from {student.StudentNumber} failed the scan: {scan.RawResult}", scan.InfectedFiles?.FirstOrDefault()?.VirusName ?? "?");
            span.RecordException(ex, "malware", includeMessage: true); // leak TC1001 exceptions
            logger.LogCoursefileFileRejectedEvent("malware", file.Id, scan.Result.ToString(), pseudonymizer.PseudonymizeCoursefileSubjectId(student.StudentNumber), ex.Signature); // clean generated-api
            return;
        }

        var submissionId = await register.OpenAsync(student.StudentNumber, module, assignment, context.CancellationToken);
        var blobName = $"coursework/{module}/{assignment}/{student.StudentNumber}/{submissionId}{Path.GetExtension(fileName)}";
        content.Position = 0;
        await blobs.GetBlobContainerClient("submissions").GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentDisposition = $"attachment; filename=\"{fileName}\"" },
            Tags = new Dictionary<string, string> { ["module"] = module, ["assignment"] = assignment },
        }, context.CancellationToken);
        await register.CompleteAsync(submissionId, blobName, content.Length, context.CancellationToken);

        span.SetCoursefileDocumentId(submissionId); // clean precision-names
        span.SetCoursefileBlobName(blobName); // leak TC1001 generated-api
        span.SetCoursefileOutcome("stored");
        Files.Add(1, "coursework", "stored");
        UploadsPerStudent.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeCoursefileSubjectId(student.StudentNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Submission {SubmissionId} for {Assignment} stored from {Student}", submissionId, assignment, student.Email); // leak TC1001 cross-member
        logger.LogInformation("Submission {SubmissionId} for {Assignment} stored ({Length} bytes)", submissionId, assignment, content.Length); // clean precision-about
    }
}
