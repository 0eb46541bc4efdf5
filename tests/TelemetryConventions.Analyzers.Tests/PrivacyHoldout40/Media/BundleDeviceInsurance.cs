using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Media;

/// <summary>The "Stream + Phone" bundle: a streaming plan with a mobile line and insurance for the subscriber's own handset.</summary>
public sealed record HandsetCover(Guid SubscriberId, string Msisdn, string Imei, string HandsetModel, string Tier, decimal Excess);

/// <summary>A loss reported in the app; <c>Kind</c> comes from the app's list (lost, stolen, damaged).</summary>
public sealed record LossReport(Guid SubscriberId, string Msisdn, string Kind, DateTimeOffset LostAt, string? PoliceReference);

public interface IHandsetCovers
{
    Task<HandsetCover?> ForSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken);
}

public sealed class HandsetClaimService(
    IHandsetCovers covers,
    IDeviceBlocklist blocklist,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<HandsetClaimService> logger)
{
    private readonly Counter<long> _blocked = meter.CreateCounter<long>("bundle.handset.blocked", "{handset}");

    public async Task<string?> ReportLossAsync(LossReport report, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("bundle.handset.loss");
        var cover = await covers.ForSubscriberAsync(report.SubscriberId, cancellationToken);
        if (cover is null)
        {
            activity?.SetTag("bundle.subscriber", report.SubscriberId); // leak TC1001 direct
            logger.LogInformation("Loss reported by a subscriber without handset cover");
            return null;
        }

        var claimId = "HS-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var span = new CoverClaimSpan(activity);
        span.SetCoverClaimId(claimId);
        span.SetCoverPolicyholderId(pseudonymizer.PseudonymizeCoverPolicyholderId(cover.SubscriberId.ToString())); // clean precision-pseudonym
        span.SetCoverExcessAmount((double)cover.Excess);

        activity?.SetTag("bundle.handset.model", cover.HandsetModel);
        activity?.SetTag("bundle.handset.tac", cover.Imei[..8]); // clean precision-about
        activity?.SetTag("bundle.handset.imei", cover.Imei); // leak TC1001 direct
        activity?.SetTag("bundle.line", Convert.ToBase64String(Encoding.UTF8.GetBytes(cover.Msisdn))); // leak TC1001 hashes
        activity?.SetTag("bundle.line.imei_digest", Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(cover.Imei)))); // leak TC1002 hashes
        activity?.SetTag("bundle.handset.shard", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.ASCII.GetBytes(cover.Imei))) % 32); // clean hashes
        activity?.SetTag("bundle.loss.has_police_reference", report.PoliceReference is not null); // clean precision-about

        var status = await blocklist.LookupAsync(cover.Imei, cancellationToken);
        if (status.Listed)
        {
            logger.LogWarning("Handset already blocklisted ({Reason}) by {Operator}", status.ListingReason, status.ListingOperator); // clean direct
            span.SetCoverNote($"already listed: {status.ListingReason}"); // clean generated-api
        }
        else
        {
            _blocked.Add(1, new KeyValuePair<string, object?>("model", cover.HandsetModel), new KeyValuePair<string, object?>("kind", report.Kind));
            logger.LogInformation("Blocking handset {Imei} on line {Msisdn} after {Kind}", cover.Imei, cover.Msisdn, report.Kind); // leak TC1001 direct
        }

        meter.CreateCoverClaimsCounter().Add(1, "handset", coverClaimStage: CoverClaimStage.Fnol, coverOutcome: report.Kind); // clean generated-api
        return claimId;
    }
}
