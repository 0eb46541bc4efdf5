namespace SafetyKit.LostProperty;

// A lost property register: items handed in, owners' claims and the match between them.

/// <summary>An item handed in at a desk.</summary>
public sealed record FoundItem(string ItemId, string Category, string FoundAt, DateTimeOffset HandedInAt, string? OwnerNameOnItem);

/// <summary>A claim by someone who lost something.</summary>
public sealed record LossClaim(string ClaimId, string Category, string ClaimantName, string ClaimantEmail, string ClaimantPhone, string Description);

public sealed record ClaimMatch(string ClaimId, string ItemId, double Score);

public interface ILostPropertyRegister
{
    Task<IReadOnlyList<ClaimMatch>> MatchAsync(LossClaim claim, CancellationToken cancellationToken = default);

    Task RecordReturnAsync(string itemId, string claimId, CancellationToken cancellationToken = default);
}
