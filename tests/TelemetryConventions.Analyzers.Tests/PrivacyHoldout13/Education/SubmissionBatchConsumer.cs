using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Education;

/// <summary>A submission as the LMS publishes it on <c>lms.submissions</c>, keyed by student number.</summary>
public sealed record SubmissionReceived(
    string StudentNumber,
    string AssignmentId,
    string CourseCode,
    int Attempt,
    Guid SubmissionId,
    string? StudentEmail,
    DateTimeOffset SubmittedAt);

public interface IPlagiarismScanner
{
    Task ScanAsync(IReadOnlyList<SubmissionReceived> submissions, CancellationToken cancellationToken);
}

/// <summary>
/// Sends submissions to the plagiarism scanner in batches of up to 200. The batch gets its own
/// span, linked to the context each message carried, and each submission is reserved in the
/// idempotency store first because the LMS re-publishes on a timeout.
/// </summary>
public sealed class SubmissionBatchConsumer(
    IConsumer<string, SubmissionReceived> consumer,
    IPlagiarismScanner scanner,
    IIdempotencyStore idempotency,
    StreamSecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<SubmissionBatchConsumer> logger) : BackgroundService
{
    private const string Topic = "lms.submissions";
    private const string Group = "plagiarism-scan";
    private static readonly ActivitySource Source = new("Campus.Submissions");
    private static readonly TimeSpan ReservationTtl = TimeSpan.FromDays(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        consumer.Subscribe(Topic);
        await foreach (var batch in ReadAsync(stoppingToken).Batch(200, stoppingToken))
        {
            await ScanBatchAsync(batch, stoppingToken);
            consumer.Commit(batch[^1]);
        }
    }

    private async IAsyncEnumerable<ConsumeResult<string, SubmissionReceived>> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(250));
            if (result is not null && !result.IsPartitionEOF)
            {
                yield return result;
            }

            await Task.Yield();
        }
    }

    private async Task ScanBatchAsync(IReadOnlyList<ConsumeResult<string, SubmissionReceived>> batch, CancellationToken ct)
    {
        var links = new List<ActivityLink>(batch.Count);
        foreach (var r in batch)
        {
            var context = Propagators.DefaultTextMapPropagator.Extract(default, r.Message.Headers, KafkaHeaderPropagation.Getter).ActivityContext;
            if (context != default)
            {
                links.Add(new ActivityLink(context, new ActivityTagsCollection { ["messaging.kafka.message.key"] = r.Message.Key, ["messaging.kafka.offset"] = r.Offset.Value })); // leak TC1001 direct
            }
        }

        using var span = Source.StartPipelineConsume(Topic, "lms.submissions scan", links: links);
        span.SetPipelineBatchSize(batch.Count); // clean precision-about
        var activity = Activity.Current;
        activity?.SetTag("lms.students", string.Join(',', batch.Select(r => r.Message.Key))); // leak TC1001 strings
        activity?.SetTag("lms.distinct_students", batch.Select(r => r.Message.Key).Distinct().Count()); // clean precision-names
        activity?.SetTag("lms.courses", string.Join(',', batch.Select(r => r.Message.Value.CourseCode).Distinct())); // clean precision-about

        var accepted = new List<SubmissionReceived>(batch.Count);
        foreach (var submission in batch.Select(r => r.Message.Value))
        {
            if (await ReserveAsync(submission, ct))
            {
                accepted.Add(submission);
            }
        }

        logger.LogInformation("Scanning {Accepted} of {Received} submissions", accepted.Count, batch.Count);
        await scanner.ScanAsync(accepted, ct);
        span.SetPipelineOutcome($"scanned {accepted.Count}/{batch.Count}"); // clean strings
    }

    private async Task<bool> ReserveAsync(SubmissionReceived submission, CancellationToken ct)
    {
        // One attempt of one student at one assignment is scanned once, whatever the LMS re-sends.
        var idempotencyKey = $"{submission.StudentNumber}:{submission.AssignmentId}:{submission.Attempt}";
        if (!await idempotency.TryBeginAsync(idempotencyKey, ReservationTtl, ct))
        {
            logger.LogInformation("Skipping duplicate submission {IdempotencyKey}", idempotencyKey); // leak TC1001 strings
            return false;
        }

        logger.LogDebug("Reserved submission {SubmissionId} for assignment {AssignmentId}", submission.SubmissionId, submission.AssignmentId); // clean precision-about
        return true;
    }

    /// <summary>The scanner's own cache key: a student's work on an assignment, whatever the attempt.</summary>
    internal string ScannerCacheKey(SubmissionReceived submission, bool keyed)
    {
        var material = Encoding.UTF8.GetBytes(submission.StudentNumber + "|" + submission.AssignmentId);
        if (!keyed)
        {
            var legacy = Convert.ToHexString(SHA1.HashData(material));
            logger.LogDebug("Legacy scanner cache key {CacheKey}", legacy); // leak TC1002 hashes
            return legacy;
        }

        var cacheKey = Convert.ToHexString(HMACSHA256.HashData(secrets.DedupKey, material));
        logger.LogDebug("Scanner cache key {CacheKey}", cacheKey); // clean hashes
        return cacheKey;
    }

    /// <summary>Puts the course and the student on the baggage so that the scanner's own spans can be joined.</summary>
    internal void PropagateToScanner(SubmissionReceived submission, bool pseudonymised)
    {
        Baggage.SetBaggage("lms.course", submission.CourseCode); // clean precision-about
        if (pseudonymised)
        {
            Baggage.SetBaggage("lms.student_ref", pseudonymizer.ComputePipelineSubjectId(submission.StudentNumber)); // clean precision-pseudonym
        }
        else
        {
            Baggage.SetBaggage("lms.student", submission.StudentNumber); // leak TC1001 direct
        }

        Activity.Current?.SetTag("lms.email_domain", submission.StudentEmail?.Split('@').LastOrDefault()); // clean precision-about
        Activity.Current?.SetTag(PipelineAttributes.SubjectContact, pseudonymizer.Pseudonymize("student.email", submission.StudentEmail ?? string.Empty).Value); // leak TC1001 precision-pseudonym
    }
}
