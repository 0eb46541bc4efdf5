namespace PrivacyHoldout151.Retail;

/// <summary>Household Support Fund e-vouchers the council texts or emails to families; redeemed at the till or online.</summary>
public sealed class SupportFundVoucherRedemption(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SupportFundVoucherRedemption> logger)
{
    private static readonly Meter VoucherMeter = new("Retail.Vouchers");
    private static readonly Counter<long> Redeemed = VoucherMeter.CreateCounter<long>("vouchers.redeemed");
    private readonly Dictionary<string, string> _redeemedAt = new();

    private SupportFundVoucher? _current;

    public void Scan(SupportFundVoucher voucher)
    {
        _current = voucher;
        Activity.Current?.SetTag("voucher.council", voucher.Council); // clean precision-about
        Activity.Current?.SetTag("voucher.value", voucher.Value); // clean precision-about
        Activity.Current?.SetTag("voucher.code", voucher.VoucherCode); // leak TC1001 direct
        Activity.Current?.SetTag("voucher.code.length", voucher.VoucherCode.Length); // clean precision-about
    }

    public bool Redeem(string store)
    {
        var voucher = _current ?? throw new InvalidOperationException("No voucher scanned");
        using var span = source.StartSupportfundOperation(store);
        span.SetSupportfundRecipientId(pseudonymizer.PseudonymizeSupportfundRecipientId(voucher.RecipientEmail)); // clean precision-pseudonym
        Activity.Current?.SetTag("voucher.recipient", voucher.RecipientEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag(SupportfundAttributes.Contact, voucher.RecipientMobile); // leak TC1001 generated-api
        Activity.Current?.SetTag(SupportfundAttributes.Contact, pseudonymizer.ComputeSupportfundRecipientId(voucher.RecipientEmail)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("voucher.recipient.mobile_prefix", voucher.RecipientMobile[..3]); // clean precision-about
        try
        {
            if (_redeemedAt.TryGetValue(voucher.VoucherCode, out var earlier))
            {
                throw new VoucherAlreadyRedeemedException(voucher.VoucherCode, earlier);
            }
            _redeemedAt[voucher.VoucherCode] = store;
            Redeemed.Add(1, new KeyValuePair<string, object?>("council", voucher.Council), new KeyValuePair<string, object?>("store", store)); // clean precision-about
            Redeemed.Add(1, new KeyValuePair<string, object?>("recipient", voucher.RecipientEmail)); // leak TC1003 cross-member
            meter.CreateSupportfundRedemptionsCounter().Add(1, supportfundStore: store, supportfundOutcome: "redeemed"); // clean generated-api
            meter.CreateSupportfundRedemptionsCounter().Add(1, supportfundStore: store, supportfundOutcome: voucher.RecipientEmail); // leak TC1003 generated-api
            logger.LogInformation("Voucher redeemed at {Store} for {Council}, value {Value}", store, voucher.Council, voucher.Value); // clean cross-member
            return true;
        }
        catch (VoucherAlreadyRedeemedException ex)
        {
            logger.LogWarning(ex, "Voucher already redeemed"); // leak TC1001 exceptions
            span.SetSupportfundOutcome("already-redeemed"); // clean generated-api
            span.SetSupportfundNote(ex.GetType().Name); // clean exceptions
            return false;
        }
    }

    public void DumpRedemptions()
    {
        logger.LogDebug("Redemptions by voucher: {Redemptions}", _redeemedAt); // leak TC1001 cross-member
        logger.LogDebug("Redemptions by store: {Redemptions}", _redeemedAt.GroupBy(r => r.Value).ToDictionary(g => g.Key, g => g.Count())); // clean precision-about
    }
}
