using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PrivacyHoldout27.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout27.Retail;

public sealed record TierOrders(string RetailerId, string CustomerTier, long Orders);

public sealed record PointsBalance(string RetailerId, string LoyaltyNumber, long Points);

public interface IStoreStatistics
{
    IReadOnlyList<TierOrders> OrdersByTier();

    IReadOnlyList<PointsBalance> LargestBalances(int count);
}

/// <summary>Observable instruments of the commerce platform.</summary>
public sealed class StoreMetrics
{
    public StoreMetrics(Meter meter, IStoreStatistics statistics)
    {
        meter.CreateObservableCounter("commerce.orders", () => statistics.OrdersByTier().Select(o => new Measurement<long>(o.Orders, new KeyValuePair<string, object?>("commerce.retailer", o.RetailerId), new("customer.tier", o.CustomerTier)))); // clean precision-names
        meter.CreateObservableGauge("loyalty.points.balance", () => statistics.LargestBalances(20).Select(b => new Measurement<long>(b.Points, new KeyValuePair<string, object?>("loyalty.number", b.LoyaltyNumber)))); // leak TC1003 direct
    }
}

public enum PaymentOutcome
{
    Timeout,
    Authorised,
    Declined,
}

/// <summary>Times the payment step and records it, with its outcome, when disposed.</summary>
public sealed class PaymentStepTimer(Meter meter, string retailerId) : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public PaymentOutcome Outcome { get; set; }

    public void Dispose() =>
        meter.CreateTenancyWorkDurationHistogram().Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, retailerId, "payment", tenancyOutcome: Outcome.ToString().ToLowerInvariant()); // clean generated-api
}

/// <summary>Tags the checkout span with what the fraud team correlates on.</summary>
public sealed class FraudCorrelation(ShopperContext shopper)
{
    private static readonly ActivitySource Source = new("Commerce.Fraud");

    public void Annotate(Activity? activity)
    {
        activity?.SetTag("commerce.customer.hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(shopper.Email.ToLowerInvariant())))); // leak TC1002 hashes
        activity?.SetTag("commerce.customer.ref", shopper.CustomerRef); // clean precision-pseudonym
    }

    public void Review(string rule)
    {
        using var span = Source.StartTenancyWork(shopper.RetailerId, "fraud.review");
        span.SetTenancySubjectId(Pseudonym.FromComputed(shopper.CustomerNumber)).SetTenancyOutcome(rule); // leak TC1001 precision-pseudonym
    }
}
