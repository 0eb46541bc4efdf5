using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Retail;

public sealed record CheckoutContext(
    string OrderNumber,
    string CustomerNumber,
    string Email,
    string Phone,
    string BillingPostcode,
    string ShippingPostcode,
    string CardBin,
    string CardLast4,
    string CardFingerprint,
    decimal Total,
    string Currency,
    int AccountAgeDays,
    string FingerprintRequestId);

public sealed record RuleResult(string RuleId, double Weight, string Reason);

public interface ICheckoutRule
{
    Task<RuleResult?> EvaluateAsync(CheckoutContext checkout, CancellationToken cancellationToken);
}

/// <summary>Several cards tried on one customer within an hour (card testing).</summary>
public sealed class CardVelocityRule(IVelocityStore velocity) : ICheckoutRule
{
    public async Task<RuleResult?> EvaluateAsync(CheckoutContext checkout, CancellationToken ct)
    {
        var key = $"cards:{checkout.CustomerNumber}:1h";
        var cards = await velocity.AddDistinctAsync(key, checkout.CardFingerprint, TimeSpan.FromHours(1), ct);
        Activity.Current?.SetTag("risk.velocity.key", key); // leak TC1001 strings
        return cards >= 3 ? new RuleResult("V-CARDS-1H", 0.4, $"{cards} cards in 1h") : null;
    }
}

/// <summary>Billing and shipping in different postcode areas on a young account.</summary>
public sealed class AddressMismatchRule : ICheckoutRule
{
    public Task<RuleResult?> EvaluateAsync(CheckoutContext checkout, CancellationToken ct)
    {
        var billingArea = checkout.BillingPostcode.Split(' ')[0];
        var shippingArea = checkout.ShippingPostcode.Split(' ')[0];
        RuleResult? result = billingArea != shippingArea && checkout.AccountAgeDays < 7
            ? new RuleResult("A-MISMATCH", 0.25, $"ships to {checkout.ShippingPostcode}, bills to {checkout.BillingPostcode}")
            : null;
        return Task.FromResult(result);
    }
}

/// <summary>
/// Scores a checkout before payment authorisation: rules, a model score and the device
/// fingerprint, then allow, challenge (3-D Secure), review or block. The shop registers
/// <see cref="CardVelocityRule"/> and <see cref="AddressMismatchRule"/>; the checkout block list is
/// curated by the fraud analysts, whose email is the entry's <c>AddedBy</c>.
/// </summary>
public sealed class CheckoutRiskService(
    IEnumerable<ICheckoutRule> rules,
    IScoringModel model,
    IDeviceFingerprintClient fingerprints,
    IListStore lists,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<CheckoutRiskService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Shop.Checkout.Risk");

    public async Task<RiskDecision> AssessAsync(CheckoutContext checkout, CancellationToken ct)
    {
        using var span = Source.StartRiskAssessment(RiskDecision.Allow, spanName: "checkout.risk").SetRiskChannel("web").SetRiskModelVersion(model.Version);
        span.SetRiskSubjectId(pseudonymizer.PseudonymizeRiskSubjectId(checkout.CustomerNumber)); // clean precision-pseudonym

        var results = new List<RuleResult>();
        foreach (var rule in rules)
        {
            if (await rule.EvaluateAsync(checkout, ct) is { } result)
            {
                results.Add(result);
                span.AddRiskRuleMatchedEvent(result.RuleId, riskNote: result.Reason); // leak TC1001 generated-api
            }
        }

        var device = await fingerprints.IdentifyAsync(checkout.FingerprintRequestId, ct);
        var emailDomain = new MailAddress(checkout.Email).Host;
        var blocked = await lists.MatchAsync("checkout-blocklist", "email", checkout.Email.ToLowerInvariant(), ct)
            ?? await lists.MatchAsync("checkout-blocklist", "card_fingerprint", checkout.CardFingerprint, ct);

        var features = new Dictionary<string, double>
        {
            ["total"] = (double)checkout.Total,
            ["account_age_days"] = checkout.AccountAgeDays,
            ["device_bot_probability"] = device.BotProbability,
            ["device_accounts_seen"] = device.AccountsSeen,
            ["rule_weight"] = results.Sum(r => r.Weight),
        };

        double score;
        try
        {
            score = await model.ScoreAsync(features, ct);
        }
        catch (ScoringUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            score = Math.Min(1.0, results.Sum(r => r.Weight));
        }

        var decision = blocked is not null ? RiskDecision.Block
            : score >= 0.9 ? RiskDecision.Review
            : score >= 0.6 ? RiskDecision.Challenge
            : RiskDecision.Allow;

        span.SetRiskDecision(decision).SetRiskScore(score).SetRiskRuleCount(results.Count);
        span.SetRiskNote($"bin {checkout.CardBin}, {device.BrowserName}/{device.Os}, account {checkout.AccountAgeDays}d"); // clean generated-api
        meter.CreateRiskScoreHistogram().Record(score, riskChannel: "web", riskModelVersion: model.Version); // clean direct
        meter.CreateRiskDecisionsCounter().Add(1, decision, riskChannel: "web", riskOutcome: emailDomain); // clean precision-about

        var abVariant = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(checkout.CustomerNumber))) % 2 == 0 ? "thresholds-a" : "thresholds-b";
        span.SetRiskModelVersion($"{model.Version}/{abVariant}"); // clean hashes

        if (blocked is not null)
        {
            logger.LogWarning("Checkout {OrderNumber} blocked by list entry {EntryId} ({Kind}, added by {AddedBy})", checkout.OrderNumber, blocked.EntryId, blocked.Kind, blocked.AddedBy); // leak TC1001 cross-member
        }

        logger.LogInformation("Checkout {OrderNumber} scored {Score:F3} -> {Decision}; rules {Rules}", checkout.OrderNumber, score, decision, results.Select(r => r.RuleId)); // clean logging-objects
        logger.LogDebug("Checkout features for {Phone}: {Features}", checkout.Phone, features); // leak TC1001 direct
        logger.LogInformation("Card {Bin}******{Last4} on a {AgeDays}-day-old account", checkout.CardBin, checkout.CardLast4, checkout.AccountAgeDays); // clean precision-about
        return decision;
    }
}
