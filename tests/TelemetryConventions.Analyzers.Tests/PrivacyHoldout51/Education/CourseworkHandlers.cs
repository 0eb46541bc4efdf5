using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout51.Support.NServiceBus;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Education;

public sealed record AssignmentSubmitted(
    Guid SubmissionId,
    string StudentNumber,
    string CourseCode,
    Guid AssignmentId,
    int WordCount,
    bool Late,
    DateTimeOffset SubmittedAt);

public sealed record SimilarityCheckRequested(Guid SubmissionId, Guid AssignmentId, string CourseCode);

/// <summary>Sent when a lecturer grants an extension; <c>Reason</c> is the text the lecturer typed.</summary>
public sealed record ExtensionGranted(Guid AssignmentId, string StudentNumber, string GrantedByEmail, DateOnly NewDeadline, string Reason);

public interface ISubmissionStore
{
    Task<int> CountAttemptsAsync(Guid assignmentId, string studentNumber, CancellationToken cancellationToken);
}

internal static partial class CourseworkLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Submission {SubmissionId} for {CourseCode} received from {StudentNumber}")]
    public static partial void SubmissionReceived(ILogger logger, Guid submissionId, string courseCode, [PrivateData] string studentNumber);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Late submission by {StudentNumber} for assignment {AssignmentId}")]
    public static partial void LateSubmission(ILogger logger, string studentNumber, Guid assignmentId);
}

/// <summary>
/// Handles submissions the learning portal sends to the coursework endpoint. The portal stamps every
/// message with the <c>Lms.ActingUser</c> header: the login of the signed-in user (a student number,
/// or a lecturer's email when a lecturer submits on a student's behalf).
/// </summary>
public sealed class AssignmentSubmittedHandler(ISubmissionStore store, ILogger<AssignmentSubmittedHandler> logger)
    : IHandleMessages<AssignmentSubmitted>
{
    public async Task Handle(AssignmentSubmitted message, IMessageHandlerContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("submission.id", message.SubmissionId); // clean precision-names
        activity?.SetTag("submission.late", message.Late); // clean precision-about
        activity?.SetTag("student.number", message.StudentNumber); // leak TC1001 direct
        activity?.SetTag("messaging.originating_endpoint", context.MessageHeaders[Headers.OriginatingEndpoint]); // clean precision-names

        var actingUser = context.MessageHeaders.GetValueOrDefault("Lms.ActingUser");
        activity?.SetTag("lms.acting_user", actingUser); // leak TC1001 direct
        activity?.SetTag("lms.acting_for_other", actingUser is not null && actingUser != message.StudentNumber); // clean precision-about

        CourseworkLog.SubmissionReceived(logger, message.SubmissionId, message.CourseCode, message.StudentNumber); // clean precision-pseudonym
        if (message.Late)
        {
            CourseworkLog.LateSubmission(logger, message.StudentNumber, message.AssignmentId); // leak TC1001 direct
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["SubmissionId"] = message.SubmissionId, ["MessageId"] = context.MessageId })) // clean logging-objects
        {
            var attempts = await store.CountAttemptsAsync(message.AssignmentId, message.StudentNumber, context.CancellationToken);
            logger.LogInformation("Attempt {Attempt} recorded for assignment {AssignmentId}", attempts, message.AssignmentId); // clean precision-about
            logger.LogDebug("Coursework headers {Headers}", string.Join(";", context.MessageHeaders.Select(h => $"{h.Key}={h.Value}"))); // leak TC1001 strings
            logger.LogDebug("Coursework header names {HeaderNames}", string.Join(",", context.MessageHeaders.Keys)); // clean precision-about
        }

        await context.Send(new SimilarityCheckRequested(message.SubmissionId, message.AssignmentId, message.CourseCode));
    }
}

public sealed class ExtensionGrantedHandler(Pseudonymizer pseudonymizer, ILogger<ExtensionGrantedHandler> logger) : IHandleMessages<ExtensionGranted>
{
    public Task Handle(ExtensionGranted message, IMessageHandlerContext context)
    {
        using var span = TelemetrySpans.EnrichBusHandle(Activity.Current, nameof(ExtensionGranted), "coursework");
        span.SetBusSubjectId(pseudonymizer.PseudonymizeBusSubjectId(message.StudentNumber)); // clean precision-pseudonym
        span.SetBusNote($"extension to {message.NewDeadline:yyyy-MM-dd} granted by {message.GrantedByEmail}"); // leak TC1001 generated-api
        span.SetBusOutcome("granted"); // clean generated-api
        logger.LogInformation("Extension for assignment {AssignmentId} granted, reason {Reason}", message.AssignmentId, message.Reason); // leak TC1001 direct
        logger.LogInformation("Extension granted by staff at {Domain}", message.GrantedByEmail.Split('@')[1]); // clean precision-about
        return Task.CompletedTask;
    }
}

/// <summary>
/// Registered in the coursework endpoint's pipeline: logs every incoming message, whatever its type.
/// </summary>
public sealed class IncomingMessageAuditBehavior(ILogger<IncomingMessageAuditBehavior> logger) : Behavior<IIncomingLogicalMessageContext>
{
    public override async Task Invoke(IIncomingLogicalMessageContext context, Func<Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        logger.LogDebug("Handling {MessageType} {MessageId}", context.Message.MessageType.Name, context.MessageId); // clean precision-names
        logger.LogDebug("Message body {Body}", JsonSerializer.Serialize(context.Message.Instance)); // leak TC1001 logging-objects
        await next();
        logger.LogDebug("Handled {MessageType} in {Elapsed}", context.Message.MessageType.Name, Stopwatch.GetElapsedTime(started)); // clean precision-about
    }
}
