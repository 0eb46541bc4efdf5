namespace PrivacyHoldout119.Media;

/// <summary>A new subscriber signed up with a friend's referral code (the code names the referring subscriber).</summary>
public sealed record ReferralSignup(string ReferralCode, Guid NewSubscriberId, string NewSubscriberEmail, string Plan, string Country);

public interface IReferralDirectory
{
    Task<Guid?> ReferrerAsync(string referralCode, CancellationToken cancellationToken = default);
}

/// <summary>Pays referral bonus points to both subscribers once the new one's first bill is paid.</summary>
public sealed partial class ReferralRewardService(IReferralDirectory referrals, IPointsLedger ledger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<ReferralRewardService> logger)
{
    private const string Programme = "fan-rewards";
    private const int Bonus = 1500;
    private static readonly ActivitySource Source = new("Streaming.FanRewards.Referrals");
    private static readonly Meter Meter = new("Streaming.FanRewards.Referrals");
    private static readonly Counter<long> Signups = Meter.CreateCounter<long>("fanrwd.referral.signups");

    public async Task PayAsync(ReferralSignup signup, CancellationToken cancellationToken)
    {
        using var span = Source.StartFanrwdAccrue(Programme).SetFanrwdCampaign("refer-a-friend");
        span.Activity?.SetTag("fanrwd.plan", signup.Plan); // clean precision-names
        span.Activity?.SetTag("fanrwd.referral_code", signup.ReferralCode); // leak TC1001 direct
        Signups.Add(1, new KeyValuePair<string, object?>("plan", signup.Plan), new KeyValuePair<string, object?>("country", signup.Country)); // clean precision-names
        Signups.Add(0, new KeyValuePair<string, object?>("referrer_code", signup.ReferralCode)); // leak TC1003 direct

        var referrer = await referrals.ReferrerAsync(signup.ReferralCode, cancellationToken);
        if (referrer is null)
        {
            LogUnknownReferral(logger, signup.ReferralCode, signup.Plan); // leak TC1001 direct
            LogUnknownReferralRedacted(logger, signup.ReferralCode, signup.Plan); // clean logging-objects
            return;
        }

        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var pairKey = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{referrer}:{signup.NewSubscriberId}")))[..16];
        span.Activity?.SetTag("fanrwd.referral.pair", pairKey); // clean hashes
        span.Activity?.SetTag("fanrwd.referral.pair_sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{referrer}:{signup.NewSubscriberId}")))); // leak TC1002 hashes
        span.Activity?.SetTag("fanrwd.new_member.email_domain", signup.NewSubscriberEmail[(signup.NewSubscriberEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag(FanrwdAttributes.MemberContact, pseudonymizer.Pseudonymize("fan.email", signup.NewSubscriberEmail).Value); // leak TC1001 precision-pseudonym

        foreach (var member in new[] { referrer.Value, signup.NewSubscriberId })
        {
            var posting = await ledger.PostAsync(new PostingRequest { IdempotencyKey = $"referral:{signup.NewSubscriberId:N}:{member:N}", MemberNumber = member.ToString(), Points = Bonus, Reason = "referral" }, cancellationToken);
            logger.LogInformation("Referral bonus for {Member}: {Posting}", pseudonymizer.ComputeFanrwdMemberId(member.ToString()), posting); // clean precision-pseudonym
        }

        logger.LogInformation("Referral paid: {Referrer} referred {NewSubscriber}", referrer, signup.NewSubscriberId); // leak TC1001 direct
        span.SetFanrwdPoints(Bonus * 2).SetFanrwdOutcome("paid");
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Referral code {ReferralCode} matched no subscriber (plan {Plan})")]
    private static partial void LogUnknownReferral(ILogger logger, string referralCode, string plan);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Referral code {ReferralCode} matched no subscriber (plan {Plan})")]
    private static partial void LogUnknownReferralRedacted(ILogger logger, [PrivateData] string referralCode, string plan);
}
