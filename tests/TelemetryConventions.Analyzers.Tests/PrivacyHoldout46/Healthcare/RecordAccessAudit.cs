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
using PrivacyCorpus.Shared;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Healthcare;

/// <summary>One access to a patient's record in the electronic patient record, from its audit log.</summary>
public sealed record RecordAccess(long AuditRowId, string NhsNumber, string StaffNumber, string SmartcardUid, string Ward, string Action, bool BreakGlass, DateTimeOffset At);

/// <summary>A line manager's decision in the quarterly review of EPR roles.</summary>
public sealed record RoleReviewDecision(string CampaignId, string ReviewerEmail, string StaffNumber, string RoleCode, string Decision, string? Justification);

public interface IAuditLogReader
{
    IAsyncEnumerable<RecordAccess> ReadDayAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// The information governance team's daily audit: every break-glass access is reviewed, and a sample of
/// the other accesses is drawn for the privacy officers to check against the patient's care.
/// </summary>
public sealed class RecordAccessAuditJob(
    ILogger<RecordAccessAuditJob> logger,
    IAuditLogReader auditLog,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Trust.InformationGovernance");
    private readonly Counter<long> _flagged = meter.CreateCounter<long>("ig.access.flagged");
    private readonly Counter<long> _sampled = meter.CreateCounter<long>("ig.access.sampled");

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ig.audit.daily");
        activity?.SetTag("ig.audit.day", day.ToString("yyyy-MM-dd"));
        var sampled = 0;

        await foreach (var access in auditLog.ReadDayAsync(day, cancellationToken))
        {
            if (access.BreakGlass)
            {
                TagAccess(activity, access.StaffNumber, access.Ward); // leak TC1001 cross-member
                logger.LogWarning("Break-glass access to {PatientRef} on {Ward} flagged for review", pseudonymizer.ComputeLegalCustodianRef(access.NhsNumber), access.Ward); // clean precision-pseudonym
                _flagged.Add(1, new KeyValuePair<string, object?>("staff.number", access.StaffNumber)); // leak TC1003 direct
                continue;
            }

            // Two in a hundred patients' accesses are sampled; the old job bucketed on the NHS number's SHA-256.
            var legacyBucket = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(access.NhsNumber))) % 100;
            activity?.SetTag("ig.sample.legacy_bucket", legacyBucket); // leak TC1002 hashes

            using var hmac = new HMACSHA256(secrets.ShardKey);
            var bucket = BitConverter.ToUInt32(hmac.ComputeHash(Encoding.UTF8.GetBytes(access.NhsNumber))) % 100;
            if (bucket < 2)
            {
                sampled++;
                activity?.AddEvent(new ActivityEvent("ig.access.sampled", tags: new ActivityTagsCollection { ["ig.sample.bucket"] = bucket, ["ig.audit.row"] = access.AuditRowId })); // clean hashes
                _sampled.Add(1, new KeyValuePair<string, object?>("ward", access.Ward)); // clean direct
            }
        }

        logger.LogInformation("Audit of {Day}: {Sampled} accesses sampled", day, sampled); // clean precision-about
    }

    private static void TagAccess(Activity? activity, string staffNumber, string ward)
    {
        activity?.SetTag("ig.access.staff_number", staffNumber); // leak TC1001 direct
        activity?.SetTag("ig.access.ward", ward);
    }
}

/// <summary>Applies the line managers' decisions from the quarterly review of EPR roles.</summary>
public sealed class RoleReviewProcessor(ILogger<RoleReviewProcessor> logger, Meter meter)
{
    private readonly Counter<long> _decisions = meter.CreateCounter<long>("ig.role_review.decisions");

    public void Apply(IReadOnlyList<RoleReviewDecision> decisions)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ReviewCampaign"] = decisions.FirstOrDefault()?.CampaignId }); // clean direct
        foreach (var decision in decisions)
        {
            _decisions.Add(1, new KeyValuePair<string, object?>("role.code", decision.RoleCode), new KeyValuePair<string, object?>("decision", decision.Decision)); // clean direct
            if (decision.Decision == "revoke")
            {
                logger.LogInformation("{Reviewer} revoked {RoleCode} from {StaffNumber}", decision.ReviewerEmail, decision.RoleCode, decision.StaffNumber); // leak TC1001 direct
            }
            else if (decision.Justification is { Length: > 0 } justification)
            {
                logger.LogDebug("Role {RoleCode} kept with justification: {Justification}", decision.RoleCode, justification); // leak TC1001 direct
            }
        }

        var reviewers = decisions.Select(d => d.ReviewerEmail).Distinct().Count();
        logger.LogInformation("Review applied: {Decisions} decisions from {ReviewerCount} reviewers", decisions.Count, reviewers); // clean precision-names
    }
}
