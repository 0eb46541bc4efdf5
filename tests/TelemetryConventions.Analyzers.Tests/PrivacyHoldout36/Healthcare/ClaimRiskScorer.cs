using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Healthcare;

public sealed record InsuranceClaim(
    string ClaimId,
    string HospitalNumber,
    string PolicyNumber,
    string ClinicCode,
    string ProcedureCode,
    decimal Amount,
    string PatientFamilyName,
    DateOnly DateOfBirth);

public sealed record ClaimRuleHit(string RuleId, string Evidence);

/// <summary>
/// Scores claims a private clinic group submits to insurers on behalf of patients: duplicate
/// claims, upcoding against the clinic's baseline, and policies used by more than one person.
/// </summary>
public sealed class ClaimRiskScorer(
    IScoringModel model,
    IVelocityStore velocity,
    IReviewQueue reviews,
    Pseudonymizer pseudonymizer,
    ILogger<ClaimRiskScorer> logger,
    Meter meter)
{
    private const double ReviewThreshold = 0.7;

    public async Task<RiskDecision> ScoreAsync(InsuranceClaim claim, CancellationToken ct)
    {
        var hits = new List<ClaimRuleHit>();

        var sameDay = await velocity.IncrementAsync($"claim:{claim.ClinicCode}:{claim.ProcedureCode}:{DateTime.UtcNow:yyyyMMdd}", TimeSpan.FromDays(1), ct);
        if (sameDay > 40)
        {
            hits.Add(new ClaimRuleHit("R-UPCODE-3", $"clinic {claim.ClinicCode} billed {claim.ProcedureCode} {sameDay} times today"));
        }

        var people = await velocity.AddDistinctAsync($"policy-people:{claim.PolicyNumber}", $"{claim.PatientFamilyName}|{claim.DateOfBirth:O}", TimeSpan.FromDays(365), ct);
        if (people > 1)
        {
            hits.Add(new ClaimRuleHit("R-POLICY-SHARED", $"policy {claim.PolicyNumber} used by {people} people; latest {claim.PatientFamilyName}"));
        }

        double score;
        try
        {
            score = await model.ScoreAsync(new Dictionary<string, double> { ["amount"] = (double)claim.Amount, ["same_day"] = sameDay, ["people"] = people }, ct);
        }
        catch (ScoringUnavailableException ex)
        {
            logger.LogError(ex, "Scoring unavailable for claim {ClaimId}; falling back to rules", claim.ClaimId); // clean exceptions
            score = hits.Count > 0 ? 0.75 : 0.1;
        }

        var decision = score >= ReviewThreshold ? RiskDecision.Review : RiskDecision.Allow;
        var span = Activity.Current.EnrichRiskAssessment(decision).SetRiskScore(score).SetRiskModelVersion(model.Version).SetRiskRuleCount(hits.Count);
        span.SetRiskSubjectId(pseudonymizer.PseudonymizeRiskSubjectId(claim.HospitalNumber)); // clean precision-pseudonym

        foreach (var hit in hits)
        {
            span.AddRiskRuleMatchedEvent(hit.RuleId, riskNote: hit.Evidence); // leak TC1001 generated-api
        }

        meter.CreateRiskDecisionsCounter().Add(1, decision, riskChannel: "claims", riskOutcome: $"{decision}:{claim.ClinicCode}"); // clean generated-api
        meter.CreateRiskScoreHistogram().Record(score, riskChannel: "claims", riskModelVersion: model.Version); // clean direct

        if (decision == RiskDecision.Review)
        {
            var caseId = await reviews.EnqueueAsync(new ReviewItem("claims-review", claim.HospitalNumber, $"Claim {claim.ClaimId}", score, hits.ToDictionary(h => h.RuleId, h => h.Evidence)), ct);
            logger.LogInformation("Claim {ClaimId} queued as case {CaseId} with rules {Rules}", claim.ClaimId, caseId, string.Join(",", hits.Select(h => h.RuleId))); // clean strings
            logger.LogInformation("Claim hits {Hits}", hits); // leak TC1001 logging-objects
        }

        return decision;
    }
}
