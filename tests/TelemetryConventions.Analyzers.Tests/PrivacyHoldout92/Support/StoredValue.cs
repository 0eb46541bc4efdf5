// Gift cards, vouchers, promo and referral codes and the fraud checks on their redemptions, in the shape of the
// stored-value processors and promotion engines the services call.
namespace StoredValueKit;

/// <summary>A gift card as the processor returns it. A record: it prints its number and PIN.</summary>
public sealed record GiftCard(Guid CardId, string Number, string Pin, decimal Balance, string Currency, string? RegisteredCustomer);

/// <summary>A balance enquiry's answer: the card's id, balance and currency. A record of things.</summary>
public sealed record GiftCardBalance(Guid CardId, decimal Balance, string Currency, DateTimeOffset AsOf);

/// <summary>Thrown by the processor: <c>No gift card {number}.</c></summary>
public sealed class GiftCardNotFoundException(string number)
    : Exception($"No gift card {number}.");

/// <summary>Thrown by the processor: <c>PIN did not match; {n} attempts left.</c></summary>
public sealed class GiftCardPinException(int attemptsLeft)
    : Exception($"PIN did not match; {attemptsLeft} attempts left.")
{
    public int AttemptsLeft { get; } = attemptsLeft;
}

/// <summary>Thrown by the processor: <c>Insufficient balance: {balance} {currency} left, {amount} asked.</c></summary>
public sealed class InsufficientBalanceException(decimal balance, decimal amount, string currency)
    : Exception($"Insufficient balance: {balance} {currency} left, {amount} asked.");

public enum CodeKind
{
    /// <summary>A campaign code printed on posters and mailings, the same for everyone.</summary>
    Campaign,

    /// <summary>A code generated for one person and valid once.</summary>
    SingleUse,

    /// <summary>A member-get-member code that credits the member who shares it.</summary>
    Referral,
}

/// <summary>A promotion or referral code. A record: it prints the code and whom it was issued to.</summary>
public sealed record PromoCode(string Code, string CampaignId, CodeKind Kind, string? IssuedTo, DateTimeOffset Expires);

/// <summary>A redemption the promotion engine recorded. A record: it prints the code and the account.</summary>
public sealed record Redemption(Guid RedemptionId, string Code, string CampaignId, string AccountId, decimal Discount, DateTimeOffset At);

/// <summary>Thrown by the promotion engine: <c>Code {code} was already redeemed at {time}.</c></summary>
public sealed class CodeAlreadyRedeemedException(string code, DateTimeOffset at)
    : Exception($"Code {code} was already redeemed at {at:O}.")
{
    public string Code { get; } = code;
}

/// <summary>Thrown by the promotion engine: <c>Campaign {campaign} ended on {date}.</c></summary>
public sealed class CampaignEndedException(string campaignId, DateOnly ended)
    : Exception($"Campaign {campaignId} ended on {ended:yyyy-MM-dd}.");

/// <summary>One rule's finding on a redemption. A record: it prints its detail, which the rule writes.</summary>
public sealed record FraudSignal(string Rule, double Score, string Detail);

/// <summary>The fraud service's decision on a redemption: block or not, the score and the rules that fired.</summary>
public sealed record FraudVerdict(bool Block, double Score, IReadOnlyList<string> Rules);

public interface IVelocityStore
{
    /// <summary>Counts an event under a key within a sliding window and returns the count.</summary>
    Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken);
}

public interface IGiftCardProcessor
{
    Task<GiftCard> LookupAsync(string number, string pin, CancellationToken cancellationToken);

    Task<GiftCardBalance> RedeemAsync(Guid cardId, decimal amount, CancellationToken cancellationToken);
}

public interface IPromotionEngine
{
    Task<PromoCode?> FindAsync(string code, CancellationToken cancellationToken);

    Task<Redemption> RedeemAsync(PromoCode code, string accountId, CancellationToken cancellationToken);
}
