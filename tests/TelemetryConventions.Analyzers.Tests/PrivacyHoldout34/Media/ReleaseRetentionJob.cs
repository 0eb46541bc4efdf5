using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.Documents;

namespace PrivacyHoldout34.Media;

public sealed record RetentionPolicy(string Prefix, TimeSpan Keep);

/// <summary>
/// Deletes signed releases and their certificates of completion once the production's rights period has
/// passed. Releases are stored as <c>releases/{productionId}/{FamilyName}_{GivenName}_release.pdf</c> with
/// the talent's email in their metadata; certificates as <c>certificates/{envelopeId}.pdf</c>.
/// </summary>
public sealed class ReleaseRetentionJob(IDocumentStore store, TimeProvider clock, ILogger<ReleaseRetentionJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Retention");

    public IReadOnlyList<RetentionPolicy> Policies { get; init; } =
    [
        new("releases/", TimeSpan.FromDays(365 * 7)),
        new("certificates/", TimeSpan.FromDays(365 * 7)),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var policy in Policies)
        {
            using var activity = Source.StartActivity("retention.sweep");
            activity?.SetTag("retention.prefix", policy.Prefix); // clean precision-names
            var cutoff = clock.GetUtcNow() - policy.Keep;
            var expired = new List<StoredDocument>();
            await foreach (var document in store.ListAsync(policy.Prefix, stoppingToken))
            {
                if (document.CreatedOn < cutoff)
                {
                    expired.Add(document);
                }
            }

            foreach (var document in expired)
            {
                await store.DeleteAsync(document.Name, stoppingToken);
                if (policy.Prefix == "certificates/")
                {
                    logger.LogInformation("Deleted certificate {Name}", document.Name); // clean precision-names
                    continue;
                }

                logger.LogInformation("Deleted release {Name} created {Created:yyyy-MM-dd}", document.Name, document.CreatedOn); // leak TC1001 direct
                logger.LogDebug("Release metadata keys {Keys}", string.Join(",", document.Metadata.Keys)); // clean precision-names
                logger.LogDebug("Release metadata {Metadata}", document.Metadata); // leak TC1001 logging-objects
                activity?.AddEvent(new ActivityEvent("retention.deleted", tags: new ActivityTagsCollection { ["production"] = document.Name.Split('/')[1] })); // clean precision-about
                activity?.AddEvent(new ActivityEvent("retention.deleted.talent", tags: new ActivityTagsCollection { ["file"] = document.Name.Split('/')[^1] })); // leak TC1001 strings
            }

            activity?.SetTag("retention.deleted", expired.Count); // clean precision-about
            logger.LogInformation("Retention sweep of {Prefix} deleted {Count} documents ({Bytes} bytes)", policy.Prefix, expired.Count, expired.Sum(d => d.Size)); // clean precision-about
        }
    }
}
