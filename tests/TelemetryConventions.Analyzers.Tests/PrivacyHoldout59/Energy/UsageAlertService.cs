using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout59.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout59.Energy;

public sealed record UsageAlert(string AlertId, MeterRead Read, string Rule, decimal Threshold, IReadOnlyDictionary<string, string> Context);

/// <summary>Raises high-usage alerts and reports them with the dimensions the region's team configured.</summary>
public sealed class UsageAlertService(
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    IOptionsMonitor<UsageTelemetryOptions> options,
    ILogger<UsageAlertService> logger)
{
    // Never sent, whatever ExtraDroppedKeys says.
    public static readonly IReadOnlySet<string> AlwaysDropped = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "account", "account_number", "mpan", "meter_serial", "holder_email", "postcode",
    };

    public void Raise(UsageAlert alert)
    {
        var o = options.CurrentValue;
        var read = alert.Read;
        using var activity = source.StartActivity("usage.alert.raise");

        var dimensions = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["alert_id"] = alert.AlertId,
            ["rule"] = alert.Rule,
            ["threshold"] = alert.Threshold,
            ["region"] = read.Region,
            ["tariff"] = read.Tariff,
            ["register"] = read.Register,
            ["account_number"] = read.AccountNumber,
            ["mpan"] = read.Mpan,
            ["postcode"] = read.Postcode,
            ["postcode_district"] = read.Postcode.Split(' ')[0],
        };

        var dropped = AlwaysDropped.Union(o.ExtraDroppedKeys, StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in dimensions.Where(d => !dropped.Contains(d.Key))) activity?.SetTag(o.AttributePrefix + key, value); // clean precision-about
        foreach (var (key, value) in dimensions.Where(d => !o.ExtraDroppedKeys.Contains(d.Key))) activity?.SetTag(o.AttributePrefix + "raw." + key, value); // leak TC1001 direct

        // The rule engine's context: reading window, baseline and the account it was computed for.
        foreach (var entry in alert.Context) activity?.SetTag(o.AttributePrefix + "context." + entry.Key, entry.Value); // leak TC1001 cross-member
        foreach (var key in alert.Context.Keys) activity?.AddEvent(new ActivityEvent("usage.context.key", tags: new ActivityTagsCollection { ["key"] = key })); // clean precision-names
        activity?.SetTag(o.AttributePrefix + "context.size", alert.Context.Count); // clean precision-about

        var note = string.Join(", ", o.NoteDimensions.Where(dimensions.ContainsKey).Select(k => $"{k}={dimensions[k]}"));
        logger.LogUsageAlertRaisedEvent(read.Region, pseudonymizer.PseudonymizeUsageAccountId(read.AccountNumber), read.Tariff, note); // leak TC1001 generated-api
        logger.LogUsageAlertRaisedEvent(read.Region, pseudonymizer.PseudonymizeUsageAccountId(read.AccountNumber), read.Tariff, $"{alert.Rule} over {alert.Threshold} kWh"); // clean generated-api
        activity?.SetTag(UsageAttributes.HolderEmail, read.HolderEmail); // leak TC1001 generated-api
        activity?.SetTag(UsageAttributes.AccountId, pseudonymizer.ComputeUsageAccountId(read.AccountNumber)); // clean precision-pseudonym
        activity?.SetTag(UsageAttributes.AccountId, Pseudonym.FromComputed(read.AccountNumber).Value); // leak TC1001 precision-pseudonym

        logger.LogInformation("Alert {AlertId} raised by {Rule} in {Region}", alert.AlertId, alert.Rule, read.Region); // clean precision-about
        logger.LogInformation("Alert context {Context}", alert.Context); // leak TC1001 logging-objects
        logger.LogDebug("Alert context keys {Keys}", alert.Context.Keys); // clean logging-objects
        using (logger.BeginScope(dimensions.Where(d => !dropped.Contains(d.Key)).ToList())) // clean logging-objects
        {
            logger.LogInformation("Alert dispatched to the {Region} team", read.Region); // clean precision-about
        }
        using (logger.BeginScope(dimensions)) // leak TC1001 logging-objects
        {
            logger.LogDebug("Alert archived");
        }
    }
}

/// <summary>Evaluates a read against the account's baseline and says why it alerted.</summary>
public static class UsageRuleEngine
{
    public static UsageAlert? Evaluate(MeterRead read, decimal baselineKwh)
    {
        var threshold = baselineKwh * 3;
        if (read.Kwh <= threshold)
        {
            return null;
        }
        var context = new Dictionary<string, string>
        {
            ["window"] = read.ReadAt.ToString("yyyy-MM-dd"),
            ["baseline_kwh"] = baselineKwh.ToString("F1"),
            ["account"] = read.AccountNumber,
        };
        return new UsageAlert(Guid.NewGuid().ToString("N"), read, "triple-baseline", threshold, context);
    }
}
