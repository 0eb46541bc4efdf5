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
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Energy;

// Refer-a-friend: every customer gets a referral code made from their first name and four digits
// (JOANNE4821), printed on their share link. When a friend switches with the code, both get a credit,
// unless the friend's supply point is the referrer's own (one household referring itself).

public sealed record Referrer(string AccountNumber, string FirstName, string ReferralCode, string Mpan);

public sealed record Redemption(string ReferralCode, string FriendEmail, string FriendMpan, string Tariff);

public interface IReferrerDirectory
{
    Task<Referrer?> FindByCodeAsync(string referralCode, CancellationToken cancellationToken);
}

public interface ICreditLedger
{
    Task CreditAsync(string accountNumber, decimal amount, string reason, CancellationToken cancellationToken);
}

public sealed class ReferralFraudException(string message) : Exception(message);

public sealed class ReferralRedemptionService(
    IReferrerDirectory directory,
    ICreditLedger ledger,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ReferralRedemptionService> logger)
{
    private const decimal Credit = 50m;
    private static readonly ActivitySource Source = new("Supplier.Referrals");
    private readonly Counter<long> _redemptions = meter.CreateCounter<long>("referrals.redemptions");

    public async Task RedeemAsync(Redemption redemption, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("referral.redeem");
        activity?.SetTag("referral.code", redemption.ReferralCode); // leak TC1001 direct
        activity?.SetTag("referral.tariff", redemption.Tariff); // clean precision-about

        var referrer = await directory.FindByCodeAsync(redemption.ReferralCode, cancellationToken);
        if (referrer is null)
        {
            logger.LogInformation("Unknown referral code of length {Length}", redemption.ReferralCode.Length); // clean precision-about
            meter.CreateCommunityInvitationsCounter().Add(1, "referral-code", communityOutcome: "unknown-code"); // clean precision-about
            return;
        }

        try
        {
            CheckHousehold(referrer, redemption);
        }
        catch (ReferralFraudException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            _redemptions.Add(1, new KeyValuePair<string, object?>("outcome", "same-household")); // clean precision-about
            return;
        }

        await ledger.CreditAsync(referrer.AccountNumber, Credit, "referral", cancellationToken);
        activity?.SetTag("referral.credit", Credit); // clean precision-about
        activity?.SetTag("referral.referrer", pseudonymizer.ComputeCommunityMemberId(referrer.AccountNumber)); // clean precision-pseudonym
        activity?.SetTag("referral.friend_domain", redemption.FriendEmail.Split('@')[1]); // clean precision-about
        _redemptions.Add(1, new KeyValuePair<string, object?>("referrer", pseudonymizer.ComputeCommunityMemberId(referrer.AccountNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Referral credited to {FirstName} for friend {FriendEmail}", referrer.FirstName, redemption.FriendEmail); // leak TC1001 direct
        meter.CreateCommunityInvitationsCounter().Add(1, "referral-code", communityOutcome: $"redeemed:{redemption.ReferralCode}"); // leak TC1003 generated-api
    }

    private static void CheckHousehold(Referrer referrer, Redemption redemption)
    {
        if (string.Equals(referrer.Mpan, redemption.FriendMpan, StringComparison.Ordinal))
        {
            throw new ReferralFraudException($"Supply point {redemption.FriendMpan} is the referrer's own");
        }
    }
}

// The nightly export of redeemed codes for the partner that runs the reward shop.
public sealed class ReferralExportJob(TelemetrySecrets secrets, ILogger<ReferralExportJob> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Referrals.Export");

    public void Export(IReadOnlyList<Referrer> referrers)
    {
        using var activity = Source.StartActivity("referral.export");
        activity?.SetTag("referral.export.count", referrers.Count); // clean precision-about
        foreach (var referrer in referrers)
        {
            var partnerKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(referrer.ReferralCode));
            logger.LogDebug("Exported referrer key {PartnerKey}", partnerKey); // leak TC1001 hashes
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(referrer.AccountNumber))[0] & 7;
            logger.LogDebug("Referrer in lane {Lane}, distributor {Distributor}", lane, referrer.Mpan[..2]); // clean hashes
        }
    }
}
