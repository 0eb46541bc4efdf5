using System;
using System.Diagnostics;
using System.Net.Mail;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.Kafka;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Education;

public sealed record GradePublished(string StudentNumber, string CourseCode, Guid AssignmentId, string Grade, string MarkedByEmail, string GuardianEmail);

public sealed class GradebookLockedException(string studentNumber, string term)
    : Exception($"Gradebook of {studentNumber} is locked for {term}");

public interface IGradebook
{
    Task RecordAsync(GradePublished grade, CancellationToken cancellationToken);
}

public interface IGuardianMailer
{
    Task SendGradeNoticeAsync(string guardianEmail, string courseCode, string grade, CancellationToken cancellationToken);
}

/// <summary>
/// Consumes <c>lms.grades</c>, keyed by student number, into the grade book, and tells guardians.
/// Records it cannot read go to <c>lms.grades.dlt</c> with their raw key; recorded grades are
/// announced on <c>lms.grade-notices</c>, keyed by student number too.
/// </summary>
public sealed class GradeStreamConsumer(
    IConsumer<string, string> consumer,
    IProducer<byte[], byte[]> deadLetters,
    IProducer<string, string> notices,
    IGradebook gradebook,
    IGuardianMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<GradeStreamConsumer> logger)
{
    private const int MaxMailAttempts = 4;
    private static readonly ActivitySource Source = new("Lms.Grades");

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        ConsumeResult<string, string> result;
        try
        {
            result = consumer.Consume(cancellationToken);
        }
        catch (ConsumeException ex)
        {
            var record = ex.ConsumerRecord;
            logger.LogError(ex, "Unreadable grade at {Topic}/{Partition}@{Offset}", record.Topic, record.Partition, record.Offset); // clean exceptions
            var rawKey = Encoding.UTF8.GetString(record.Message.Key);
            logger.LogWarning("Forwarding unreadable grade for {Key} to the dead-letter topic", rawKey); // leak TC1001 direct
            logger.LogWarning("Unreadable grade key is {KeyLength} bytes", record.Message.Key.Length); // clean precision-about
            await deadLetters.ProduceAsync("lms.grades.dlt", record.Message, cancellationToken);
            return;
        }

        var parent = result.Message.Headers.TryGetLastBytes("traceparent", out var traceparent)
            && ActivityContext.TryParse(Encoding.ASCII.GetString(traceparent), null, out var remote) ? remote : default;
        // The publisher's span is linked, not made the parent: grades are published in bulk at the end of a marking window.
        var links = new[] { new ActivityLink(parent, new ActivityTagsCollection { ["messaging.kafka.message.key"] = result.Message.Key }) }; // leak TC1001 direct
        using var activity = Source.StartActivity("lms.grades process", ActivityKind.Consumer, default(ActivityContext), links: links);
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct

        var grade = JsonSerializer.Deserialize<GradePublished>(result.Message.Value)!;
        activity?.SetTag("grade.course", grade.CourseCode); // clean precision-names
        activity?.SetTag("grade.marked_by", grade.MarkedByEmail); // leak TC1001 direct

        try
        {
            await gradebook.RecordAsync(grade, cancellationToken);
        }
        catch (GradebookLockedException ex)
        {
            logger.LogWarning(ex, "Grade for course {Course} not recorded", grade.CourseCode); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            consumer.StoreOffset(result);
            return;
        }

        notices.Produce("lms.grade-notices", new Message<string, string> { Key = grade.StudentNumber, Value = result.Message.Value }, report =>
        {
            if (report.Error.Code != ErrorCode.NoError)
            {
                logger.LogWarning("Grade notice for {Key} not delivered: {Reason}", report.Key, report.Error.Reason); // leak TC1001 cross-member
            }
        });

        if (string.IsNullOrWhiteSpace(grade.GuardianEmail))
        {
            logger.LogBusPoisonEvent(nameof(GradePublished), busSubjectId: pseudonymizer.PseudonymizeBusSubjectId(grade.StudentNumber), busRetryAttempt: 0, busNote: "no guardian email on file"); // clean precision-pseudonym
            consumer.StoreOffset(result);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await mailer.SendGradeNoticeAsync(grade.GuardianEmail, grade.CourseCode, grade.Grade, cancellationToken);
                break;
            }
            catch (SmtpException ex) when (attempt < MaxMailAttempts)
            {
                logger.LogInformation("Guardian notice attempt {Attempt} failed with {Status}; retrying", attempt, ex.StatusCode); // clean precision-about
                await Task.Delay(TimeSpan.FromSeconds(attempt * 5), cancellationToken);
            }
            catch (SmtpException)
            {
                logger.LogBusPoisonEvent(nameof(GradePublished), busSubjectId: pseudonymizer.PseudonymizeBusSubjectId(grade.StudentNumber), busRetryAttempt: attempt, busNote: $"guardian {grade.GuardianEmail} unreachable"); // leak TC1001 generated-api
                break;
            }
        }

        consumer.StoreOffset(result);
    }
}
