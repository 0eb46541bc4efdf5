namespace PrivacyHoldout120.Healthcare;

public sealed record PlanClaim(string ClaimId, string MemberNumber, string MemberName, string ClinicCode, string ProcedureCode, decimal Amount, DateOnly TreatmentDate, string SubmittedByEmail);

/// <summary>
/// The hospital group's health plan screens members' claims before payment: a risk score, the rules that
/// fired, and a referral to the counter-fraud team when the score is high.
/// </summary>
public sealed class PlanClaimFraudScreen(
    IRiskScoringClient scoring,
    ISiuClient siu,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    CoverOptions options,
    ILogger<PlanClaimFraudScreen> logger)
{
    private static readonly ActivitySource Source = new("Hospital.HealthPlan.Fraud");
    private static readonly Meter Meter = new("Hospital.HealthPlan.Fraud");
    private static readonly Histogram<double> Scores = Meter.CreateHistogram<double>("plan.fraud.score");

    public async Task<bool> ScreenAsync(PlanClaim claim, IReadOnlyList<PlanClaim> memberHistory, CancellationToken ct)
    {
        using var span = Source.StartPmicoverClaim(claim.ClaimId);
        span.SetPmicoverPeril("treatment"); // clean generated-api
        span.SetPmicoverPatientId(pseudonymizer.PseudonymizePmicoverPatientId(claim.MemberNumber)); // clean precision-pseudonym

        var hits = new List<FraudIndicator>();
        var sameDay = memberHistory.Count(c => c.TreatmentDate == claim.TreatmentDate && c.ProcedureCode == claim.ProcedureCode);
        if (sameDay > 0)
        {
            hits.Add(new FraudIndicator("DUP-SAME-DAY", 0.4, $"{sameDay} claims for {claim.ProcedureCode} on {claim.TreatmentDate:yyyy-MM-dd}"));
        }

        if (memberHistory.Select(c => c.ClinicCode).Distinct().Count() > 4)
        {
            hits.Add(new FraudIndicator("CLINIC-HOPPING", 0.3, $"member {claim.MemberNumber} used {memberHistory.Select(c => c.ClinicCode).Distinct().Count()} clinics"));
        }

        var score = hits.Sum(h => h.Weight);
        span.SetPmicoverRiskScore(score); // clean generated-api
        Scores.Record(score, new KeyValuePair<string, object?>("clinic", claim.ClinicCode)); // clean precision-names
        span.Activity?.SetTag("plan.fraud.rules", string.Join(",", hits.Select(h => h.Code))); // clean strings
        span.Activity?.SetTag("plan.history.count", memberHistory.Count); // clean precision-about

        foreach (var hit in hits)
        {
            span.Activity?.AddEvent(new ActivityEvent("rule.hit", tags: new ActivityTagsCollection { ["rule"] = hit.Code, ["detail"] = hit.Detail })); // leak TC1001 strings
        }

        logger.LogDebug("Indicators {Indicators}", hits); // clean logging-objects
        logger.LogDebug("Screened claim {ClaimId} for member {Member}", claim.ClaimId, claim.MemberName); // leak TC1001 direct

        var bucket = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(claim.MemberNumber)), 0) % 32;
        span.Activity?.SetTag("plan.review.bucket", bucket); // clean hashes
        var memberDigest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(claim.MemberNumber)))[..16];
        span.Activity?.SetTag("plan.member.digest", memberDigest); // leak TC1002 hashes

        if (score < options.FraudReferralThreshold)
        {
            span.SetPmicoverDecision(PmicoverDecision.Accept); // clean generated-api
            return true;
        }

        var referral = new FraudReferral(claim.ClaimId, score, hits, claim.SubmittedByEmail);
        var caseRef = await siu.ReferAsync(referral, ct);
        span.SetPmicoverDecision(PmicoverDecision.Refer).SetPmicoverOutcome("siu"); // clean generated-api
        Activity.Current?.SetBaggage("siu.case", caseRef); // clean precision-names
        logger.LogWarning("Claim {ClaimId} referred to SIU as {Case}: {Referral}", claim.ClaimId, caseRef, referral); // leak TC1001 logging-objects
        logger.LogPmicoverClaimReferredEvent(claim.ClaimId, "siu", pseudonymizer.PseudonymizePmicoverPatientId(claim.MemberNumber), $"score {score:0.00}, rules {string.Join("+", hits.Select(h => h.Code))}"); // clean generated-api
        Activity.Current?.SetBaggage("plan.member", claim.MemberNumber); // leak TC1001 direct
        return false;
    }
}
