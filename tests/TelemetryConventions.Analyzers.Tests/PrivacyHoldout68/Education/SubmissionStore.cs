using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace PrivacyHoldout68.Education;

public sealed record Submission(Guid SubmissionId, string StudentNumber, string StudentEmail, string Module, string Assignment, string FileName, byte[] Content);

/// <summary>
/// Keeps coursework files in S3 under {module}/{assignment}/{studentNumber}/{submissionId}.pdf and the
/// submission record in DynamoDB ("submissions", key pk = STUDENT#{studentNumber}, sk = {module}#{assignment}),
/// written only if no earlier submission exists.
/// </summary>
public sealed class SubmissionStore(IAmazonS3 s3, IAmazonDynamoDB dynamo, Pseudonymizer pseudonymizer, ILogger<SubmissionStore> logger)
{
    private const string Bucket = "uni-coursework-submissions";
    private const string Table = "submissions";
    private static readonly ActivitySource Source = new("Uni.Coursework");
    private static readonly Meter CourseworkMeter = new("Uni.Coursework");
    private static readonly CourseworkFilesCounter Files = CourseworkMeter.CreateCourseworkFilesCounter();
    private static readonly Histogram<double> Capacity = CourseworkMeter.CreateHistogram<double>("dynamodb.consumed_capacity");

    public async Task<string> SubmitAsync(Submission submission, CancellationToken ct)
    {
        var key = $"{submission.Module}/{submission.Assignment}/{submission.StudentNumber}/{submission.SubmissionId:N}.pdf";
        using var span = Source.StartCourseworkStore("s3 put " + Bucket) // clean precision-names
            .SetCourseworkSubmissionId(submission.SubmissionId.ToString()) // clean precision-about
            .SetCourseworkStudentId(pseudonymizer.PseudonymizeCourseworkStudentId(submission.StudentNumber)) // clean precision-pseudonym
            .SetCourseworkModule(submission.Module) // clean precision-about
            .SetCourseworkBucket(Bucket); // clean precision-names

        var put = new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = new MemoryStream(submission.Content), ContentType = "application/pdf" };
        put.Metadata.Add("original-name", submission.FileName);
        put.Metadata.Add("submitted-by", submission.StudentEmail);
        var response = await s3.PutObjectAsync(put, ct);
        span.Activity?.SetTag("aws.s3.key", put.Key); // leak TC1001 cross-member
        span.Activity?.SetTag("aws.s3.etag", response.ETag); // clean precision-about
        span.Activity?.SetTag("aws.request_id", response.ResponseMetadata.RequestId); // clean precision-about
        logger.LogInformation("Stored {Bytes} bytes for submission {SubmissionId} as {OriginalName}", submission.Content.Length, submission.SubmissionId, put.Metadata["original-name"]); // leak TC1001 direct
        logger.LogDebug("Object metadata: {Metadata}", string.Join("; ", put.Metadata.Keys.Select(k => $"{k}={put.Metadata[k]}"))); // leak TC1001 strings
        logger.LogDebug("Object metadata names: {Names}", string.Join(",", put.Metadata.Keys)); // clean precision-names

        var record = new PutItemRequest
        {
            TableName = Table,
            Item = new()
            {
                ["pk"] = new AttributeValue($"STUDENT#{submission.StudentNumber}"),
                ["sk"] = new AttributeValue($"{submission.Module}#{submission.Assignment}"),
                ["submissionId"] = new AttributeValue(submission.SubmissionId.ToString()),
                ["s3Key"] = new AttributeValue(key),
            },
            ConditionExpression = "attribute_not_exists(pk) AND attribute_not_exists(sk)",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        };
        try
        {
            var written = await dynamo.PutItemAsync(record, ct);
            Capacity.Record(written.ConsumedCapacity?.CapacityUnits ?? 0, new KeyValuePair<string, object?>("table", Table)); // clean precision-about
            Files.Add(1, submission.Module, "stored"); // clean precision-about
            return key;
        }
        catch (ConditionalCheckFailedException ex)
        {
            var earlier = ex.Item.TryGetValue("submissionId", out var id) ? id.S : null;
            span.SetCourseworkOutcome("duplicate").SetCourseworkNote($"earlier submission {earlier} kept; condition {record.ConditionExpression}"); // clean generated-api
            logger.LogCourseworkStoreFailedEvent(submission.SubmissionId.ToString(), "duplicate", courseworkNote: ex.Message); // clean exceptions
            logger.LogWarning("Duplicate submission, stored item {@Existing}", ex.Item.ToDictionary(kv => kv.Key, kv => kv.Value.S)); // leak TC1001 logging-objects
            Files.Add(1, submission.Module, $"duplicate:{record.Item["pk"].S}"); // leak TC1003 generated-api
            throw;
        }
    }

    public async Task<IReadOnlyList<string>> ListForMarkingAsync(string module, string assignment, CancellationToken ct)
    {
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = $"{module}/{assignment}/" }, ct);
        Activity.Current?.SetTag("aws.s3.prefix", $"{module}/{assignment}/"); // clean precision-about
        Activity.Current?.SetTag("coursework.first_key", listed.S3Objects.FirstOrDefault()?.Key); // leak TC1001 strings
        Activity.Current?.SetTag("coursework.files", listed.KeyCount);
        var students = listed.S3Objects.Select(o => o.Key.Split('/')[2]).Distinct().ToList();
        logger.LogInformation("Marking batch for {Module}/{Assignment}: {Students}", module, assignment, students); // leak TC1001 logging-objects
        logger.LogInformation("Marking batch for {Module}/{Assignment}: {Bytes} bytes", module, assignment, listed.S3Objects.Sum(o => o.Size)); // clean precision-about
        return listed.S3Objects.Select(o => o.Key).ToList();
    }

    public string FeedbackLink(string module, string assignment, string studentNumber, Guid submissionId)
    {
        var url = s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = Bucket, Key = $"{module}/{assignment}/{studentNumber}/{submissionId:N}.feedback.pdf", Expires = DateTime.UtcNow.AddDays(14) });
        logger.LogDebug("Feedback link issued for submission {SubmissionId}, host {Host}", submissionId, new Uri(url).Host); // clean precision-about
        logger.LogDebug("Feedback link {Url}", url); // leak TC1001 cross-member
        return url;
    }
}
