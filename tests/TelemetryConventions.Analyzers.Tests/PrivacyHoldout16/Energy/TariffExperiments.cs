using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout16.Support.OpenFeature;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Energy;

public sealed record CustomerAccount(string AccountNumber, string Email, string TariffCode, string? MeterSerial, string Postcode);

/// <summary>An OpenFeature hook that puts every flag evaluation on the current trace.</summary>
public sealed class FlagTracingHook(ILogger<FlagTracingHook> logger) : Hook
{
    public override ValueTask AfterAsync<T>(HookContext<T> context, FlagEvaluationDetails<T> details, IReadOnlyDictionary<string, object>? hints = null)
    {
        var span = Activity.Current.EnrichExperimentEvaluation(context.FlagKey);
        span.SetExperimentVariant(details.Variant ?? "default"); // clean precision-about
        span.SetExperimentReason(details.Reason ?? Reason.Default);
        Activity.Current?.SetTag("feature_flag.context.id", context.EvaluationContext.TargetingKey); // leak TC1001 cross-member
        Activity.Current?.SetTag("feature_flag.provider_name", context.ProviderName); // clean precision-names
        return ValueTask.CompletedTask;
    }

    public override ValueTask ErrorAsync<T>(HookContext<T> context, Exception error, IReadOnlyDictionary<string, object>? hints = null)
    {
        logger.LogWarning(error, "Flag {FlagKey} failed; serving {DefaultValue}", context.FlagKey, context.DefaultValue); // clean exceptions
        logger.LogDebug("Evaluation context at failure: {@Attributes}", context.EvaluationContext.AsDictionary()); // leak TC1001 logging-objects
        logger.LogDebug("Evaluation context at failure had {Count} attributes", context.EvaluationContext.Count); // clean precision-about
        return ValueTask.CompletedTask;
    }
}

/// <summary>Chooses the layout of the tariff comparison page for a signed-in customer.</summary>
public sealed class TariffComparisonExperiment(
    IFeatureClient flags,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TariffComparisonExperiment> logger,
    Meter meter)
{
    private const string Flag = "tariff-compare-layout";

    private readonly Counter<long> _exposures = meter.CreateCounter<long>("tariff.compare.exposures", "{exposure}");

    public async Task<string> ChooseLayoutAsync(CustomerAccount account)
    {
        var context = EvaluationContext.Builder()
            .SetTargetingKey(account.AccountNumber)
            .Set("email", account.Email)
            .Set("tariff", account.TariffCode)
            .Set("has_smart_meter", account.MeterSerial is not null)
            .Build();
        var layout = await flags.GetStringDetailsAsync(Flag, "table", context);
        var variant = layout.Variant ?? "table";

        meter.CreateExperimentExposuresCounter().Add(1, Flag, variant); // clean precision-about
        logger.LogExperimentExposureEvent(Flag, variant, pseudonymizer.PseudonymizeExperimentSubjectId(account.AccountNumber)); // clean precision-pseudonym
        _exposures.Add(1, new KeyValuePair<string, object?>("variant", variant), new("tariff", account.TariffCode));
        _exposures.Add(1, new KeyValuePair<string, object?>("variant", variant), new("account", pseudonymizer.ComputeExperimentSubjectId(account.AccountNumber))); // leak TC1003 precision-pseudonym

        // A 5 % holdout never sees nudges; it is decided here so that it holds while the flag service is down.
        Activity.Current?.SetTag("experiment.holdout.bucket", HoldoutBucket(account.AccountNumber)); // leak TC1002 hashes
        Activity.Current?.SetTag("experiment.shard", KeyedShard(account.AccountNumber)); // clean hashes
        Activity.Current?.SetTag("experiment.subject.postcode_area", account.Postcode.Split(' ')[0]); // clean precision-about

        if (layout.ErrorType != ErrorType.None)
        {
            logger.LogWarning("Layout flag fell back for {Account}: {ErrorType}", account.AccountNumber, layout.ErrorType); // leak TC1001 cross-member
        }

        return layout.Value;
    }

    private static int HoldoutBucket(string accountNumber)
    {
        var digest = SHA1.HashData(Encoding.UTF8.GetBytes("tariff-holdout." + accountNumber));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(digest) % 100);
    }

    private int KeyedShard(string accountNumber) =>
        HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(accountNumber))[0] % 16;
}
