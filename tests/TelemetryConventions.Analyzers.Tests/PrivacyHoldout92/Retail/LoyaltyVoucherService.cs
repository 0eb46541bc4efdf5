namespace PrivacyHoldout92.Retail;

/// <summary>A loyalty member as the voucher service sees them.</summary>
public sealed record LoyaltyMember(string CustomerNumber, string LoyaltyCardNumber, string FirstName, string Email, string Tier);

/// <summary>A voucher issued to one member: the catalogue voucher and the single-use code printed on it.</summary>
public sealed record MemberVoucher(string VoucherId, string Code, string CustomerNumber, decimal Value, DateOnly Expires);

/// <summary>
/// Issues members' vouchers each quarter (a single-use code per member, added to the loyalty pass in their
/// wallet) and applies coupons (campaign codes, the same for everyone) and vouchers to baskets.
/// </summary>
public sealed class LoyaltyVoucherService(IWalletObjects wallet, TicketingOptions options, Pseudonymizer pseudonymizer, ILogger<LoyaltyVoucherService> logger)
{
    private static readonly ActivitySource Source = new("Retail.Loyalty.Vouchers");

    public async Task IssueAsync(LoyaltyMember member, MemberVoucher voucher, CancellationToken cancellationToken)
    {
        using var span = Source.StartGiftcardVoucher("quarterly-rewards");
        span.SetGiftcardVoucherId(voucher.VoucherId).SetGiftcardCustomerId(pseudonymizer.PseudonymizeGiftcardCustomerId(member.CustomerNumber)); // clean precision-pseudonym
        var walletObject = new WalletObject
        {
            Id = $"{options.IssuerId}.{member.LoyaltyCardNumber}",
            ClassId = $"{options.IssuerId}.loyalty-{member.Tier.ToLowerInvariant()}",
            TicketHolderName = member.FirstName,
            Barcode = new PassBarcode { Format = BarcodeFormat.Code128, Message = member.LoyaltyCardNumber },
        };
        try
        {
            await wallet.InsertAsync(walletObject, cancellationToken);
            span.Activity?.SetTag("wallet.object.id", walletObject.Id); // leak TC1001 strings
            span.Activity?.SetTag("wallet.class.id", walletObject.ClassId); // clean strings
            logger.LogInformation("Voucher {Voucher} on the pass", voucher); // leak TC1001 logging-objects
            logger.LogInformation("Voucher {VoucherId} worth {Value} issued to a {Tier} member", voucher.VoucherId, voucher.Value, member.Tier); // clean precision-about
        }
        catch (WalletApiException ex)
        {
            span.RecordException(ex, includeMessage: true).SetGiftcardOutcome(ex.Reason); // clean exceptions
            logger.LogWarning("Wallet refused the pass of {Email}", member.Email); // leak TC1001 direct
        }
    }

    /// <summary>
    /// Applies a code scanned at the till. The till looks the code up first: when it names no member voucher it
    /// is one of the weekly leaflet's coupons (the till checked it against the coupon catalogue).
    /// </summary>
    public void Apply(string store, string code, MemberVoucher? matchedVoucher, LoyaltyMember? member)
    {
        using var span = Source.StartGiftcardVoucher(matchedVoucher is null ? "coupon" : "member-voucher");
        span.SetGiftcardStore(store);
        if (matchedVoucher is null)
        {
            // A coupon from the weekly leaflet: the same code for everyone.
            span.Activity?.SetTag("giftcard.coupon", code); // clean precision-names
            return;
        }
        span.SetGiftcardVoucherId(matchedVoucher.VoucherId).SetGiftcardOutcome("applied");
        span.SetGiftcardNote($"voucher code {matchedVoucher.Code}"); // leak TC1001 generated-api
        span.Activity?.SetTag("giftcard.voucher.code_length", matchedVoucher.Code.Length); // clean precision-about
        if (member is not null && member.CustomerNumber != matchedVoucher.CustomerNumber)
        {
            logger.LogGiftcardRedemptionRefusedEvent(giftcardOutcome: "wrong-member", giftcardStore: store, giftcardCustomerId: pseudonymizer.PseudonymizeGiftcardCustomerId(member.CustomerNumber), giftcardNote: $"voucher of {matchedVoucher.CustomerNumber} shown by {member.CustomerNumber}"); // leak TC1001 generated-api
            span.Activity?.SetTag(GiftcardAttributes.CustomerContact, member.Email); // leak TC1001 generated-api
        }
    }
}
