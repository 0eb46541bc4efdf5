using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Healthcare;

public sealed class RetentionOptions
{
    public TimeSpan ReferralAttachments { get; init; } = TimeSpan.FromDays(8 * 365);

    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(6);
}

/// <summary>Deletes referral attachments once the records retention schedule says they may go.</summary>
public sealed class ReferralRetentionJob(
    BlobServiceClient blobs,
    RetentionOptions options,
    TimeProvider time,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ReferralRetentionJob> logger) : BackgroundService
{
    private readonly Counter<long> _purged = meter.CreateCounter<long>("retention.blobs.purged", "{blob}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await PurgeAsync(stoppingToken);
        }
    }

    internal async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient("referral-attachments");
        var cutoff = time.GetUtcNow() - options.ReferralAttachments;
        var deleted = 0;
        long bytes = 0;

        // Blob names are patients/{nhsNumber}/referrals/{referralId}/{attachmentId}.{ext}
        await foreach (var item in container.GetBlobsAsync(prefix: "patients/", cancellationToken: cancellationToken))
        {
            if (item.Properties.CreatedOn is not { } created || created >= cutoff)
            {
                continue;
            }

            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Blob"] = item.Name, ["CreatedOn"] = created }); // leak TC1001 logging-objects
            var nhsNumber = item.Name.Split('/')[1];
            var response = await container.DeleteBlobIfExistsAsync(item.Name, cancellationToken);
            if (!response.Value)
            {
                logger.LogWarning("Attachment of patient {NhsNumber} vanished before it could be purged", nhsNumber); // leak TC1001 strings
                continue;
            }

            deleted++;
            bytes += item.Properties.ContentLength ?? 0;
            logger.LogDocumentPurgedEvent("referral-attachment", documentId: Path.GetFileNameWithoutExtension(item.Name), documentOwnerId: pseudonymizer.PseudonymizeDocumentOwnerId(nhsNumber)); // clean generated-api
            _purged.Add(1, new KeyValuePair<string, object?>("retention.policy", "referral-8y"));
        }

        Activity.Current?.SetTag("retention.deleted", deleted);
        logger.LogInformation("Retention purged {Count} referral attachments ({Bytes} bytes) created before {Cutoff:d}", deleted, bytes, cutoff); // clean precision-about
    }
}
