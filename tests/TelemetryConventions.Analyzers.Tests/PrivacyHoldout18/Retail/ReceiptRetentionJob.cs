using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Retail;

/// <summary>
/// Deletes scanned till receipts kept for loyalty point disputes after 400 days. The scanning kiosks
/// store them as receipts/{loyaltyNumber}/{yyyyMMdd}-{receiptNumber}.jpg.
/// </summary>
public sealed class ReceiptRetentionJob(IAmazonS3 s3, TimeProvider time, Pseudonymizer pseudonymizer, ActivitySource source, ILogger<ReceiptRetentionJob> logger) : BackgroundService
{
    private const string Bucket = "loyalty-receipts";
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(400);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("retention.sweep receipts");
        var cutoff = time.GetUtcNow().UtcDateTime - KeepFor;
        string? continuation = null;
        var deleted = 0;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "receipts/", ContinuationToken = continuation }, cancellationToken);
            var expired = page.S3Objects.Where(o => o.LastModified < cutoff).ToList();
            if (expired.Count > 0)
            {
                var result = await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = Bucket, Objects = expired.Select(o => new KeyVersion { Key = o.Key }).ToList() }, cancellationToken);
                deleted += result.DeletedObjects.Count;
                foreach (var error in result.DeleteErrors)
                {
                    logger.LogWarning("Could not delete {Key}: {Code} {Message}", error.Key, error.Code, error.Message); // leak TC1001 strings
                    activity?.AddEvent(new ActivityEvent("retention.delete_failed", tags: new ActivityTagsCollection { ["s3.error_code"] = error.Code })); // clean precision-about
                }

                foreach (var gone in result.DeletedObjects)
                {
                    var segments = gone.Key.Split('/');
                    if (segments.Length != 3)
                    {
                        // Kiosks before 2022 wrote receipts/{loyaltyNumber}-{yyyyMMdd}.jpg
                        logger.LogDocumentPurgedEvent("till-receipt", documentNote: $"legacy key {gone.Key}"); // leak TC1001 generated-api
                        continue;
                    }

                    logger.LogDocumentPurgedEvent("till-receipt", documentId: segments[2][(segments[2].IndexOf('-') + 1)..], documentOwnerId: pseudonymizer.PseudonymizeDocumentOwnerId(segments[1])); // clean generated-api
                }
            }

            continuation = page.IsTruncated ? page.NextContinuationToken : null;
        }
        while (continuation is not null);

        activity?.SetTag("retention.deleted", deleted);
        activity?.SetTag("retention.cutoff", cutoff.ToString("O"));
    }
}
