namespace PrivacyHoldout119.Gaming;

/// <summary>A code typed in the launcher's "redeem a code" box.</summary>
public sealed record RedeemCodeRequest(Guid PlayerId, string Code, string Platform);

/// <summary>
/// Redeems codes in the launcher: campaign codes printed in every boxed copy (the same for everyone)
/// and single-use VIP reward codes the club issues to one player.
/// </summary>
public static class RedemptionCodeEndpoints
{
    private static readonly ActivitySource Source = new("Publisher.Vip.Codes");
    private static readonly Meter Meter = new("Publisher.Vip.Codes");
    private static readonly Counter<long> Redemptions = Meter.CreateCounter<long>("viprwd.code.redemptions");
    private static readonly HashSet<string> CampaignCodes = new(StringComparer.OrdinalIgnoreCase) { "SEASON9-BOX", "LAUNCHWEEK" };

    public static void Map(EndpointRoutes routes) => routes.MapPost("/codes/redeem", RedeemAsync);

    public static async Task<ActionResult> RedeemAsync(RedeemCodeRequest request, IRewardsEngine rewards, Pseudonymizer pseudonymizer, ILogger<RedeemCodeRequest> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartViprwdRedeem("vip-club");
        span.Activity?.SetTag("launcher.platform", request.Platform); // clean precision-names
        if (CampaignCodes.Contains(request.Code))
        {
            span.Activity?.SetTag("viprwd.campaign_code", request.Code.ToUpperInvariant()); // clean precision-names
            Redemptions.Add(1, new KeyValuePair<string, object?>("campaign", request.Code.ToUpperInvariant()), new KeyValuePair<string, object?>("platform", request.Platform)); // clean precision-names
            return new OkResult("campaign");
        }

        span.Activity?.SetTag("viprwd.code", request.Code); // leak TC1001 direct
        var voucher = await rewards.LookupVoucherAsync(request.Code, cancellationToken);
        if (voucher is null)
        {
            logger.LogInformation("No voucher for code of length {Length} from player {Player}", request.Code.Length, pseudonymizer.ComputeViprwdMemberId(request.PlayerId.ToString())); // clean precision-pseudonym
            Redemptions.Add(1, new KeyValuePair<string, object?>("campaign", "none"), new KeyValuePair<string, object?>("platform", request.Platform)); // clean precision-names
            span.Activity?.SetTag("viprwd.code.hash", request.Code.GetHashCode()); // leak TC1002 hashes
            return new NotFoundResult("unknown code");
        }

        if (voucher.MemberNumber != request.PlayerId.ToString())
        {
            logger.LogWarning("Code belongs to another player: {Voucher}", voucher); // leak TC1001 logging-objects
            span.SetViprwdOutcome("wrong-player").SetViprwdRewardId(voucher.RewardId); // clean generated-api
            return new BadRequestResult("not your code");
        }

        try
        {
            var result = await rewards.RedeemAsync(new RedemptionRequest { MemberNumber = voucher.MemberNumber, RewardId = voucher.RewardId }, cancellationToken);
            logger.LogInformation("Redeemed {Result}", result); // clean logging-objects
            span.SetViprwdPoints(result.PointsSpent).SetViprwdOutcome(result.Status);
        }
        catch (VoucherAlreadyRedeemedException ex)
        {
            logger.LogViprwdLedgerFailedEvent("vip-club", "already-redeemed", null, ex.Message); // leak TC1001 generated-api
            logger.LogInformation("Already redeemed at {RedeemedAt}", ex.RedeemedAt); // clean exceptions
        }
        catch (RewardOutOfStockException ex)
        {
            span.RecordException(ex, includeMessage: true).SetViprwdOutcome("out-of-stock"); // clean exceptions
        }

        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(voucher.Code)));
        logger.LogDebug("Voucher fingerprint {Digest}", digest[..16]); // leak TC1002 hashes
        return new OkResult(voucher.RewardId);
    }
}
