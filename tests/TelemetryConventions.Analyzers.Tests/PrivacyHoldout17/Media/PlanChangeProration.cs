using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using PrivacyHoldout17.Telemetry;

namespace PrivacyHoldout17.Media;

/// <summary>What a plan change costs: the unused part of the old plan credited, the new plan charged pro rata.</summary>
public sealed record ProrationQuote(Guid SubscriberId, string FromPlan, string ToPlan, long CreditMinor, long ChargeMinor, string Currency, string CreditNoteNumber);

/// <summary>The same quote without the subscriber, as the plans team reports it.</summary>
public sealed record PlanChangeSummary(string FromPlan, string ToPlan, long CreditMinor, long ChargeMinor, string Currency);

public sealed class PlanChangeProration(TimeProvider clock, Meter meter, ILogger<PlanChangeProration> logger)
{
    private readonly Histogram<long> _netCharge = meter.CreateHistogram<long>("plans.change.net_charge", "{minor_unit}");

    public ProrationQuote Quote(Subscriber subscriber, string toPlan, long oldPlanMinor, long newPlanMinor, DateTimeOffset periodStart, DateTimeOffset periodEnd, string creditNoteNumber)
    {
        var now = clock.GetUtcNow();
        var remaining = (periodEnd - now) / (periodEnd - periodStart);
        var quote = new ProrationQuote(
            subscriber.SubscriberId,
            subscriber.Plan,
            toPlan,
            (long)Math.Round(oldPlanMinor * remaining),
            (long)Math.Round(newPlanMinor * remaining),
            subscriber.Country == "GB" ? "GBP" : "EUR",
            creditNoteNumber);

        logger.LogInformation("Plan change quoted {Quote}", quote); // leak TC1001 logging-objects
        var summary = new PlanChangeSummary(quote.FromPlan, quote.ToPlan, quote.CreditMinor, quote.ChargeMinor, quote.Currency);
        logger.LogInformation("Plan change quoted {@Summary}", summary); // clean logging-objects

        Activity.Current?.SetTag(BillingAttributes.DocumentNumber, quote.CreditNoteNumber); // clean precision-names
        Activity.Current?.SetTag("plan.change.subscriber", quote.SubscriberId); // leak TC1001 cross-member
        _netCharge.Record(quote.ChargeMinor - quote.CreditMinor, new KeyValuePair<string, object?>("plan.from", quote.FromPlan), new KeyValuePair<string, object?>("plan.to", quote.ToPlan), new KeyValuePair<string, object?>("currency", quote.Currency)); // clean precision-names
        return quote;
    }
}
