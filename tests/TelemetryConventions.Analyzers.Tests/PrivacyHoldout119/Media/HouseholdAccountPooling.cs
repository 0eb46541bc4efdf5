namespace PrivacyHoldout119.Media;

/// <summary>A viewing profile in a household account.</summary>
public sealed record HouseholdProfile(Guid ProfileId, string ProfileName, bool IsKids, int Points);

/// <summary>Pools the fan rewards points of every profile of a household account into the account holder's balance.</summary>
public sealed class HouseholdAccountPooling(IPointsLedger ledger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<HouseholdAccountPooling> logger)
{
    private const string Programme = "fan-rewards";
    private static readonly ActivitySource Source = new("Streaming.FanRewards.Household");
    private static readonly Meter Meter = new("Streaming.FanRewards.Household");
    private static readonly Histogram<int> PooledPoints = Meter.CreateHistogram<int>("fanrwd.household.pooled", "{point}");

    public async Task<int> PoolAsync(Guid subscriberId, string holderEmail, IReadOnlyList<HouseholdProfile> profiles, CancellationToken cancellationToken)
    {
        using var span = Source.StartFanrwdAccrue(Programme).SetFanrwdCampaign("household-pooling");
        span.SetFanrwdMemberId(pseudonymizer.PseudonymizeFanrwdMemberId(subscriberId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("fanrwd.household.profiles", profiles.Count); // clean precision-about
        span.Activity?.SetTag("fanrwd.household.kids_profiles", profiles.Count(p => p.IsKids)); // clean precision-about
        span.Activity?.SetTag("fanrwd.household.names", string.Join("|", profiles.Select(p => p.ProfileName))); // leak TC1001 strings
        span.Activity?.SetTag("fanrwd.household.holder", holderEmail); // leak TC1001 direct
        var total = profiles.Sum(p => p.Points);
        PooledPoints.Record(total, new KeyValuePair<string, object?>("profiles", profiles.Count)); // clean precision-about
        var profileIds = profiles.Select(p => p.ProfileId).ToArray();
        logger.LogInformation("Pooling profiles {ProfileIds}", profileIds); // leak TC1001 direct
        logger.LogInformation("Pooling profiles {Profiles}", profiles); // leak TC1001 logging-objects
        foreach (var profile in profiles.Where(p => p.Points > 0))
        {
            using var hmac = new HMACSHA256(secrets.ShardKey);
            var lane = hmac.ComputeHash(profile.ProfileId.ToByteArray())[0] % 8;
            using var child = Source.StartActivity("fanrwd.household.move");
            child?.SetTag("fanrwd.lane", lane); // clean hashes
            child?.SetTag("fanrwd.profile.hash", profile.ProfileId.GetHashCode()); // leak TC1002 hashes
            try
            {
                await ledger.PostAsync(new PostingRequest { IdempotencyKey = $"pool:{profile.ProfileId:N}", MemberNumber = subscriberId.ToString(), Points = profile.Points, Reason = "household-pool" }, cancellationToken);
            }
            catch (InsufficientPointsException ex)
            {
                child?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Profile move failed, {Requested} requested, {Available} available", ex.Requested, ex.Available); // clean exceptions
            }
        }

        if (total == 0) logger.LogFanrwdLedgerFailedEvent(Programme, "nothing-to-pool", null, $"holder {holderEmail}"); // leak TC1001 generated-api
        return total;
    }
}
