namespace PrivacyHoldout143.Retail;

/// <summary>A claim a vet practice submits directly through the retailer's pet insurance portal.</summary>
public sealed record VetDirectClaim(string PolicyNumber, Guid PetId, string PracticeCode, string ConditionCode, decimal Amount, string InvoiceNumber, string? ClinicalHistory, string VetName);

/// <summary>
/// The retailer's pet insurance: vet practices claim directly for treatment, the policy is checked with the
/// underwriter and the claim is submitted with the clinical history.
/// </summary>
public sealed class PetInsuranceClaimService(
    IInsurerGateway insurer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<PetInsuranceClaimService> logger)
{
    private const string Desk = "insurance";

    private readonly Counter<long> _claims = meter.CreateCounter<long>("groomshop.insurance.claims", "{claim}");

    private readonly Histogram<double> _amounts = meter.CreateHistogram<double>("groomshop.insurance.claim_amount", "{GBP}");

    public async Task<ClaimDecision?> SubmitAsync(VetDirectClaim claim, CancellationToken cancellationToken)
    {
        using var span = source.StartGroomshopOperation(Desk);
        span.SetGroomshopService("pet-insurance");
        var claimId = $"CLM-{claim.PracticeCode}-{claim.InvoiceNumber}";
        Activity.Current?.SetTag("groomshop.claim.id", claimId); // clean precision-names
        Activity.Current?.SetTag("groomshop.claim.condition", claim.ConditionCode); // clean precision-about
        Activity.Current?.SetTag("groomshop.claim.policy", claim.PolicyNumber); // leak TC1001 direct
        _amounts.Record((double)claim.Amount, new KeyValuePair<string, object?>("condition", claim.ConditionCode)); // clean precision-about
        logger.LogInformation("Direct claim from {Practice} signed by {Vet}", claim.PracticeCode, claim.VetName); // leak TC1001 direct

        PetPolicy policy;
        try
        {
            policy = await insurer.PolicyAsync(claim.PolicyNumber, cancellationToken) ?? throw new PolicyNotFoundException(claim.PolicyNumber);
        }
        catch (PolicyNotFoundException ex)
        {
            logger.LogWarning(ex, "Direct claim {ClaimId} rejected", claimId); // leak TC1001 exceptions
            _claims.Add(1, new KeyValuePair<string, object?>("outcome", "no-policy"));
            return null;
        }

        logger.LogInformation("Cover {Cover}, excess {Excess}, species {Species}", policy.Cover, policy.Excess, policy.Species); // clean precision-about
        logger.LogInformation("Claim for {PetName} under {Holder}", policy.PetName, policy.PolicyholderName); // leak TC1001 direct

        var submission = new ClaimSubmission(claimId, claim.PolicyNumber, claim.PetId, claim.ConditionCode, claim.Amount, claim.ClinicalHistory);
        logger.LogDebug("Submitting {@Submission}", submission); // leak TC1001 logging-objects
        try
        {
            var decision = await insurer.SubmitAsync(submission, cancellationToken);
            logger.LogInformation("Underwriter decided {Decision}", decision); // clean logging-objects
            _claims.Add(1, new KeyValuePair<string, object?>("outcome", decision.Status), new KeyValuePair<string, object?>("policy_shard", ShardOf(claim.PolicyNumber))); // clean hashes
            span.SetGroomshopOutcome(decision.Status);
            return decision;
        }
        catch (PreExistingConditionException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogGroomshopOperationFailedEvent(Desk, "pre-existing", groomshopNote: ex.Message); // clean generated-api
            Activity.Current?.SetTag("groomshop.claim.policy_hash", claim.PolicyNumber.GetHashCode()); // leak TC1002 hashes
            return null;
        }
    }

    private int ShardOf(string policyNumber) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(policyNumber))[0] % 32;
}
