using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Retail;

/// <summary>A claim on the mobile phone insurance the shop sells, waiting for triage.</summary>
public sealed record PhoneClaim(
    string ClaimId,
    string PolicyNumber,
    string CustomerNumber,
    string FamilyName,
    DateOnly DateOfBirth,
    string Postcode,
    string Imei,
    string Circumstances,
    decimal HandsetValue,
    DateOnly PolicyStart,
    DateOnly LossDate);

public sealed record FraudRuleHit(string RuleId, int Score, string Evidence);

public sealed record TriageOutcome(string ClaimId, int Score, IReadOnlyList<FraudRuleHit> Hits, bool Referred, string? AssignedHandlerEmail);

public interface ICounterFraudQueue
{
    /// <summary>Queues the claim for the counter-fraud team and returns the email of the investigator it was assigned to.</summary>
    Task<string> ReferAsync(string claimId, int score, CancellationToken cancellationToken);
}

/// <summary>
/// Scores each new phone claim before it is paid: a claims-history search, early-claim and value rules,
/// then a referral to the counter-fraud team above the threshold.
/// </summary>
public sealed class PhoneClaimFraudTriage(
    IClaimsHistoryBureau bureau,
    ICounterFraudQueue counterFraud,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<PhoneClaimFraudTriage> logger)
{
    private const int ReferralThreshold = 60;
    private static readonly byte[] LegacyMatchKey = Encoding.ASCII.GetBytes("phone-claims-match-2019");

    private readonly Histogram<double> _scores = meter.CreateHistogram<double>("claims.fraud.score", "{point}");

    public async Task<TriageOutcome> TriageAsync(PhoneClaim claim, CancellationToken cancellationToken)
    {
        using var span = source.StartCoverClaim("phone", CoverClaimStage.Triage);
        span.SetCoverClaimId(claim.ClaimId);
        span.SetCoverPolicyholderId(pseudonymizer.PseudonymizeCoverPolicyholderId(claim.CustomerNumber)); // clean precision-pseudonym

        var hits = new List<FraudRuleHit>();
        var daysOnCover = claim.LossDate.DayNumber - claim.PolicyStart.DayNumber;
        if (daysOnCover < 30)
        {
            hits.Add(new FraudRuleHit("EARLY-CLAIM", 25, $"loss {daysOnCover} days after inception"));
        }

        if (claim.HandsetValue > 1_000m)
        {
            hits.Add(new FraudRuleHit("HIGH-VALUE", 10, $"handset value {claim.HandsetValue:C0}"));
        }

        var search = new BureauSearch(claim.FamilyName, claim.DateOfBirth, claim.Postcode, null);
        logger.LogDebug("Claims history search {@Search}", search); // leak TC1001 logging-objects
        try
        {
            var response = await bureau.SearchAsync(search, cancellationToken);
            span.Activity?.SetTag("fraud.bureau.search_id", response.SearchId);
            span.Activity?.SetTag("fraud.bureau.hits", response.Hits.Count); // clean precision-about
            logger.LogInformation("Prior claims found: {@Hits}", response.Hits); // clean logging-objects
            if (response.Hits.Count > 0)
            {
                hits.Add(new FraudRuleHit("PRIOR-CLAIMS", 20 * response.Hits.Count, $"{response.Hits.Count} prior claims matched on {response.Hits[0].MatchedOn} at {claim.Postcode}"));
            }
        }
        catch (BureauUnavailableException ex)
        {
            span.RecordException(ex, "bureau unavailable", includeMessage: true); // clean exceptions
        }

        var score = hits.Sum(h => h.Score);
        span.Activity?.SetTag("fraud.score", score);
        span.Activity?.SetTag("fraud.rules", string.Join(",", hits.Select(h => h.RuleId))); // clean strings
        _scores.Record(score, new KeyValuePair<string, object?>("product", "phone"));

        var matchKey = Convert.ToHexString(HMACSHA256.HashData(LegacyMatchKey, Encoding.UTF8.GetBytes(claim.Imei)));
        span.Activity?.SetTag("fraud.device_match_key", matchKey); // leak TC1002 hashes

        foreach (var hit in hits)
        {
            span.AddCoverClaimReferredEvent(hit.Evidence, coverClaimId: claim.ClaimId); // leak TC1001 generated-api
        }

        if (score < ReferralThreshold)
        {
            meter.CreateCoverClaimsCounter().Add(1, "phone", coverClaimStage: CoverClaimStage.Triage, coverOutcome: "passed");
            return new TriageOutcome(claim.ClaimId, score, hits, false, null);
        }

        var handler = await counterFraud.ReferAsync(claim.ClaimId, score, cancellationToken);
        logger.LogCoverClaimReferredEvent($"score {score}, referred", coverClaimId: claim.ClaimId, coverPolicyholderId: pseudonymizer.PseudonymizeCoverPolicyholderId(claim.CustomerNumber)); // clean generated-api
        logger.LogInformation("Claim {ClaimId} assigned to investigator {Investigator}", claim.ClaimId, handler); // leak TC1001 cross-member
        var outcome = new TriageOutcome(claim.ClaimId, score, hits, true, handler);
        logger.LogInformation("Triage outcome {Outcome}", outcome); // leak TC1001 logging-objects
        logger.LogDebug("Circumstances as told: {Circumstances}", claim.Circumstances); // leak TC1001 direct
        return outcome;
    }
}
