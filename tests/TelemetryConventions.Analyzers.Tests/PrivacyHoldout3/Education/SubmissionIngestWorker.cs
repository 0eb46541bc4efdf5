using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Education;

public sealed record SubmissionReceived(string SubmissionId, string StudentNumber, string ModuleCode, int FileCount, DateTimeOffset ReceivedAt, string? GuardianEmail);

public sealed class IngestOptions
{
    public int MaxFilesPerSubmission { get; set; } = 10;

    public string StorageAccountName { get; set; } = "coursework-eu";

    public TimeSpan LateAfter { get; set; } = TimeSpan.FromHours(1);
}

public sealed partial class SubmissionIngestWorker(
    Channel<SubmissionReceived> inbox,
    IOptions<IngestOptions> options,
    Meter meter,
    ILogger<SubmissionIngestWorker> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Coursework.Ingest");

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingesting {@Submission}")]
    private partial void LogIngesting(SubmissionReceived submission);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {SubmissionId} has {FileCount} files, over the limit")]
    private partial void LogTooManyFiles(string submissionId, int fileCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch done for {Students}")]
    private partial void LogBatchDone(string students);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<SubmissionReceived>();
        await foreach (var received in inbox.Reader.ReadAllAsync(stoppingToken))
        {
            LogIngesting(received); // leak TC1001 logging-objects
            var submission = received with { GuardianEmail = null };
            LogIngesting(submission with { StudentNumber = pseudonymizer.ComputeCourseworkStudentId(submission.StudentNumber) }); // clean precision-pseudonym

            if (submission.FileCount > options.Value.MaxFilesPerSubmission)
            {
                LogTooManyFiles(submission.SubmissionId, submission.FileCount); // clean direct
            }

            using var span = Source.StartCourseworkSubmit(pseudonymizer.PseudonymizeCourseworkStudentId(submission.StudentNumber));
            span.SetCourseworkSubmissionId(submission.SubmissionId) // clean generated-api
                .SetCourseworkFilesCount(submission.FileCount)
                .SetCourseworkNote(options.Value.StorageAccountName); // clean precision-names

            var late = DateTimeOffset.UtcNow - submission.ReceivedAt > options.Value.LateAfter;
            if (late)
            {
                span.AddCourseworkSubmitLateEvent(Pseudonym.FromComputed(submission.StudentNumber), courseworkNote: submission.ModuleCode); // leak TC1001 precision-pseudonym
            }

            var tags = new TagList { { "coursework.module", submission.ModuleCode }, { "coursework.late", late } };
            meter.CreateCounter<long>("coursework.ingested").Add(1, tags); // clean direct
            batch.Add(submission);

            if (batch.Count == 50)
            {
                LogBatchDone(string.Join(",", batch.Select(s => s.StudentNumber))); // leak TC1001 strings
                Activity.Current?.SetTag("coursework.batch.students", batch.Select(s => s.StudentNumber).Distinct().Count()); // clean precision-about
                batch.Clear();
            }
        }
    }
}

/// <summary>Tells a guardian that coursework was handed in late; runs inside the web request.</summary>
public sealed class GuardianNoticeService(IHttpContextAccessor accessor, ILogger<GuardianNoticeService> logger, Meter meter)
{
    private readonly Counter<long> _notices = meter.CreateCounter<long>("coursework.guardian_notices");

    public void Notify(SubmissionReceived submission)
    {
        var http = accessor.HttpContext;
        var requestedBy = http?.User.FindFirstValue("sub");
        var guardian = submission.GuardianEmail;
        if (guardian is null)
        {
            logger.LogInformation("No guardian contact for submission {SubmissionId}", submission.SubmissionId); // clean direct
            return;
        }

        var text = new StringBuilder()
            .Append("Late notice queued for ")
            .Append(guardian)
            .Append(" by ")
            .Append(requestedBy ?? "system")
            .ToString();
        logger.LogInformation(text); // leak TC1001 strings

        var domain = guardian[(guardian.IndexOf('@') + 1)..];
        _notices.Add(1, new KeyValuePair<string, object?>("guardian.mail_domain", domain)); // clean precision-about
        _notices.Add(1, new KeyValuePair<string, object?>("requested_by", requestedBy)); // leak TC1003 direct
        Activity.Current?.AddEvent(new ActivityEvent("guardian.notice.queued", tags: new ActivityTagsCollection { ["guardian.contact"] = guardian })); // leak TC1001 direct
    }
}
