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

namespace PrivacyHoldout36.Energy;

public sealed record MeterAlarmBatch(
    string MeterSerial,
    string Mpan,
    string AccountNumber,
    string Tariff,
    IReadOnlyList<string> AlarmCodes,
    double ConsumptionKwh28d,
    double NeighbourhoodMedianKwh28d);

public sealed record TamperRule(string Id, string Description, double Weight, Func<MeterAlarmBatch, bool> Matches);

public sealed record TheftReferral(string ReferralId, string MeterSerial, string Mpan, double Score, string Reason);

/// <summary>
/// Scores smart meters for tampering and energy theft from their alarms and consumption, and
/// refers high scores to the revenue protection team for a site visit.
/// </summary>
public sealed class MeterTamperRiskEngine(
    Pseudonymizer pseudonymizer,
    IReviewQueue referrals,
    ILogger<MeterTamperRiskEngine> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Metering.RevenueProtection");

    private static readonly TamperRule[] Rules =
    [
        new("T-MAG", "magnetic interference alarm", 0.5, b => b.AlarmCodes.Contains("0x8F12")),
        new("T-REV", "reverse energy flow on a non-export site", 0.6, b => b.AlarmCodes.Contains("0x8F20")),
        new("T-COVER", "terminal cover opened", 0.3, b => b.AlarmCodes.Contains("0x8F03")),
        new("T-DROP", "consumption below 20 % of neighbourhood median", 0.4, b => b.ConsumptionKwh28d < 0.2 * b.NeighbourhoodMedianKwh28d),
    ];

    private readonly Histogram<double> _ratio = meter.CreateHistogram<double>("revenue_protection.consumption_ratio");

    public async Task<RiskDecision> AssessAsync(MeterAlarmBatch batch, CancellationToken ct)
    {
        var matched = Rules.Where(r => r.Matches(batch)).ToList();
        var score = Math.Min(1.0, matched.Sum(r => r.Weight));
        var decision = score >= 0.8 ? RiskDecision.Review : RiskDecision.Allow;

        using var span = Source.StartRiskAssessment(decision, spanName: "tamper.assess").SetRiskScore(score).SetRiskRuleCount(matched.Count).SetRiskChannel("smart-alarms");
        span.SetRiskSubjectId(pseudonymizer.PseudonymizeRiskSubjectId(batch.MeterSerial)); // clean precision-pseudonym
        foreach (var rule in matched)
        {
            span.AddRiskRuleMatchedEvent(rule.Id, riskNote: rule.Description); // clean generated-api
        }

        var ratio = batch.NeighbourhoodMedianKwh28d == 0 ? 1.0 : batch.ConsumptionKwh28d / batch.NeighbourhoodMedianKwh28d;
        _ratio.Record(ratio, new KeyValuePair<string, object?>("tariff", batch.Tariff), new KeyValuePair<string, object?>("distributor", batch.Mpan[..2])); // clean precision-about
        meter.CreateRiskDecisionsCounter().Add(1, decision, riskChannel: "smart-alarms", riskOutcome: matched.Count == 0 ? "none" : string.Join("+", matched.Select(r => r.Id))); // clean generated-api

        if (decision != RiskDecision.Review)
        {
            return decision;
        }

        var reason = $"{string.Join(", ", matched.Select(r => r.Description))} on meter {batch.MeterSerial}";
        var referralId = await referrals.EnqueueAsync(new ReviewItem("site-visit", batch.Mpan, reason, score, new Dictionary<string, string> { ["tariff"] = batch.Tariff }), ct);
        var referral = new TheftReferral(referralId, batch.MeterSerial, batch.Mpan, score, reason);

        span.SetRiskNote(reason); // leak TC1001 generated-api
        logger.LogWarning("Theft referral raised: {Referral}", referral); // leak TC1001 logging-objects
        logger.LogInformation("Referral {ReferralId} for account {AccountNumber}", referralId, batch.AccountNumber); // leak TC1001 direct
        meter.CreateRiskDecisionsCounter().Add(1, RiskDecisionValue.Custom($"referred:{batch.MeterSerial}"), riskChannel: "smart-alarms"); // leak TC1003 generated-api
        logger.LogInformation("Referral {ReferralId}: model prefix {Model}, {Rules} rules, score {Score:F2}", referralId, batch.MeterSerial[..3], matched.Count, score); // clean precision-about
        return decision;
    }
}
