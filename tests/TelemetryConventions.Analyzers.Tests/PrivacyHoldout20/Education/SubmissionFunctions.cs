using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Education;

public sealed record PlagiarismCheck(Guid SubmissionId, string StudentNumber, string AssignmentId, double Similarity);

public sealed record OverdueSubmission(string StudentNumber, string AssignmentId, DateTimeOffset DueAt);

public sealed class SubmissionNotFoundException(Guid submissionId, string studentNumber)
    : Exception($"No submission {submissionId} for student {studentNumber}");

public interface ISubmissionRepository
{
    Task<Guid> RegisterAsync(string studentNumber, string assignmentId, long bytes, CancellationToken cancellationToken);

    Task FlagAsync(PlagiarismCheck check, CancellationToken cancellationToken);

    Task<IReadOnlyList<OverdueSubmission>> OverdueAsync(CancellationToken cancellationToken);
}

public static partial class SubmissionLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Reminder queued for {StudentNumber} on {AssignmentId}")]
    public static partial void ReminderQueued(ILogger logger, [PrivateData] string studentNumber, string assignmentId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Late upload by {StudentNumber} for {AssignmentId}")]
    public static partial void LateUpload(ILogger logger, string studentNumber, string assignmentId);
}

/// <summary>Essay uploads land in <c>submissions/{studentNumber}/{assignmentId}.pdf</c>.</summary>
public sealed class SubmissionFunctions(
    ISubmissionRepository repository,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SubmissionFunctions> logger)
{
    [Function("SubmissionUploaded")]
    [QueueOutput("plagiarism-checks")]
    public async Task<PlagiarismCheck> Uploaded(
        [BlobTrigger("submissions/{studentNumber}/{assignmentId}.pdf", Connection = "Uploads")] Stream blob,
        string studentNumber,
        string assignmentId,
        string blobTrigger,
        FunctionContext context)
    {
        logger.LogInformation("Submission for {AssignmentId} received, {Bytes} bytes", assignmentId, blob.Length); // clean precision-names
        Activity.Current?.SetTag("blob.name", blobTrigger); // leak TC1001 strings
        Activity.Current?.SetTag("submission.student", studentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("blob.uri", context.BindingContext.BindingData["Uri"]); // leak TC1001 cross-member

        if (DateTimeOffset.UtcNow.Hour >= 23)
        {
            SubmissionLog.LateUpload(logger, studentNumber, assignmentId); // leak TC1001 cross-member
        }

        var submissionId = await repository.RegisterAsync(studentNumber, assignmentId, blob.Length, context.CancellationToken);
        return new PlagiarismCheck(submissionId, studentNumber, assignmentId, 0);
    }

    [Function("PlagiarismCheck")]
    public async Task Check([QueueTrigger("plagiarism-checks")] PlagiarismCheck check, FunctionContext context)
    {
        using var span = source.StartServerlessInvocation("PlagiarismCheck", "queue");
        span.SetServerlessDeliveryCount(Convert.ToInt64(context.BindingContext.BindingData["DequeueCount"])); // clean precision-about
        span.SetServerlessSubjectId(pseudonymizer.PseudonymizeServerlessSubjectId(check.StudentNumber)); // clean precision-pseudonym

        if (check.Similarity > 0.4)
        {
            logger.LogWarning("High similarity {Similarity:P0} for submission {SubmissionId}", check.Similarity, check.SubmissionId); // clean precision-names
            logger.LogWarning("Flagged {Check}", check); // leak TC1001 logging-objects
        }

        try
        {
            await repository.FlagAsync(check, context.CancellationToken);
        }
        catch (SubmissionNotFoundException ex)
        {
            logger.LogError(ex, "Plagiarism result could not be stored"); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
        }
    }

    [Function("OverdueReminders")]
    public async Task Overdue([TimerTrigger("0 0 6 * * 1-5")] TimerInfo timer, FunctionContext context)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("Reminder sweep is late; last run {Last}", timer.ScheduleStatus?.Last); // clean precision-about
        }

        var overdue = await repository.OverdueAsync(context.CancellationToken);
        foreach (var group in overdue.GroupBy(o => o.AssignmentId))
        {
            logger.LogInformation("{Count} overdue submissions for {AssignmentId}", group.Count(), group.Key); // clean precision-about
        }

        foreach (var item in overdue)
        {
            SubmissionLog.ReminderQueued(logger, item.StudentNumber, item.AssignmentId); // clean precision-pseudonym
            var slot = Math.Abs(item.StudentNumber.GetHashCode()) % 12;
            logger.LogDebug("Reminder for {AssignmentId} goes out in slot {Slot}", item.AssignmentId, slot); // leak TC1002 hashes
        }

        logger.LogInformation("Reminding {Students}", string.Join(",", overdue.Select(o => o.StudentNumber).Distinct())); // leak TC1001 strings
        meter.CreateServerlessInvocationsCounter().Add(1, "OverdueReminders", serverlessTrigger: "timer", serverlessOutcome: overdue.Count == 0 ? "none" : "sent"); // clean generated-api
    }
}
