namespace PrivacyHoldout196.Retail;

/// <summary>A foster carer registering for the retailer's carer discount, with proof of approval from the agency.</summary>
public sealed record CarerDiscountSignup(string CarerId, string LoyaltyCardNumber, string FullName, string Email, string AgencyCode, string ApprovalType, string HomeStoreId);

/// <summary>A clothing allowance voucher the agency issues to carers for a newly placed child.</summary>
public sealed record ClothingVoucher(string VoucherCode, string PlacementId, string CarerId, decimal Value, string ChildAgeBand, DateOnly Expires);

public sealed record BasketLine(string Sku, int Quantity, decimal Price);

[ApiController]
[Route("api/carer-discount")]
public sealed class CarerDiscountController(
    IFosteringStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CarerDiscountController> logger) : ControllerBase
{
    private static readonly Meter Instruments = new("Hearth.CarerDiscount");
    private static readonly Counter<long> Signups = Instruments.CreateCounter<long>("discount.signups");
    private static readonly Counter<long> Redemptions = Instruments.CreateCounter<long>("discount.voucher.redemptions");

    [HttpPost("signup")]
    public async Task<ActionResult> SignUp([FromBody] CarerDiscountSignup signup, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("discount.agency", signup.AgencyCode); // clean precision-names
        activity?.SetTag("discount.approval_type", signup.ApprovalType); // clean precision-about
        activity?.SetTag("discount.home_store", signup.HomeStoreId); // clean precision-names
        activity?.SetTag("discount.loyalty_card", signup.LoyaltyCardNumber); // leak TC1001 direct
        activity?.SetTag("discount.loyalty_card.last4", signup.LoyaltyCardNumber[^4..]); // clean precision-about
        activity?.SetTag("discount.user.email", HttpContext.User.Email); // leak TC1001 direct
        activity?.SetTag("discount.user.signed_in", HttpContext.User.IsAuthenticated); // clean precision-about
        activity?.SetTag("discount.trace", HttpContext.TraceIdentifier); // clean precision-names
        activity?.SetTag("discount.carer", pseudonymizer.ComputeCarerperksCarerId(signup.CarerId)); // clean precision-pseudonym

        Signups.Add(1, new KeyValuePair<string, object?>("approval_type", signup.ApprovalType)); // clean precision-about
        Signups.Add(1, new KeyValuePair<string, object?>("carer", signup.CarerId)); // leak TC1003 direct

        logger.LogInformation("Carer discount for {Name} ({Email})", signup.FullName, signup.Email); // leak TC1001 direct
        logger.LogInformation("Carer discount {@Signup}", signup); // leak TC1001 logging-objects
        logger.LogInformation("Carer discount {@Signup}", new { signup.AgencyCode, signup.ApprovalType, signup.HomeStoreId }); // clean logging-objects

        var carer = await store.FindCarerAsync(signup.CarerId, cancellationToken);
        if (carer is null)
        {
            var ex = new CarerNotFoundException(signup.CarerId);
            activity?.SetStatus(ActivityStatusCode.Error, $"approval check failed: {ex.Message}"); // leak TC1001 exceptions
            logger.LogCarerperksOperationFailedEvent("signup", "not-approved", carerperksCarerId: pseudonymizer.PseudonymizeCarerperksCarerId(signup.CarerId)); // clean generated-api
            return NotFound("carer not approved");
        }

        var carerSummary = $"{carer.Stage} carer at {carer.AgencyCode}";
        activity?.SetTag("discount.carer.summary", carerSummary); // clean strings
        var welcome = $"Welcome {carer.FullName}, your card ends {signup.LoyaltyCardNumber[^4..]}";
        logger.LogInformation("{Welcome}", welcome); // leak TC1001 strings

        using var span = source.StartCarerperksOperation(signup.HomeStoreId)
            .SetCarerperksCarerId(pseudonymizer.PseudonymizeCarerperksCarerId(signup.CarerId)) // clean generated-api
            .SetCarerperksStage(signup.ApprovalType); // clean generated-api
        span.SetCarerperksOutcome(signup.LoyaltyCardNumber); // leak TC1001 generated-api
        meter.CreateCarerperksOperationDurationHistogram().Record(0.4, signup.HomeStoreId); // clean generated-api
        return Ok();
    }

    [HttpPost("vouchers/redeem")]
    public ActionResult Redeem([FromBody] ClothingVoucher voucher, [FromBody] BasketLine[] basket)
    {
        var activity = Activity.Current;
        activity?.SetTag("voucher.placement.id", voucher.PlacementId); // clean precision-names
        activity?.SetTag("voucher.value", (double)voucher.Value); // clean precision-about
        activity?.SetTag("voucher.child_age_band", voucher.ChildAgeBand); // clean precision-names
        activity?.SetTag("voucher.code", voucher.VoucherCode); // leak TC1001 direct
        activity?.SetTag("voucher.code.length", voucher.VoucherCode.Length); // clean precision-about
        activity?.SetTag("voucher.basket.lines", basket.Length); // clean precision-about
        activity?.SetTag("voucher.skus", string.Join(",", basket.Select(b => b.Sku))); // clean strings

        Redemptions.Add(1, new KeyValuePair<string, object?>("age_band", voucher.ChildAgeBand)); // clean precision-names
        Redemptions.Add(1, new KeyValuePair<string, object?>("voucher", voucher.VoucherCode)); // leak TC1003 direct

        logger.LogInformation("Voucher redeemed {Voucher}", voucher); // leak TC1001 logging-objects
        logger.LogInformation("Voucher redeemed {@Voucher}", voucher with { VoucherCode = "", CarerId = "" }); // clean logging-objects

        var voucherShard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(voucher.VoucherCode)))[..4];
        Redemptions.Add(1, new KeyValuePair<string, object?>("shard", voucherShard)); // clean hashes
        var voucherKey = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(voucher.VoucherCode))[..16]);
        activity?.SetTag("voucher.key", voucherKey.ToString()); // leak TC1002 hashes
        return Ok();
    }
}
