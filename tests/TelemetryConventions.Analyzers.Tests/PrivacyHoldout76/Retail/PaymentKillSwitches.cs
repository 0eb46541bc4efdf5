namespace PrivacyHoldout76.Retail;

public sealed record Basket(Guid BasketId, string CustomerNumber, string CustomerEmail, string Store, string Country, long TotalPence);

/// <summary>
/// Chooses the payment provider for a checkout. Each provider has a flag (rolled out by customer,
/// with rules on the customer's email domain and country) and a kill switch the on-call engineer
/// flips from the operations console when the provider degrades.
/// </summary>
public sealed class PaymentProviderSelector(IFlagClient flags, IKillSwitchStore killSwitches, Meter meter, ILogger<PaymentProviderSelector> logger)
{
    private static readonly string[] Providers = ["adyen", "stripe", "paypal"];
    private readonly Counter<long> _killed = meter.CreateCounter<long>("checkout.provider.killed");

    public async Task<string> SelectAsync(Basket basket, CancellationToken ct)
    {
        var activity = Activity.Current;
        var context = new EvaluationContext(basket.CustomerNumber, new Dictionary<string, string>
        {
            ["email"] = basket.CustomerEmail,
            ["country"] = basket.Country,
            ["store"] = basket.Store,
        });

        foreach (var provider in Providers)
        {
            var kill = await killSwitches.GetAsync($"checkout.provider.{provider}", ct);
            if (kill is { Engaged: true })
            {
                logger.LogWarning("Provider {Provider} killed: {Reason}", provider, kill.Reason); // clean precision-about
                logger.LogWarning("Provider {Provider} killed by {Engineer} at {At}", provider, kill.FlippedBy, kill.FlippedAt); // leak TC1001 direct
                _killed.Add(1, new KeyValuePair<string, object?>("provider", provider));
                _killed.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("by", kill.FlippedBy)); // leak TC1003 direct
                meter.CreateShopopsProbeRunsCounter().Add(1, $"killswitch:{provider}", "engaged");
                continue;
            }

            var evaluation = flags.Evaluate($"checkout.provider.{provider}", context, defaultValue: provider == "adyen");
            activity?.SetTag("feature_flag.key", evaluation.FlagKey); // clean precision-names
            activity?.SetTag("feature_flag.provider_name", "flagd"); // clean precision-names
            activity?.SetTag("feature_flag.result.variant", evaluation.Variant);
            activity?.AddEvent(new ActivityEvent("feature_flag.evaluation", tags: new ActivityTagsCollection { ["feature_flag.key"] = evaluation.FlagKey, ["feature_flag.context.id"] = context.TargetingKey })); // leak TC1001 direct
            logger.LogDebug("Evaluated {Flag} for {Context}", evaluation.FlagKey, context); // leak TC1001 logging-objects
            logger.LogDebug("Evaluated {Evaluation}", evaluation); // clean logging-objects
            logger.LogDebug("Flag attributes {Attributes}", string.Join(",", context.Attributes.Select(a => $"{a.Key}={a.Value}"))); // leak TC1001 logging-objects
            logger.LogDebug("Flag attribute names {Attributes}", string.Join(",", context.Attributes.Keys)); // clean precision-names
            activity?.SetTag("feature_flag.context.email_domain", context.Attributes["email"].Split('@')[1]); // clean precision-about
            activity?.SetTag("feature_flag.context.ref", Convert.ToBase64String(Encoding.UTF8.GetBytes(context.TargetingKey))); // leak TC1001 hashes
            if (evaluation.Value)
            {
                activity?.SetTag("checkout.provider", provider);
                return provider;
            }
        }
        return "adyen";
    }
}
