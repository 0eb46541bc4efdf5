using System.Security.Cryptography;
using System.Text.Json;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace PrivacyHoldout68.Education;

public sealed record FeedbackReady(Guid SubmissionId, string StudentNumber, string Module, string MarkerEmail, int Mark, string Comment);

/// <summary>
/// Sends "feedback ready" messages to the FIFO queue the notification service reads. Messages are grouped
/// by student so a student's notices arrive in order; the deduplication id is taken from the submission.
/// The VLE's API key is kept in Secrets Manager as "vle/api-key".
/// </summary>
public sealed partial class FeedbackQueue(IAmazonSQS sqs, IAmazonSecretsManager secrets, TelemetrySecrets telemetrySecrets, Pseudonymizer pseudonymizer, ILogger<FeedbackQueue> logger)
{
    private const string QueueUrl = "https://sqs.eu-west-2.amazonaws.com/111122223333/feedback-ready.fifo";
    private static readonly Meter QueueMeter = new("Uni.Feedback");
    private static readonly Counter<long> Sent = QueueMeter.CreateCounter<long>("feedback.sent");

    public async Task PublishAsync(FeedbackReady ready, CancellationToken ct)
    {
        var request = new SendMessageRequest
        {
            QueueUrl = QueueUrl,
            MessageBody = JsonSerializer.Serialize(ready),
            MessageGroupId = ready.StudentNumber,
            MessageDeduplicationId = ready.SubmissionId.ToString("N"),
            MessageAttributes = { ["module"] = new MessageAttributeValue { StringValue = ready.Module }, ["marker"] = new MessageAttributeValue { StringValue = ready.MarkerEmail } },
        };
        var lane = Convert.ToHexString(HMACSHA256.HashData(telemetrySecrets.ShardKey, Encoding.UTF8.GetBytes(ready.StudentNumber)))[..2];
        var bucket = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ready.StudentNumber)))[..6];
        using var activity = new ActivitySource("Uni.Feedback").StartActivity("feedback-ready.fifo send", ActivityKind.Producer);
        if (activity is not null) activity.DisplayName = $"feedback {ready.StudentNumber}"; // leak TC1001 direct
        activity?.SetTag("messaging.destination.name", "feedback-ready.fifo"); // clean precision-names
        activity?.SetTag("messaging.aws.sqs.message_group_id", request.MessageGroupId); // leak TC1001 cross-member
        activity?.SetTag("messaging.aws.sqs.deduplication_id", request.MessageDeduplicationId); // clean precision-about
        activity?.SetTag("feedback.lane", lane); // clean hashes
        activity?.SetTag("feedback.student_bucket", bucket); // leak TC1002 hashes
        activity?.SetBaggage("student.ref", pseudonymizer.ComputeCourseworkStudentId(ready.StudentNumber)); // clean precision-pseudonym
        try
        {
            var sent = await sqs.SendMessageAsync(request, ct);
            Sent.Add(1, new KeyValuePair<string, object?>("module", ready.Module), new("lane", lane)); // clean hashes
            LogSent(logger, sent.MessageId, sent.SequenceNumber, ready.Mark); // clean precision-about
            logger.LogDebug("Sent attributes {Attributes}", request.MessageAttributes.ToDictionary(a => a.Key, a => a.Value.StringValue)); // leak TC1001 logging-objects
        }
        catch (AmazonSQSException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "SQS {ErrorCode} ({RequestId}) sending feedback for {Body}", ex.ErrorCode, ex.RequestId, request.MessageBody); // leak TC1001 logging-objects
            throw;
        }
    }

    public async Task DrainDeadLettersAsync(CancellationToken ct)
    {
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = QueueUrl + "-dlq", MessageSystemAttributeNames = { "All" } }, ct);
        foreach (var message in received.Messages)
        {
            var receiveCount = message.Attributes.GetValueOrDefault("ApproximateReceiveCount");
            logger.LogWarning("Dead-lettered {MessageId} after {ReceiveCount} receives", message.MessageId, receiveCount); // clean precision-about
            logger.LogWarning("Dead-lettered group {GroupId}", message.Attributes.GetValueOrDefault("MessageGroupId")); // leak TC1001 direct
            var ready = JsonSerializer.Deserialize<FeedbackReady>(message.Body);
            if (ready is not null)
            {
                LogStuck(logger, ready.SubmissionId, ready.Comment); // leak TC1001 direct
                logger.LogCourseworkStoreFailedEvent(ready.SubmissionId.ToString(), "dead_lettered", pseudonymizer.PseudonymizeCourseworkStudentId(ready.StudentNumber), $"mark {ready.Mark}, comment of {ready.Comment.Length} chars"); // clean generated-api
            }
            await sqs.DeleteMessageAsync(QueueUrl + "-dlq", message.ReceiptHandle, ct);
        }
    }

    public async Task<string> VleKeyAsync(CancellationToken ct)
    {
        try
        {
            var secret = await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "vle/api-key" }, ct);
            logger.LogInformation("VLE key {Name} version {VersionId} ({Stages})", secret.Name, secret.VersionId, string.Join(",", secret.VersionStages)); // clean precision-names
            return secret.SecretString;
        }
        catch (Amazon.SecretsManager.Model.ResourceNotFoundException ex)
        {
            logger.LogError(ex, "VLE key missing"); // clean exceptions
            throw;
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Feedback message {MessageId} sent (sequence {Sequence}, mark {Mark})")]
    private static partial void LogSent(ILogger logger, string messageId, string? sequence, int mark);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Feedback for {SubmissionId} stuck: {Comment}")]
    private static partial void LogStuck(ILogger logger, Guid submissionId, string comment);
}
