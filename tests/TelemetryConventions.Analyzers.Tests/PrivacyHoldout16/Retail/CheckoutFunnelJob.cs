using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Retail;

public sealed record CheckoutStepEvent(string CustomerId, string SignupWeek, string Step, DateTimeOffset At);

/// <summary>Computes the checkout funnel per signup cohort and assigns remarketing groups.</summary>
public sealed class CheckoutFunnelJob(ILogger<CheckoutFunnelJob> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Shop.Analytics.Funnels");

    private readonly Histogram<double> _conversion = meter.CreateHistogram<double>("checkout.funnel.conversion", "1");

    private readonly Counter<long> _abandoned = meter.CreateCounter<long>("checkout.abandoned", "{customer}");

    public void Run(IReadOnlyList<CheckoutStepEvent> events, DateOnly day)
    {
        using var activity = Source.StartActivity("funnel.checkout");
        activity?.SetTag("funnel.day", day.ToString("O"));

        foreach (var cohort in events.GroupBy(e => e.SignupWeek))
        {
            var customers = cohort.Select(e => e.CustomerId).Distinct().Count();
            var paid = cohort.Where(e => e.Step == "paid").Select(e => e.CustomerId).Distinct().Count();
            var rate = customers == 0 ? 0 : (double)paid / customers;
            _conversion.Record(rate, new KeyValuePair<string, object?>("cohort", cohort.Key), new("step", "paid")); // clean precision-about
        }

        var abandoned = events
            .GroupBy(e => e.CustomerId)
            .Where(g => g.Any(e => e.Step == "payment") && g.All(e => e.Step != "paid"))
            .Select(g => g.Key)
            .ToList();
        logger.LogInformation("{Count} carts abandoned at payment on {Day}", abandoned.Count, day); // clean precision-about
        logger.LogDebug("Abandoned at payment: {Customers}", string.Join(", ", abandoned)); // leak TC1001 cross-member

        foreach (var customerId in abandoned.Take(500))
        {
            var group = (customerId.GetHashCode() & 0x7fffffff) % 4;
            activity?.AddEvent(new ActivityEvent("remarketing.assigned", tags: new ActivityTagsCollection { ["group"] = group })); // leak TC1002 hashes
            _abandoned.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeAnalyticsUserId(customerId))); // leak TC1003 precision-pseudonym
        }
    }
}
