namespace PrivacyHoldout115.Energy;

/// <summary>
/// Assigns customers to the smart-tariff switch banner experiment in the account service itself, so the
/// web portal and the app agree without a call to the flag service.
/// </summary>
public sealed class TariffExperimentAssignment(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TariffExperimentAssignment> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Experiments");
    private static readonly Meter Meter = new("Supplier.Experiments");
    private static readonly GridflagEvaluationsCounter Assignments = Meter.CreateGridflagEvaluationsCounter();
    private static readonly string[] Arms = ["control", "saving-estimate", "peer-comparison"];

    public string Assign(string accountNumber, string tariff, int percentage)
    {
        using var span = Source.StartGridflagEvaluate("smart-tariff-banner").SetGridflagExperimentId("exp-smart-tariff-banner"); // clean generated-api

        // Bucketing: a keyed hash of the account, so a bucket cannot be recomputed from the account number.
        var bucket = KeyedBucket.Of(secrets.ShardKey, "smart-tariff-banner:" + accountNumber, 100);
        span.SetGridflagBucket(bucket); // clean hashes
        if (bucket >= percentage)
        {
            span.SetGridflagOutcome("not-in-rollout").SetGridflagRuleId("rollout-" + percentage); // clean precision-about
            return "control";
        }

        var arm = Arms[bucket % Arms.Length];
        span.SetGridflagVariant(arm).SetGridflagSubjectId(pseudonymizer.PseudonymizeGridflagSubjectId(accountNumber)); // clean precision-pseudonym
        Assignments.Add(1, "smart-tariff-banner", arm, "SPLIT"); // clean generated-api

        // The analysts' legacy join key, kept until the warehouse moves to the pseudonym.
        var legacyBucket = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(accountNumber)))[..8];
        Activity.Current?.SetTag("experiment.legacy_key", legacyBucket); // leak TC1002 hashes
        Activity.Current?.SetTag("experiment.legacy_bucket", Math.Abs(accountNumber.GetHashCode()) % 100); // leak TC1002 hashes
        Activity.Current?.AddGridflagExposureEvent("exp-smart-tariff-banner", arm, gridflagNote: $"tariff {tariff}"); // clean generated-api
        Activity.Current?.AddGridflagExposureEvent("exp-smart-tariff-banner", arm, Pseudonym.FromComputed(accountNumber)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetBaggage("experiment.subject", pseudonymizer.ComputeGridflagSubjectId(accountNumber)); // clean precision-pseudonym
        logger.LogInformation("Account {Account} assigned {Arm} of smart-tariff-banner", accountNumber, arm); // leak TC1001 direct
        logger.LogInformation("Assigned {Arm} in bucket {Bucket} on tariff {Tariff}", arm, bucket, tariff); // clean precision-about
        return arm;
    }
}
