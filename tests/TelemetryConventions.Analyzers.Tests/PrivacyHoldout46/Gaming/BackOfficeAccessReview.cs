using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout46.Gaming;

/// <summary>A back-office account (game master, payments, risk) in the quarterly access review.</summary>
public sealed record BackOfficeAccount(string UserPrincipalName, string StaffId, string Role, DateTimeOffset? LastSignIn, bool Mfa);

/// <summary>A bonus or balance adjustment a game master made by hand.</summary>
public sealed record BonusAdjustment(string AdjustmentId, Guid PlayerId, decimal Amount, string Reason, string GameMasterStaffId, string ApproverRole);

public sealed record AccessReviewCampaign(string CampaignId, string ReviewerUpn, IReadOnlyList<BackOfficeAccount> Accounts);

public static partial class AccessReviewLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Dormant account {UserPrincipalName} holds {Role}")]
    public static partial void DormantAccount(ILogger logger, string userPrincipalName, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserPrincipalName} certified by {Reviewer}")]
    public static partial void Certified(ILogger logger, [PrivateData] string userPrincipalName, [PrivateData] string reviewer);
}

/// <summary>
/// Runs the quarterly certification of back-office access that the gambling regulator's security audit
/// asks for, and the sample of manual bonus adjustments the internal auditors re-check.
/// </summary>
public sealed class BackOfficeReviewService(ILogger<BackOfficeReviewService> logger, TimeProvider time)
{
    private static readonly ActivitySource Source = new("Casino.Compliance");

    public void Review(AccessReviewCampaign campaign)
    {
        using var activity = Source.StartActivity("access.review");
        activity?.SetTag("review.campaign", campaign.CampaignId); // clean direct
        activity?.SetTag("review.reviewer", campaign.ReviewerUpn); // leak TC1001 direct

        var now = time.GetUtcNow();
        foreach (var account in campaign.Accounts)
        {
            if (account.LastSignIn is null || now - account.LastSignIn > TimeSpan.FromDays(90))
            {
                AccessReviewLog.DormantAccount(logger, account.UserPrincipalName, account.Role); // leak TC1001 direct
                continue;
            }

            AccessReviewLog.Certified(logger, account.UserPrincipalName, campaign.ReviewerUpn); // clean direct
        }

        activity?.SetTag("review.accounts.without_mfa", campaign.Accounts.Count(a => !a.Mfa)); // clean precision-about
        activity?.SetTag("review.accounts.without_mfa.list", string.Join(",", campaign.Accounts.Where(a => !a.Mfa).Select(a => a.UserPrincipalName))); // leak TC1001 direct
        logger.LogInformation("Roles under review: {Roles}", campaign.Accounts.GroupBy(a => a.Role).Select(g => $"{g.Key}={g.Count()}")); // clean logging-objects
    }

    public IReadOnlyList<BonusAdjustment> SampleAdjustments(IReadOnlyList<BonusAdjustment> month)
    {
        using var activity = Source.StartActivity("audit.bonus_sample");
        var sample = new List<BonusAdjustment>();
        foreach (var adjustment in month)
        {
            var cohort = HashCode.Combine(adjustment.PlayerId) & 7;
            if (cohort == 3 || adjustment.Amount > 500m)
            {
                sample.Add(adjustment);
                activity?.AddEvent(new ActivityEvent("adjustment.sampled", tags: new ActivityTagsCollection { ["adjustment.id"] = adjustment.AdjustmentId, ["audit.cohort"] = cohort })); // leak TC1002 hashes
                logger.LogInformation("Adjustment {AdjustmentId} of {Amount} approved by a {ApproverRole}", adjustment.AdjustmentId, adjustment.Amount, adjustment.ApproverRole); // clean precision-names
                logger.LogInformation("Adjustment {AdjustmentId} made by game master {GameMaster}", adjustment.AdjustmentId, adjustment.GameMasterStaffId); // leak TC1001 direct
            }
        }

        activity?.SetTag("audit.sample.size", sample.Count); // clean precision-about
        return sample;
    }
}
