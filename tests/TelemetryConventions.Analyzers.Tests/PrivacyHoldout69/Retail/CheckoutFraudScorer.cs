using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout69.Retail;

public sealed record CheckoutOrder(
    string OrderId,
    string CustomerNumber,
    string Email,
    string ClientIp,
    string DeviceFingerprint,
    string CardBin,
    string CardLast4,
    string ShippingPostcode,
    decimal BasketValue,
    int EmailAgeDays,
    bool IpCountryMatchesBilling);

/// <summary>
/// Card-not-present fraud scoring at checkout. The model's score goes through the risk team's
/// thresholds (decline over 0.92, manual review over 0.70); when the model does not answer within
/// 400 ms the legacy rules decide.
/// </summary>
public sealed class CheckoutFraudScorer(
    IScoringClient scoring,
    ShardKey shardKey,
    Pseudonymizer pseudonymizer,
    ILogger<CheckoutFraudScorer> logger)
{
    private static readonly ActivitySource Source = new("Shop.Checkout.Fraud");
    private static readonly Meter Meter = new("Shop.Checkout.Fraud");
    private readonly FraudDecisionsCounter _decisions = Meter.CreateFraudDecisionsCounter();

    public async Task<FraudDecision> ScoreAsync(CheckoutOrder order, CancellationToken ct)
    {
        using var span = Source.StartFraudCheck("xgb-cnp-88")
            .SetFraudCustomerId(pseudonymizer.PseudonymizeFraudCustomerId(order.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("shop.order.id", order.OrderId); // clean precision-names
        span.Activity?.SetTag("client.address", order.ClientIp); // leak TC1001 direct
        span.Activity?.SetTag("fraud.device", order.DeviceFingerprint); // leak TC1001 direct
        span.Activity?.SetTag("fraud.card_bin", order.CardBin); // clean precision-about
        span.Activity?.SetTag("fraud.velocity_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(order.Email.ToLowerInvariant())))); // leak TC1002 hashes
        span.Activity?.SetTag(FraudAttributes.CustomerEmail, order.Email); // leak TC1001 generated-api

        var inputs = new Dictionary<string, object?>
        {
            ["email_age_days"] = order.EmailAgeDays,
            ["ip_country_match"] = order.IpCountryMatchesBilling,
            ["basket_value"] = order.BasketValue,
            ["bin"] = order.CardBin,
        };
        logger.LogDebug("Fraud model inputs {Inputs}", inputs); // clean logging-objects

        FraudDecision decision;
        string rule;
        try
        {
            var response = await scoring.ScoreAsync(new ScoringRequest("cnp-fraud", inputs) { Explain = true }, ct).WaitAsync(TimeSpan.FromMilliseconds(400), ct);
            (decision, rule) = response.Score switch
            {
                > 0.92 => (FraudDecision.Decline, "score_gt_0_92"),
                > 0.70 => (FraudDecision.Review, "score_gt_0_70"),
                _ => (FraudDecision.Approve, "score_le_0_70"),
            };
            span.SetFraudOutcome("scored").SetFraudModelVersion(response.ModelVersion); // clean generated-api
            logger.LogInformation("Order {OrderId} scored {Score:0.000}; top features {Features}", order.OrderId, response.Score, response.TopFeatures.Select(f => $"{f.Feature}:{f.Contribution:+0.00;-0.00}")); // clean precision-about
        }
        catch (TimeoutException ex)
        {
            (decision, rule) = order.EmailAgeDays < 2 && order.BasketValue > 300m ? (FraudDecision.Review, "legacy_new_email_high_value") : (FraudDecision.Approve, "legacy_default");
            span.RecordException(ex).SetFraudOutcome("fallback:rules"); // clean exceptions
        }
        catch (ScoringException ex)
        {
            (decision, rule) = (FraudDecision.Review, "model_error");
            logger.LogError(ex, "Fraud model error; order {OrderId} sent to review", order.OrderId); // clean exceptions
        }

        span.SetFraudDecision(decision).SetFraudRule(rule); // clean generated-api
        _decisions.Add(1, decision, rule); // clean generated-api

        if (decision == FraudDecision.Review)
        {
            logger.LogFraudHeldEvent(decision, rule, pseudonymizer.PseudonymizeFraudCustomerId(order.CustomerNumber), $"basket {order.BasketValue:0.00}, card ending {order.CardLast4}"); // clean generated-api
            logger.LogFraudHeldEvent(decision, rule, fraudNote: $"ship to {order.ShippingPostcode}, contact {order.Email}"); // leak TC1001 generated-api
            _decisions.Add(0, decision, rule, $"review:{order.CustomerNumber}"); // leak TC1003 strings
            span.Activity?.SetTag("fraud.ship_district", order.ShippingPostcode.Split(' ')[0]); // clean precision-about
            span.Activity?.SetTag("fraud.analyst_sample", shardKey.Bucket(order.OrderId, 10) == 0); // clean hashes
        }
        return decision;
    }
}
