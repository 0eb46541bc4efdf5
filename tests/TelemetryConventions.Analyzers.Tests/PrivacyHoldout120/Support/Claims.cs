namespace Insurance.Claims;

// A claims system's API in the shape of the FNOL and claim-handling APIs of claims platforms: first notice
// of loss, intake with adjuster assignment, notes, reserves and referrals to the special investigations unit.

public sealed record LossLocation(double Latitude, double Longitude, string? Postcode);

public sealed record FirstNoticeOfLoss(
    string PolicyNumber,
    DateTimeOffset LossDate,
    string Peril,
    string Circumstances,
    string ReportedBy,
    string ContactPhone,
    LossLocation? Location = null)
{
    public string Channel { get; init; } = "web";
}

public sealed record Adjuster(string StaffId, string Name, string Email, string Firm);

public sealed record ClaimIntakeResult(string ClaimId, string Status, Adjuster? AssignedAdjuster, decimal InitialReserve, bool FastTrack);

public sealed record AdjusterNote(string ClaimId, string AuthorStaffId, string Text, DateTimeOffset CreatedAt);

public sealed record ReserveChange(string ClaimId, decimal From, decimal To, string ReasonCode);

public sealed record ClaimSummary(string ClaimId, string Status, string Peril, decimal Paid, decimal Reserve);

public sealed record FraudIndicator(string Code, double Weight, string Detail);

public sealed record FraudReferral(string ClaimId, double Score, IReadOnlyList<FraudIndicator> Indicators, string ReferredBy);

public interface IClaimsApi
{
    Task<ClaimIntakeResult> SubmitFnolAsync(FirstNoticeOfLoss notice, CancellationToken cancellationToken = default);

    Task AddNoteAsync(AdjusterNote note, CancellationToken cancellationToken = default);

    Task ChangeReserveAsync(ReserveChange change, CancellationToken cancellationToken = default);

    Task<ClaimSummary> GetAsync(string claimId, CancellationToken cancellationToken = default);
}

public interface ISiuClient
{
    /// <summary>Refers a claim to the special investigations unit; returns the SIU case reference.</summary>
    Task<string> ReferAsync(FraudReferral referral, CancellationToken cancellationToken = default);
}

public sealed class PolicyNotInForceException(string policyNumber, DateTimeOffset lossDate)
    : Exception($"Policy {policyNumber} was not in force on {lossDate:yyyy-MM-dd}")
{
    public string PolicyNumber { get; } = policyNumber;
}

public sealed class DuplicateClaimException(string existingClaimId)
    : Exception($"A claim for this loss already exists: {existingClaimId}")
{
    public string ExistingClaimId { get; } = existingClaimId;
}

public sealed class ClaimsApiException(int status, string errorCode)
    : Exception($"Claims API returned {status} ({errorCode})")
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;
}
