namespace PrivacyHoldout120.Energy;

public sealed record RenewalCandidate(string AccountNumber, string PolicyNumber, string HolderName, string Postcode, DateOnly DateOfBirth, int ClaimsLastFiveYears, string Tier, decimal CurrentPremium);

public sealed class RenewalRunSummary
{
    public int Renewed { get; set; }

    public int Referred { get; set; }

    public int Declined { get; set; }

    public override string ToString() => $"renewed={Renewed} referred={Referred} declined={Declined}";
}

/// <summary>The nightly renewal run: rescoring each policy due in 28 days and referring the risky ones to an underwriter.</summary>
public sealed class HomeCoverRenewalUnderwriting(
    IRiskScoringClient scoring,
    IReferralQueue referrals,
    CoverOptions options,
    ILogger<HomeCoverRenewalUnderwriting> logger)
{
    private static readonly ActivitySource Source = new("Energy.HomeCover.Renewals");
    private static readonly Meter Meter = new("Energy.HomeCover.Renewals");
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("homecover.renewal.decisions");

    public async Task<RenewalRunSummary> RunAsync(IReadOnlyList<RenewalCandidate> due, CancellationToken ct)
    {
        using var run = Source.StartActivity("homecover.renewal.run");
        run?.SetTag("renewal.due", due.Count); // clean precision-about
        var summary = new RenewalRunSummary();

        foreach (var candidate in due)
        {
            RiskScore score;
            try
            {
                score = await scoring.ScoreAsync(new ScoreRequest(candidate.Tier, candidate.Postcode, candidate.DateOfBirth, candidate.ClaimsLastFiveYears), ct);
            }
            catch (ScoringUnavailableException ex)
            {
                run?.AddException(ex); // clean exceptions
                logger.LogError(ex, "Scoring down; renewal run stopped after {Renewed}", summary.Renewed); // clean exceptions
                break;
            }

            Decisions.Add(1, new KeyValuePair<string, object?>("band", score.Band), new KeyValuePair<string, object?>("tier", candidate.Tier)); // clean precision-about
            if (score.Score < options.ReferThreshold)
            {
                summary.Renewed++;
                continue;
            }

            var hits = score.ReasonCodes.Select(code => new RuleHit(code, score.Score, code == "AREA-FLOOD" ? $"postcode {candidate.Postcode} in flood zone" : code)).ToList();
            var referralId = await referrals.EnqueueAsync("home-renewals", candidate.PolicyNumber, hits, ct);
            summary.Referred++;
            run?.AddEvent(new ActivityEvent("renewal.referred", tags: new ActivityTagsCollection
            {
                ["referral.id"] = referralId, // clean precision-names
                ["referral.reasons"] = string.Join(",", score.ReasonCodes), // clean strings
                ["referral.policy"] = candidate.PolicyNumber, // leak TC1001 direct
            }));
            logger.LogInformation("Renewal referred: {Evidence}", string.Join("; ", hits.Select(h => h.Evidence))); // leak TC1001 strings
            logger.LogInformation("Renewal of {Holder} referred ({Band}, {Score:0.00})", candidate.HolderName, score.Band, score.Score); // leak TC1001 direct
            logger.LogDebug("Candidate {Candidate}", candidate); // leak TC1001 logging-objects
            logger.LogDebug("Rescored {Score} with model {Model}", score, score.ModelVersion); // clean logging-objects
            Decisions.Add(1, new KeyValuePair<string, object?>("policy", candidate.PolicyNumber)); // leak TC1003 direct
            var age = DateTime.UtcNow.Year - candidate.DateOfBirth.Year;
            run?.SetTag("renewal.last_referred.age_band", age < 30 ? "under-30" : age < 65 ? "30-64" : "65+"); // clean precision-about
            run?.SetTag("renewal.last_referred.dob", candidate.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        }

        logger.LogInformation("Renewal run finished: {Summary}", summary); // clean logging-objects
        run?.SetTag("renewal.summary", summary.ToString()); // clean strings
        return summary;
    }
}
