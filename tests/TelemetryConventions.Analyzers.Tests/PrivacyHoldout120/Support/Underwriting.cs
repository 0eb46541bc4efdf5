namespace Insurance.Underwriting;

// A risk scoring service and the underwriters' referral queue.

public sealed record ScoreRequest(string Product, string Postcode, DateOnly DateOfBirth, int ClaimsLastFiveYears, string? AssetSerial = null);

public sealed record RiskScore(double Score, string Band, IReadOnlyList<string> ReasonCodes, string ModelVersion);

public interface IRiskScoringClient
{
    Task<RiskScore> ScoreAsync(ScoreRequest request, CancellationToken cancellationToken = default);
}

public sealed record RuleHit(string RuleId, double Weight, string Evidence);

public sealed record UnderwritingReferral(string ReferralId, string QuoteReference, string Queue, IReadOnlyList<RuleHit> Hits, string SubjectKey);

public interface IReferralQueue
{
    /// <summary>Queues a quote or a claim for a person to look at; returns the referral's id.</summary>
    Task<string> EnqueueAsync(string queue, string subjectKey, IReadOnlyList<RuleHit> hits, CancellationToken cancellationToken = default);
}

public sealed class ScoringUnavailableException(string modelVersion)
    : Exception($"Risk model {modelVersion} is unavailable");
