namespace PrivacyHoldout119.Retail;

/// <summary>A completed basket from a till, with the shop club card that was scanned.</summary>
public sealed record TillBasket(string StoreId, string TillId, string ReceiptNumber, string LoyaltyCardNumber, decimal Total, int Items, string? CouponCode);

/// <summary>Posts shop club points for baskets: one point a pound, bonus points from the week's coupon.</summary>
public sealed partial class TillPointsPostingHandler(IMemberDirectory members, IPointsLedger ledger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TillPointsPostingHandler> logger)
{
    private const string Programme = "shop-club";
    private static readonly ActivitySource Source = new("Retail.ShopClub.Tills");
    private static readonly Meter Meter = new("Retail.ShopClub.Tills");
    private static readonly Counter<long> Baskets = Meter.CreateCounter<long>("clubrwd.baskets");
    private static readonly HashSet<string> WeeklyCoupons = new(StringComparer.OrdinalIgnoreCase) { "BONUS200", "SPRING-DOUBLE" };

    public async Task HandleAsync(TillBasket basket, CancellationToken cancellationToken)
    {
        using var span = Source.StartClubrwdAccrue(Programme);
        span.Activity?.SetTag("retail.store", basket.StoreId); // clean precision-names
        span.Activity?.SetTag("retail.receipt", basket.ReceiptNumber);
        span.Activity?.SetTag("clubrwd.card.last4", basket.LoyaltyCardNumber[^4..]); // clean precision-about
        Baskets.Add(1, new TagList { { "store", basket.StoreId }, { "carded", basket.LoyaltyCardNumber.Length > 0 } }); // clean precision-about

        LoyaltyMember? member;
        try
        {
            member = await members.FindByCardAsync(basket.LoyaltyCardNumber, cancellationToken);
        }
        catch (CardBlockedException ex)
        {
            LogBlockedCard(logger, basket.StoreId, basket.LoyaltyCardNumber, ex.Status); // leak TC1001 direct
            span.SetClubrwdOutcome($"card-{ex.Status}".ToLowerInvariant()); // clean generated-api
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return;
        }

        if (member is null)
        {
            logger.LogInformation("Card {Card} scanned at {Store} has no member", basket.LoyaltyCardNumber, basket.StoreId); // leak TC1001 direct
            return;
        }

        var coupon = basket.CouponCode is { } code && WeeklyCoupons.Contains(code) ? code.ToUpperInvariant() : "none";
        span.SetClubrwdCampaign(coupon) // clean generated-api
            .SetClubrwdTier(member.TierCode) // clean generated-api
            .SetClubrwdMemberId(pseudonymizer.PseudonymizeClubrwdMemberId(member.MemberNumber)); // clean precision-pseudonym
        var points = (int)Math.Floor(basket.Total) + (coupon == "BONUS200" ? 200 : 0);
        try
        {
            var posting = await ledger.PostAsync(new PostingRequest { IdempotencyKey = $"{basket.StoreId}-{basket.ReceiptNumber}", MemberNumber = member.MemberNumber, Points = points, Reason = "basket", Source = basket.StoreId }, cancellationToken);
            span.SetClubrwdPoints(posting.Posted);
            Meter.CreateClubrwdPointsPostedCounter().Add(posting.Posted, Programme, basket.StoreId, coupon); // clean generated-api
            logger.LogDebug("Posting {EntryId} for receipt {Receipt}: {Points} points, balance {Balance}", posting.EntryId, basket.ReceiptNumber, posting.Posted, posting.NewBalance); // clean precision-names
        }
        catch (LedgerConflictException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogClubrwdLedgerFailedEvent(Programme, "conflict", null, $"basket {basket.ReceiptNumber} for {member.FirstName}"); // leak TC1001 generated-api
        }

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var cohort = hmac.ComputeHash(Encoding.UTF8.GetBytes(member.MemberNumber))[0] % 10;
        Baskets.Add(0, new TagList { { "store", basket.StoreId }, { "cohort", cohort } }); // clean hashes
        span.Activity?.SetTag("clubrwd.member.key", HashCode.Combine(member.MemberNumber, basket.StoreId)); // leak TC1002 hashes
        logger.LogInformation("Basket {@Basket}", basket); // leak TC1001 logging-objects
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Store {StoreId} scanned card {CardNumber} which is {Status}")]
    private static partial void LogBlockedCard(ILogger logger, string storeId, string cardNumber, CardStatus status);
}
