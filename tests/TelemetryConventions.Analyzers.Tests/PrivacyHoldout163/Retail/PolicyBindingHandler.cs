namespace PrivacyHoldout163.Retail;

/// <summary>Binds a quoted policy at the till; store colleagues sell cover with L-plates and a theory app bundle.</summary>
public sealed class PolicyBindingHandler(
    IUnderwriter underwriter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PolicyBindingHandler> logger)
{
    private static readonly ActivitySource Source = new("Driving.Cover.Policies");
    private static readonly Meter PolicyMeter = new("Driving.Cover.Policies");
    private static readonly Counter<long> Bound = PolicyMeter.CreateCounter<long>("learnercover.policies.bound");
    private static readonly Histogram<double> Premiums = PolicyMeter.CreateHistogram<double>("learnercover.premium");
    private string? colleague;

    public async Task BindAsync(string quoteId, string colleagueStaffId, decimal premium, string[] basketSkus, CancellationToken cancellationToken)
    {
        colleague = colleagueStaffId;
        using var activity = Source.StartActivity("policy.bind");
        activity?.SetTag("learnercover.quote", quoteId); // clean precision-names
        activity?.SetTag("learnercover.basket.items", basketSkus.Length); // clean precision-about
        activity?.SetTag("learnercover.basket.skus", string.Join(",", basketSkus)); // clean precision-about
        Premiums.Record((double)premium, new KeyValuePair<string, object?>("product", "learner-30d")); // clean precision-about
        var policy = await underwriter.BindAsync(quoteId, cancellationToken);
        activity?.SetTag("learnercover.policy", policy.PolicyNumber); // leak TC1001 direct
        activity?.SetTag("learnercover.policy.start", policy.Start.ToString("yyyy-MM")); // clean precision-about
        activity?.SetTag("learnercover.policy.bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(policy.PolicyNumber))[0] % 16); // clean hashes
        activity?.SetTag("learnercover.policy.digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(policy.PolicyNumber)))); // leak TC1002 hashes
        Bound.Add(1, new KeyValuePair<string, object?>("vehicle", policy.VehicleRegistration)); // leak TC1003 direct
        Bound.Add(1, new KeyValuePair<string, object?>("store", "store-0231")); // clean precision-about
        logger.LogInformation("Bound {Policy}", policy); // leak TC1001 logging-objects
        logger.LogInformation("Bound policy starting {Start} for {Months} months", policy.Start, 1); // clean precision-about
        Sold(activity);
    }

    private void Sold(Activity? activity)
    {
        activity?.SetTag("learnercover.colleague", colleague); // leak TC1001 cross-member
        activity?.SetTag("learnercover.colleague.id", pseudonymizer.ComputeLearnercoverAgentId(colleague!)); // clean precision-pseudonym
        activity?.SetTag("learnercover.colleague.on_till", colleague is not null); // clean cross-member
    }
}
