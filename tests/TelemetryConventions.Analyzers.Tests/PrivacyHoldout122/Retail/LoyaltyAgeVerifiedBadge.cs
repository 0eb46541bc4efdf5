namespace PrivacyHoldout122.Retail;

/// <summary>Once a customer's age is verified, their loyalty card gets the badge so tills skip Challenge 25 prompts.</summary>
public sealed class LoyaltyAgeVerifiedBadge(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ActivitySource source, Meter meter, ILogger<LoyaltyAgeVerifiedBadge> logger)
{
    private readonly Counter<long> _badges = meter.CreateCounter<long>("loyalty.age_badges");

    public void Grant(string customerNumber, string loyaltyCardNumber, string checkId, string storeCode)
    {
        using var activity = source.StartActivity("loyalty.age_badge");
        var card = loyaltyCardNumber;
        activity?.SetTag("loyalty.card", card); // leak TC1001 cross-member
        activity?.SetTag("loyalty.card_last4", card[^4..]); // clean precision-about
        activity?.SetTag("loyalty.check", checkId); // clean precision-names
        activity?.SetTag("loyalty.card_token", BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(card))).Replace("-", "")[..20]); // leak TC1002 hashes
        activity?.SetTag("loyalty.card_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(card))[0] % 8); // clean hashes
        _badges.Add(1, new KeyValuePair<string, object?>("store", storeCode)); // clean precision-names
        _badges.Add(1, new KeyValuePair<string, object?>("card", card)); // leak TC1003 cross-member
        logger.LogInformation("Badge granted: customer={Customer};check={Check}", customerNumber, checkId); // leak TC1001 direct
        logger.LogInformation("Badge granted to {Customer} after {Check}", pseudonymizer.ComputeShopperidvCustomerId(customerNumber), checkId); // clean precision-pseudonym
        logger.LogInformation("Badge granted: " + customerNumber + " at " + storeCode); // leak TC1001 strings
    }
}
