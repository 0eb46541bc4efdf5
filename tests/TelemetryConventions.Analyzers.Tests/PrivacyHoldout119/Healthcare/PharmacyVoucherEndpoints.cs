namespace PrivacyHoldout119.Healthcare;

/// <summary>The pharmacy till asks whether a wellbeing voucher typed or scanned at the counter is good.</summary>
public sealed record VoucherCheck(string Code, string PharmacyId, string TillId);

/// <summary>Minimal API used by the outpatient pharmacy tills to check and burn wellbeing vouchers.</summary>
public static partial class PharmacyVoucherEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Pharmacy.Vouchers");
    private static readonly Meter Meter = new("Trust.Pharmacy.Vouchers");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("carerwd.voucher.checks");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/pharmacy/vouchers/check", CheckAsync);
    }

    public static async Task<ActionResult> CheckAsync(VoucherCheck check, IRewardsEngine rewards, Pseudonymizer pseudonymizer, ILogger<VoucherCheck> logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartCarerwdRedeem("wellbeing-rewards");
        span.Activity?.SetTag("pharmacy.id", check.PharmacyId); // clean precision-names
        span.Activity?.SetTag("pharmacy.till", check.TillId);
        span.Activity?.SetTag("carerwd.voucher.code_length", check.Code.Length); // clean precision-about

        var voucher = await rewards.LookupVoucherAsync(check.Code, cancellationToken);
        if (voucher is null)
        {
            Checks.Add(1, new TagList { { "pharmacy", check.PharmacyId }, { "result", "unknown" } }); // clean precision-names
            LogUnknownCode(logger, check.PharmacyId, check.Code); // leak TC1001 direct
            return new NotFoundResult("unknown voucher");
        }

        span.SetCarerwdRewardId(voucher.RewardId) // clean generated-api
            .SetCarerwdMemberId(pseudonymizer.PseudonymizeCarerwdMemberId(voucher.MemberNumber)); // clean precision-pseudonym
        try
        {
            await rewards.MarkUsedAsync(voucher.VoucherId, check.PharmacyId, cancellationToken);
            LogVoucherUsed(logger, voucher.VoucherId, check.PharmacyId, voucher.MemberNumber); // clean logging-objects
            span.SetCarerwdOutcome("used");
        }
        catch (VoucherAlreadyRedeemedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.Activity?.AddEvent(new ActivityEvent("voucher.reused", tags: new ActivityTagsCollection { ["voucher"] = voucher }));  // leak TC1001 logging-objects
            logger.LogWarning("Voucher {VoucherId} reused, first redeemed {RedeemedAt}", voucher.VoucherId, ex.RedeemedAt); // clean exceptions
        }
        finally
        {
            Checks.Add(1, new TagList { { "pharmacy", check.PharmacyId }, { "member", pseudonymizer.ComputeCarerwdMemberId(voucher.MemberNumber) } }); // leak TC1003 precision-pseudonym
            Meter.CreateCarerwdRedeemDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "wellbeing-rewards", "checked"); // clean generated-api
        }

        return new OkResult(new { voucher.RewardId, voucher.ExpiresOn });
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Pharmacy {PharmacyId} typed a code that matches no voucher: {Code}")]
    private static partial void LogUnknownCode(ILogger logger, string pharmacyId, string code);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Voucher {VoucherId} used at {PharmacyId} by {MemberNumber}")]
    private static partial void LogVoucherUsed(ILogger logger, string voucherId, string pharmacyId, [PrivateData] string memberNumber);
}
