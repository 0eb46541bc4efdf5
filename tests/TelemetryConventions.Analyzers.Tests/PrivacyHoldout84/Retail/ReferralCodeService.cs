namespace PrivacyHoldout84.Retail;

public sealed record ReferralCode(string Code, string OwnerCustomerId, string OwnerFirstName, int Uses);

/// <summary>Member-get-member: each Plus member gets a personal referral code; campaigns have their own public codes.</summary>
public sealed class ReferralCodeService(ILogger<ReferralCodeService> logger, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Referrals = new("Retail.Plus.Referrals");
    private readonly Counter<long> _issued = meter.CreateCounter<long>("plus.referral.codes.issued");
    private readonly ConcurrentDictionary<string, ReferralCode> _byCode = new();

    public ReferralCode Issue(string customerId, string firstName)
    {
        var suffix = RandomNumberGenerator.GetInt32(1000, 9999);
        var code = new ReferralCode($"{firstName.ToUpperInvariant()}{suffix}", customerId, firstName, 0);
        _byCode[code.Code] = code;

        using var activity = Referrals.StartActivity("referral.issue");
        activity?.SetTag("referral.code", code.Code); // leak TC1001 direct
        activity?.SetTag("referral.code.length", code.Code.Length); // clean precision-about
        activity?.SetTag("referral.owner", pseudonymizer.ComputeMembersubCustomerId(customerId)); // clean precision-pseudonym
        _issued.Add(1, new KeyValuePair<string, object?>("program", "member-get-member"));
        logger.LogInformation("Issued referral code {Code}", code); // leak TC1001 logging-objects
        return code;
    }

    public bool Redeem(string typed, string newCustomerId)
    {
        using var activity = Referrals.StartActivity("referral.redeem");
        if (!_byCode.TryGetValue(typed.ToUpperInvariant(), out var code))
        {
            activity?.SetTag("referral.outcome", "unknown");
            return false;
        }

        if (code.Uses >= 5)
        {
            var exhausted = new InvalidOperationException($"Referral code {code.Code} has reached its limit of 5 uses");
            logger.LogWarning(exhausted, "Referral limit reached"); // leak TC1001 exceptions
            return false;
        }

        activity?.SetTag("referral.program.shard", KeyedShard.Of(secrets.ShardKey, code.OwnerCustomerId, 10)); // clean hashes
        activity?.SetTag("referral.owner_key", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(code.OwnerCustomerId)))); // leak TC1002 hashes
        if (activity is not null)
        {
            activity.DisplayName = "redeem " + code.Code; // leak TC1001 strings
        }
        logger.LogInformation("{Owner}'s code used by a new member, {Uses} uses", code.OwnerFirstName, code.Uses + 1); // leak TC1001 cross-member
        return true;
    }
}
