namespace PrivacyHoldout140.Energy;

/// <summary>A household accepted to the trial, waiting for its arm.</summary>
public sealed record AcceptedHousehold(string AccountNumber, string MeterSerial, string Region, bool HasEv, string SmartAppUserId);

/// <summary>
/// Allocates accepted households to the trial's arms in permuted blocks, stratified by region and EV ownership,
/// and switches their tariff on the first day of the next month.
/// </summary>
public sealed class TariffArmAllocator(ActivitySource source, Pseudonymizer pseudonymizer, ILogger<TariffArmAllocator> logger)
{
    private static readonly string[] Arms = ["control", "peak-shift", "peak-shift-plus-app"];
    private readonly Dictionary<string, Queue<string>> _blocks = new();
    private readonly Dictionary<string, string> _armByAccount = new();
    private readonly Random _random = new();

    public TariffArmAssignment Allocate(string trialCode, AcceptedHousehold household)
    {
        var stratum = $"{household.Region}/{(household.HasEv ? "ev" : "no-ev")}";
        if (!_blocks.TryGetValue(stratum, out var block) || block.Count == 0)
        {
            block = new Queue<string>(Arms.Concat(Arms).OrderBy(_ => _random.Next()));
            _blocks[stratum] = block;
        }

        var arm = block.Dequeue();
        _armByAccount[household.AccountNumber] = arm;
        var assignment = new TariffArmAssignment(trialCode, arm, stratum);

        using var span = source.StartTarifftrialOperation(trialCode);
        span.SetTarifftrialArm(arm); // clean precision-about
        span.SetTarifftrialRegion(household.Region); // clean precision-about
        span.Activity?.SetTag("tarifftrial.stratum", stratum); // clean strings
        span.Activity?.SetTag("tarifftrial.block.remaining", block.Count); // clean precision-about
        logger.LogInformation("Allocated {@Assignment}", assignment); // clean logging-objects
        logger.LogInformation("Household {Account} allocated to {Arm}", household.AccountNumber, arm); // leak TC1001 direct
        span.Activity?.SetTag("enduser.id", household.SmartAppUserId); // leak TC1001 direct

        // The analysts wanted a stable bucket per household to compare against last winter's pilot.
        var bucket = SHA256.HashData(Encoding.UTF8.GetBytes(household.AccountNumber))[0] % 16;
        span.Activity?.SetTag("tarifftrial.legacy.bucket", bucket); // leak TC1002 hashes
        var hmacBucket = HMACSHA256.HashData(KeyFor(trialCode), Encoding.UTF8.GetBytes(household.AccountNumber))[0] % 16;
        span.Activity?.SetTag("tarifftrial.bucket", hmacBucket); // leak TC1002 hashes
        return assignment;
    }

    public void LogSwitchList(string trialCode)
    {
        using var span = source.StartTarifftrialOperation(trialCode);
        span.SetTarifftrialHouseholdCount(_armByAccount.Count); // clean precision-about
        logger.LogInformation("Tariffs to switch on the 1st: {Switches}", _armByAccount); // leak TC1001 cross-member
        logger.LogInformation("Arms to switch: {Arms}", _armByAccount.Values.GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count())); // clean precision-about
        foreach (var account in _armByAccount.Keys)
        {
            span.Activity?.AddEvent(new ActivityEvent("tariff.switch", tags: new ActivityTagsCollection { ["household"] = pseudonymizer.ComputeTarifftrialHouseholdId(account) })); // clean precision-pseudonym
        }
    }

    // The trial's key for buckets, agreed with the evaluator in the data sharing agreement.
    private static byte[] KeyFor(string trialCode) => Encoding.UTF8.GetBytes("tou-trial-2025:" + trialCode);
}
