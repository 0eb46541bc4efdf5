using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Media;

public sealed record PromoRedemption(string PromoCode, string CampaignId, Guid SubscriberId, string SubscriberEmail, string VisitorId);

public sealed class PromoAlreadyRedeemedException(string email, string promoCode)
    : Exception($"{email} already redeemed {promoCode}");

internal static class PromoTelemetry
{
    public static void TagRedeemer(Activity? activity, string subscriberEmail)
    {
        activity?.SetTag("promo.redeemer", subscriberEmail); // leak TC1001 direct
    }

    public static void TagCampaign(Activity? activity, string campaignId, string promoCode)
    {
        activity?.SetTag("promo.campaign", campaignId); // clean direct
        activity?.SetTag("promo.code", promoCode); // clean direct
    }
}

/// <summary>
/// Promo-code abuse. Codes are campaign codes (the same code for everyone the campaign reaches),
/// limited to one redemption per household: redeemed again with new accounts from the same browser,
/// or leaked to coupon sites and redeemed in bulk.
/// </summary>
public sealed class PromoCodeAbuseGuard(IVelocityStore velocity, Pseudonymizer pseudonymizer, ILogger<PromoCodeAbuseGuard> logger, Meter meter)
{
    private readonly Counter<long> _redemptions = meter.CreateCounter<long>("promo.redemptions");

    public async Task<bool> RedeemAsync(PromoRedemption redemption, CancellationToken ct)
    {
        var activity = Activity.Current;
        PromoTelemetry.TagCampaign(activity, redemption.CampaignId, redemption.PromoCode); // clean cross-member

        var dedupeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(redemption.SubscriberEmail.Trim().ToLowerInvariant())));
        var perCode = await velocity.IncrementAsync($"promo:{redemption.PromoCode}:1h", TimeSpan.FromHours(1), ct);
        var perDevice = await velocity.AddDistinctAsync($"promo-device:{redemption.CampaignId}:{redemption.VisitorId}", dedupeKey, TimeSpan.FromDays(90), ct);
        activity?.SetTag("promo.redemptions_last_hour", perCode); // clean precision-about
        activity?.SetTag("promo.accounts_on_device", perDevice); // clean precision-names

        try
        {
            EnsureFirstOnDevice(redemption, perDevice);
        }
        catch (PromoAlreadyRedeemedException ex)
        {
            PromoTelemetry.TagRedeemer(activity, redemption.SubscriberEmail); // leak TC1001 cross-member
            logger.LogInformation(ex, "Promo refused on campaign {CampaignId}", redemption.CampaignId); // leak TC1001 exceptions
            logger.LogInformation("Promo dedupe key {DedupeKey}", dedupeKey); // leak TC1002 hashes
            _redemptions.Add(1, new KeyValuePair<string, object?>("campaign", redemption.CampaignId), new KeyValuePair<string, object?>("result", "refused-device")); // clean direct
            return false;
        }

        if (perCode > 500)
        {
            meter.CreateAbuseSignalsCounter().Add(1, "promo-leak", abuseQueue: redemption.CampaignId); // clean generated-api
            logger.LogWarning("Promo code {PromoCode} redeemed {Count} times in an hour; likely published", redemption.PromoCode, perCode); // clean direct
        }

        _redemptions.Add(1, new KeyValuePair<string, object?>("campaign", redemption.CampaignId), new KeyValuePair<string, object?>("result", "ok"));
        _redemptions.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeAbuseActorId(redemption.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym
        Activity.Current?.SetBaggage("promo.subscriber", redemption.SubscriberId.ToString()); // leak TC1001 direct
        return true;
    }

    private static void EnsureFirstOnDevice(PromoRedemption redemption, long accountsOnDevice)
    {
        if (accountsOnDevice > 1)
        {
            throw new PromoAlreadyRedeemedException(redemption.SubscriberEmail, redemption.PromoCode);
        }
    }
}
