namespace LoyaltyKit.Rewards;

/// <summary>A reward in the catalogue. A record: prints its members (about the reward).</summary>
public sealed record RewardItem(string RewardId, string Name, int PointsCost, int Stock);

/// <summary>A single-use voucher issued to a member. A record: prints its members.</summary>
public sealed record Voucher(string VoucherId, string Code, string RewardId, string MemberNumber, DateOnly ExpiresOn);

/// <summary>What a redemption returned. A record: prints its members (ids of things and numbers).</summary>
public sealed record RedemptionResult(string RedemptionId, string RewardId, int PointsSpent, string Status);

/// <summary>A redemption request. A class without <c>ToString</c>.</summary>
public sealed class RedemptionRequest
{
    public required string MemberNumber { get; init; }

    public required string RewardId { get; init; }

    public int Quantity { get; init; } = 1;
}

public interface IRewardsEngine
{
    Task<RedemptionResult> RedeemAsync(RedemptionRequest request, CancellationToken cancellationToken = default);

    Task<Voucher> IssueVoucherAsync(string memberNumber, string rewardId, CancellationToken cancellationToken = default);

    Task<Voucher?> LookupVoucherAsync(string code, CancellationToken cancellationToken = default);

    Task MarkUsedAsync(string voucherId, string location, CancellationToken cancellationToken = default);
}

/// <summary>A voucher code already used: quotes the code.</summary>
public sealed class VoucherAlreadyRedeemedException(string code, DateTimeOffset redeemedAt) : Exception($"Voucher {code} was redeemed at {redeemedAt:u}")
{
    public DateTimeOffset RedeemedAt { get; } = redeemedAt;
}

/// <summary>A reward out of stock: names the reward only.</summary>
public sealed class RewardOutOfStockException(string rewardId) : Exception($"Reward {rewardId} is out of stock")
{
    public string RewardId { get; } = rewardId;
}
