using OpenFeature;
using OpenFeature.Model;

namespace PrivacyHoldout115.Energy;

public sealed record SupplyAccount(string AccountNumber, string Mpan, string MeterSerial, string Tariff, string Region, string HolderEmail);

/// <summary>
/// Rolls half-hourly insights out in the customer app to accounts whose meters can send them, by meter
/// model and region, with a kill switch for when the DCC's data feed misbehaves.
/// </summary>
public sealed class SmartMeterFeatureRollout(IFeatureClient flags, IFlagStore store, Pseudonymizer pseudonymizer, ILogger<SmartMeterFeatureRollout> logger)
{
    private static readonly ActivitySource Source = new("Supplier.App.Flags");
    private static readonly Meter Meter = new("Supplier.App.Flags");
    private static readonly Counter<long> Evaluations = Meter.CreateCounter<long>("app.flag.evaluations");

    public async Task<bool> HalfHourlyInsightsAsync(SupplyAccount account, CancellationToken ct)
    {
        var kill = await store.GetKillSwitchAsync("hh-insights", ct);
        if (kill?.Engaged == true)
        {
            logger.LogInformation("hh-insights is switched off since {At}: {Reason}", kill.EngagedAt, kill.Reason); // clean precision-about
            logger.LogInformation("hh-insights switched off by {EngagedBy}", kill.EngagedBy); // leak TC1001 cross-member
            return false;
        }

        var modelPrefix = account.MeterSerial[..3];
        var context = EvaluationContext.Builder()
            .SetTargetingKey(account.AccountNumber)
            .Set("meterModel", modelPrefix)
            .Set("meterSerial", account.MeterSerial)
            .Set("region", account.Region)
            .Set("tariff", account.Tariff)
            .Build();

        using var span = Source.StartGridflagEvaluate("hh-insights");
        var details = await flags.GetBooleanDetailsAsync("hh-insights", false, context, ct);
        span.SetGridflagVariant(details.Variant ?? (details.Value ? "on" : "off")).SetGridflagReason(details.Reason ?? Reason.Default); // clean generated-api
        span.SetGridflagSubjectId(pseudonymizer.PseudonymizeGridflagSubjectId(account.AccountNumber)); // clean precision-pseudonym
        span.SetGridflagSegment($"{account.Region}/{modelPrefix}"); // clean precision-about
        span.SetGridflagNote($"meter {context.GetValue("meterSerial").AsString} model {modelPrefix}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("flag.targeting_key", context.TargetingKey); // leak TC1001 direct
        Activity.Current?.SetTag("flag.meter_model", modelPrefix); // clean precision-about
        Evaluations.Add(1, new KeyValuePair<string, object?>("flag", "hh-insights"), new KeyValuePair<string, object?>("region", account.Region), new KeyValuePair<string, object?>("tariff", account.Tariff)); // clean precision-names
        Evaluations.Add(1, new KeyValuePair<string, object?>("meter", account.MeterSerial)); // leak TC1003 direct

        foreach (var (name, value) in context.AsDictionary())
        {
            Activity.Current?.SetTag("flag.context." + name, value.AsObject); // leak TC1001 strings
        }
        logger.LogDebug("hh-insights for {Mpan}: {Value} ({Reason})", account.Mpan, details.Value, details.Reason); // leak TC1001 direct
        return details.Value;
    }
}
