using LaunchDarkly.Sdk;
using LaunchDarkly.Sdk.Server;

namespace PrivacyHoldout115.Retail;

public sealed record ShopCustomer(string CustomerNumber, string Email, string FirstName, string LoyaltyTier, string? LoyaltyCard, string HomeStore);

/// <summary>
/// The checkout's experiments (one-page checkout, express pay first) evaluated with LaunchDarkly for
/// the signed-in customer, with exposures reported for the analysts.
/// </summary>
public sealed class CheckoutExperimentService(ILdClient ld, Pseudonymizer pseudonymizer, ILogger<CheckoutExperimentService> logger)
{
    private static readonly ActivitySource Source = new("Retail.Checkout.Experiments");
    private static readonly Meter Meter = new("Retail.Checkout.Experiments");
    private static readonly ShopflagEvaluationsCounter Evaluations = Meter.CreateShopflagEvaluationsCounter();
    private static readonly Counter<long> Exposures = Meter.CreateCounter<long>("checkout.experiment.exposures");

    public bool OnePageCheckout(ShopCustomer customer, string basketId)
    {
        var context = Context.Builder(customer.CustomerNumber)
            .Kind("customer")
            .Set("tier", customer.LoyaltyTier)
            .Set("homeStore", customer.HomeStore)
            .Set("emailDomain", customer.Email[(customer.Email.IndexOf('@') + 1)..])
            .Build();

        using var span = Source.StartShopflagEvaluate("one-page-checkout");
        var detail = ld.BoolVariationDetail("one-page-checkout", context, false);
        var variant = detail.Value ? "one-page" : "multi-step";
        span.SetShopflagVariant(variant).SetShopflagReason(detail.Reason.Kind.ToString()).SetShopflagSegment(customer.LoyaltyTier); // clean generated-api
        span.SetShopflagSubjectId(pseudonymizer.PseudonymizeShopflagSubjectId(customer.CustomerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag(ShopflagAttributes.SubjectContact, pseudonymizer.ComputeShopflagSubjectId(customer.Email)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("checkout.basket", basketId); // clean direct
        Activity.Current?.SetTag("checkout.customer_tier", customer.LoyaltyTier); // clean precision-names
        Activity.Current?.SetTag("checkout.email_domain", context.GetValue("emailDomain")); // clean precision-about
        Evaluations.Add(1, "one-page-checkout", variant, detail.Reason.Kind.ToString()); // clean generated-api

        if (detail.Reason.InExperiment)
        {
            Activity.Current?.AddShopflagExposureEvent("exp-one-page-checkout", variant, pseudonymizer.PseudonymizeShopflagSubjectId(customer.CustomerNumber)); // clean precision-pseudonym
            Exposures.Add(1, new KeyValuePair<string, object?>("variant", variant), new KeyValuePair<string, object?>("store", customer.HomeStore)); // clean precision-names
            Exposures.Add(1, new KeyValuePair<string, object?>("customer", customer.CustomerNumber)); // leak TC1003 direct
            logger.LogInformation("Customer {FirstName} ({Email}) exposed to {Variant}", customer.FirstName, customer.Email, variant); // leak TC1001 direct
        }
        return detail.Value;
    }

    public void ExpressPayFirst(ShopCustomer customer)
    {
        var context = Context.New("customer", customer.CustomerNumber);
        var enabled = ld.BoolVariation("express-pay-first", context);
        Activity.Current?.SetShopflagSubjectContact(customer.Email); // leak TC1001 generated-api
        logger.LogDebug("express-pay-first {Enabled} for context {Context}", enabled, context); // leak TC1001 logging-objects
        logger.LogDebug("express-pay-first {Enabled} for a {Kind} context", enabled, context.Kind); // clean logging-objects
    }
}

internal static class CheckoutSpanExtensions
{
    /// <summary>The team's helper for the contact attribute; it only ever sets the attribute's name with the value it is handed.</summary>
    public static Activity? SetShopflagSubjectContact(this Activity? activity, string value) => activity?.SetTag(ShopflagAttributes.SubjectContact, value);
}
