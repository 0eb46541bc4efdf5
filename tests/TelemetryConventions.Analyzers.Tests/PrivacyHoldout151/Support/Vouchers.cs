namespace Welfare.Vouchers;

// A supermarket's Healthy Start card payments, Household Support Fund vouchers and jobcentre work trials.

/// <summary>A Healthy Start card payment. Prints card token, the last four digits, amount, store and basket of eligible items.</summary>
public sealed record HealthyStartPayment(string CardPan, string LastFour, decimal Amount, string Store, int EligibleItems);

/// <summary>A Household Support Fund voucher. Prints voucher code, the recipient's email and mobile, value and council.</summary>
public sealed record SupportFundVoucher(string VoucherCode, string RecipientEmail, string RecipientMobile, decimal Value, string Council);

/// <summary>The voucher was already redeemed; quotes the code and the store.</summary>
public sealed class VoucherAlreadyRedeemedException(string voucherCode, string store) : Exception($"Voucher {voucherCode} already redeemed at {store}");

/// <summary>The card scheme declined; quotes the decline code.</summary>
public sealed class CardDeclinedException(string code) : Exception($"Healthy Start card declined: {code}")
{
    public string Code { get; } = code;
}
