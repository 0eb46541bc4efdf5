namespace PrivacyHoldout84.Gaming;

public sealed record RedeemRequest(string CustomerId, string PlayerId, string TypedCode, string Region);

public sealed record Redemption(string PromotionCodeId, string CouponId, decimal? PercentOff, int FreeMonths, bool IsCreatorCode);

/// <summary>Redeems campaign codes and creator codes (a streamer's public handle) against a player's game pass.</summary>
public sealed class PromoCodeRedemption(
    ILogger<PromoCodeRedemption> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    BillboxClient billing,
    TelemetrySecrets secrets)
{
    private static readonly HashSet<string> Campaigns = new(StringComparer.OrdinalIgnoreCase) { "SUMMERPASS24", "LAUNCHWEEK", "XMAS3FREE" };

    private readonly Counter<long> _redemptions = meter.CreateCounter<long>("pass.promo.redemptions");
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("pass.promo.rejected");

    public async Task<Redemption?> RedeemAsync(RedeemRequest request, CancellationToken ct)
    {
        var code = request.TypedCode.Trim().ToUpperInvariant();
        var isCampaign = Campaigns.Contains(code);
        using var scope = logger.BeginScope(new[] { new KeyValuePair<string, object>("Region", request.Region), new KeyValuePair<string, object>("IsCampaign", isCampaign) }); // clean precision-about

        try
        {
            await billing.GetCustomerAsync(request.CustomerId, ct);
        }
        catch (InvalidRequestException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current?.SetTag("pass.promo.error", ex.Code); // clean exceptions
            return null;
        }

        var promotion = await billing.FindPromotionCodeAsync(code, ct);
        if (promotion is null)
        {
            _rejected.Add(1, new KeyValuePair<string, object?>("reason", "unknown_code"), new KeyValuePair<string, object?>("length", code.Length)); // clean precision-about
            logger.LogInformation("Player typed an unknown code {Code}", request.TypedCode); // leak TC1001 direct
            return null;
        }

        if (isCampaign)
        {
            _redemptions.Add(1, new KeyValuePair<string, object?>("code", code), new KeyValuePair<string, object?>("coupon", promotion.Coupon.Id)); // clean precision-about
            logger.LogInformation("Campaign code {Code} redeemed, {Remaining} redemptions so far", promotion.Code, promotion.TimesRedeemed); // clean precision-about
        }
        else
        {
            _redemptions.Add(1, new KeyValuePair<string, object?>("code", code), new KeyValuePair<string, object?>("coupon", promotion.Coupon.Id)); // leak TC1003 direct
            _redemptions.Add(1, new KeyValuePair<string, object?>("creator_bucket", KeyedShard.Of(secrets.ShardKey, code, 64))); // clean hashes
            logger.LogInformation("Creator code redeemed {@Promotion}", promotion); // leak TC1001 logging-objects
        }

        logger.LogInformation("Coupon {Coupon} applied", promotion.Coupon); // clean logging-objects
        Activity.Current?.SetTag("pass.promo.player", pseudonymizer.ComputePasssubCustomerId(request.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("pass.promo.player_key", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(request.PlayerId)))); // leak TC1002 hashes
        return new Redemption(promotion.Id, promotion.Coupon.Id, promotion.Coupon.PercentOff, promotion.Coupon.DurationInMonths ?? 0, !isCampaign);
    }
}
