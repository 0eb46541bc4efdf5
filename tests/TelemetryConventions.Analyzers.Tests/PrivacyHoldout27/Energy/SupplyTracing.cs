using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout27.Energy;

/// <summary>
/// The activity listener the supply platform registers beside the OpenTelemetry SDK: it samples
/// every span of a Priority Services household and logs slow operations.
/// </summary>
public static class SupplyTracing
{
    public const string AccountProperty = "supply.account";

    public static ActivityListener CreateListener(ILogger logger, TimeSpan slow) => new()
    {
        ShouldListenTo = source => source.Name.StartsWith("Supply.", StringComparison.Ordinal),
        Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
        {
            var account = SupplyAccountContext.Current;
            if (account is null)
            {
                return ActivitySamplingResult.PropagationData;
            }

            if (account.PriorityServices)
            {
                options.SamplingTags.Add("supply.priority_services", true); // clean precision-about
                options.SamplingTags.Add("supply.account_number", account.AccountNumber); // leak TC1001 cross-member
                options.SamplingTags.Add("supply.meter_model", account.MeterSerial[..3]); // clean precision-about
                return ActivitySamplingResult.AllDataAndRecorded;
            }

            return account.Region == "north-scotland" ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.AllData;
        },
        ActivityStarted = activity =>
        {
            if (SupplyAccountContext.Current is { } account)
            {
                activity.SetCustomProperty(AccountProperty, account.AccountNumber); // clean direct
            }
        },
        ActivityStopped = activity =>
        {
            if (activity.Duration > slow && activity.GetCustomProperty(AccountProperty) is string accountNumber)
            {
                logger.LogWarning("Slow {Operation} ({DurationMs} ms) for account {Account}", activity.DisplayName, activity.Duration.TotalMilliseconds, accountNumber); // leak TC1001 cross-member
            }
        },
    };

    /// <summary>
    /// Adds the supplier's vendor entry to the W3C tracestate, which the industry data hub reads
    /// to route its own spans.
    /// </summary>
    public static void AddHubTraceState(Activity activity, SupplyAccountContext account)
    {
        var existing = string.IsNullOrEmpty(activity.TraceStateString) ? string.Empty : "," + activity.TraceStateString;
        activity.TraceStateString = $"dhub=sup:{account.SupplierId};reg:{account.Region}{existing}"; // clean strings
    }

    public static void AddSwitchTraceState(Activity activity, SupplyAccountContext account)
    {
        activity.TraceStateString = $"dhub=mpan:{account.Mpan}"; // leak TC1001 strings
    }
}

public interface ITariffBook
{
    string CurrentTariff(string accountNumber);

    void Switch(string accountNumber, string tariff);
}

public sealed class TariffSwitchHandler(ITariffBook tariffs)
{
    private static readonly ActivitySource Source = new("Supply.Tariffs");

    public void Switch(string newTariff)
    {
        var account = SupplyAccountContext.Current ?? throw new InvalidOperationException("No account in context.");
        using var activity = Source.StartActivity("tariff switch");
        if (activity is not null)
        {
            SupplyTracing.AddSwitchTraceState(activity, account); // leak TC1001 cross-member
        }

        var previous = tariffs.CurrentTariff(account.AccountNumber);
        tariffs.Switch(account.AccountNumber, newTariff);
        MeterEventSource.Log.TariffSwitched(account.SupplierId, account.AccountRef, previous, newTariff); // clean precision-pseudonym
    }
}
