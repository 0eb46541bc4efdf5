using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Hosting;
using PrivacyHoldout29.Support.Marketing;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Media;

public sealed record LapsedSubscriber(Guid SubscriberId, string Email, string? Mobile, string Plan, string ProfileName, DateOnly LapsedOn, bool MarketingConsent);

/// <summary>
/// Nightly: pushes lapsed subscribers who consented to marketing into the win-back audience of the
/// email platform and, hashed as the ad platform requires, into its customer-match list.
/// </summary>
public sealed class WinBackAudienceSync(
    IMarketingClient marketing,
    IOptions<PrivacyOpsOptions> options,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<WinBackAudienceSync> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Marketing");

    public async Task SyncAsync(IReadOnlyList<LapsedSubscriber> lapsed, string segmentId, CancellationToken cancellationToken)
    {
        var records = meter.CreateCrmSyncRecordsCounter();
        using var span = Source.StartCrmSync("audience_member");
        span.SetCrmSyncDirection("push");
        var eligible = lapsed.Where(s => s.MarketingConsent).ToList();
        span.SetCrmFieldCount(eligible.Count);
        Activity.Current?.SetTag("marketing.segment", segmentId); // clean precision-names
        Activity.Current?.SetTag("marketing.excluded.no_consent", lapsed.Count - eligible.Count); // clean precision-about

        foreach (var subscriber in eligible)
        {
            var hash = SubscriberHash(subscriber.Email);
            logger.LogDebug("Pushing {SubscriberRef} ({Plan}) to the win-back audience", pseudonymizer.ComputeCrmContactId(subscriber.SubscriberId.ToString()), subscriber.Plan); // clean precision-pseudonym
            try
            {
                var member = new AudienceMember
                {
                    EmailAddress = subscriber.Email,
                    MergeFields = { ["PLAN"] = subscriber.Plan, ["PROFILE"] = subscriber.ProfileName },
                    Tags = { "win-back" },
                };
                var result = await marketing.SetMemberAsync(options.Value.ListId, hash, member, cancellationToken);
                records.Add(1, "audience_member", crmOutcome: result.Status); // clean precision-about
            }
            catch (MarketingApiException ex)
            {
                records.Add(1, "audience_member", crmOutcome: ex.Title); // clean exceptions
                span.AddCrmSyncConflictEvent("audience_member", crmOutcome: ex.Detail); // leak TC1001 exceptions
                logger.LogWarning("Member {SubscriberHash} rejected: {Status} {Title}", hash, ex.Status, ex.Title); // leak TC1002 hashes
            }
        }

        await marketing.AddToSegmentAsync(options.Value.ListId, segmentId, eligible.Select(s => s.Email).ToList(), cancellationToken);

        var upload = new CustomerMatchUpload(
            "aud-winback",
            eligible.Select(s => Normalised(s.Email)).ToList(),
            eligible.Where(s => s.Mobile is not null).Select(s => Normalised(s.Mobile!)).ToList());
        var uploaded = await marketing.UploadCustomerMatchAsync(upload, cancellationToken);
        logger.LogInformation("Customer match job {JobId}: {Received} received, {Matched} matched", uploaded.JobId, uploaded.Received, uploaded.Matched); // clean precision-about
        logger.LogDebug("Customer match sample: {First}", upload.HashedEmails.FirstOrDefault()); // leak TC1002 hashes
        Activity.Current?.SetTag("marketing.upload.hashed_phones", upload.HashedPhones.Count);

        var profiles = eligible.GroupBy(s => s.Plan).Select(g => new { Plan = g.Key, Subscribers = g.Count() });
        logger.LogInformation("Win-back audience by plan: {@Plans}", profiles); // clean logging-objects
        logger.LogDebug("Win-back audience: {@Members}", eligible.Select(s => new { s.SubscriberId, s.Plan })); // leak TC1001 logging-objects
    }

    private static string SubscriberHash(string email) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()))).ToLowerInvariant();

    private static string Normalised(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant()))).ToLowerInvariant();
}
