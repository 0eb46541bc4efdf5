using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Support.Web;
using PrivacyHoldout16.Telemetry;

namespace PrivacyHoldout16.Energy;

public sealed record FunnelEvent(string AccountNumber, string Step, DateTimeOffset At);

public sealed record FunnelStep(string Step, int Accounts, double ConversionFromPrevious);

/// <summary>The nightly funnel of smart-meter installation bookings, by signup cohort.</summary>
public sealed class SmartMeterBookingFunnel(ILogger<SmartMeterBookingFunnel> logger, Meter meter)
{
    private static readonly string[] Steps = ["eligibility-checked", "slot-picked", "details-confirmed", "booked"];

    private readonly Histogram<double> _conversion = meter.CreateHistogram<double>("booking.funnel.conversion", "1");

    public IReadOnlyList<FunnelStep> Compute(IReadOnlyList<FunnelEvent> events, string cohortWeek)
    {
        var stepsByAccount = events
            .GroupBy(e => e.AccountNumber)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Step).ToHashSet());

        var result = new List<FunnelStep>();
        var previous = stepsByAccount.Count;
        foreach (var step in Steps)
        {
            var reached = stepsByAccount.Count(a => a.Value.Contains(step));
            var conversion = previous == 0 ? 0 : (double)reached / previous;
            result.Add(new FunnelStep(step, reached, conversion));
            logger.LogInformation("Funnel {Cohort} step {Step}: {Reached} accounts ({Conversion:P1})", cohortWeek, step, reached, conversion); // clean precision-about
            _conversion.Record(conversion, new KeyValuePair<string, object?>("cohort", cohortWeek), new("step", step)); // clean precision-about
            previous = reached;
        }

        var stalled = stepsByAccount
            .Where(a => a.Value.Contains("slot-picked") && !a.Value.Contains("booked"))
            .Select(a => a.Key)
            .ToList();
        logger.LogWarning("{Count} accounts stalled after picking a slot: {Accounts}", stalled.Count, stalled); // leak TC1001 cross-member
        logger.LogInformation("Funnel summary {@Summary}", new { Cohort = cohortWeek, Stalled = stalled.Count, Steps = result.Count }); // clean logging-objects
        return result;
    }
}

/// <summary>Screen views of the usage pages in the energy app.</summary>
public sealed class UsageScreenViews(ILogger<UsageScreenViews> logger)
{
    public void OnScreenView(PageViewBeacon beacon, string accountNumber, string? meterSerial)
    {
        var deepLink = $"https://app.example-energy.co.uk/accounts/{accountNumber}/usage?range=month";
        logger.LogDebug("Screen view {Route} from {ReferrerHost}", beacon.RouteTemplate, beacon.Referrer?.Host); // clean precision-about
        Activity.Current?.SetTag("app.deep_link", deepLink); // leak TC1001 strings
        Activity.Current?.SetTag("app.campaign", beacon.Utm.GetValueOrDefault("utm_campaign"));
        Activity.Current?.SetTag("app.meter.model", meterSerial?[..3]); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("usage.viewed", tags: new ActivityTagsCollection { ["meter"] = meterSerial, ["range"] = "month" })); // leak TC1001 direct
    }
}
