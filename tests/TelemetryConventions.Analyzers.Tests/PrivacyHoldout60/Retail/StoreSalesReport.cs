using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Retail;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Order(string OrderId, string StoreCode, string Region, string CustomerNumber, string? LoyaltyCardNumber, string CustomerEmail, DateTimeOffset PlacedAt, IReadOnlyList<OrderLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
}

public interface IOrderStore
{
    Task<IReadOnlyList<Order>> ForRegionAsync(string region, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>The weekly sales report of a region for the commercial team.</summary>
public sealed partial class StoreSalesReport(
    IOrderStore orders,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<StoreSalesReport> logger)
{
    public async Task RunAsync(string region, DateOnly weekStart, CancellationToken cancellationToken)
    {
        using var report = source.StartSalesReportBuild(region); // clean direct
        var week = await orders.ForRegionAsync(region, weekStart, weekStart.AddDays(7), cancellationToken);
        report.SetSalesOrdersCount(week.Count);
        report.SetSalesRevenue((double)week.Sum(o => o.Total));

        var byStore = week.GroupBy(o => o.StoreCode)
            .Select(g => new { Store = g.Key, Orders = g.Count(), Revenue = g.Sum(o => o.Total), Basket = g.Average(o => o.Total) })
            .OrderByDescending(s => s.Revenue)
            .ToList();
        logger.LogInformation("Sales of {Region} by store {@Stores}", region, byStore); // clean logging-objects
        report.SetSalesStoreCode(byStore.First().Store); // clean cross-member
        foreach (var store in byStore)
        {
            meter.CreateSalesOrdersCounter().Add(store.Orders, store.Store); // clean cross-member
        }

        var topSkus = week.SelectMany(o => o.Lines).GroupBy(l => l.Sku).Select(g => (Sku: g.Key, Units: g.Sum(l => l.Quantity))).OrderByDescending(s => s.Units).Take(10);
        Tag(report.Activity, "sales.top_skus", topSkus.Select(s => s.Sku)); // clean cross-member

        var topCustomers = week.GroupBy(o => o.CustomerNumber)
            .Select(g => (Customer: g.Key, Spend: g.Sum(o => o.Total)))
            .OrderByDescending(c => c.Spend)
            .Take(10)
            .ToList();
        Tag(report.Activity, "sales.top_customers", topCustomers.Select(c => c.Customer)); // leak TC1001 cross-member
        var (topCustomer, topSpend) = topCustomers.FirstOrDefault();
        report.Activity?.SetTag("sales.top_customer", topCustomer); // leak TC1001 cross-member
        report.Activity?.SetTag("sales.top_customer.spend", (double)topSpend); // clean precision-about
        Tag(report.Activity, "sales.top_customers.refs", topCustomers.Select(c => pseudonymizer.ComputeSalesCustomerId(c.Customer))); // clean precision-pseudonym
        report.Activity?.SetTag("sales.top_customers.min_spend", topCustomers.Select(c => c.Spend).DefaultIfEmpty().Min());
        foreach (var (customer, spend) in topCustomers.Take(3))
        {
            TopCustomer(logger, region, customer, spend); // leak TC1001 direct
            TopCustomerRedacted(logger, region, customer, spend); // clean direct
        }

        var segments = week.GroupBy(o => o.CustomerNumber).ToLookup(g => g.Count() switch { 1 => "new", < 5 => "regular", _ => "vip" }, g => g.Key);
        foreach (var segment in segments)
        {
            meter.CreateSalesOrdersCounter().Add(segment.Count(), "all", segment.Key); // clean cross-member
        }
        logger.LogInformation("VIP customers {Customers}", segments["vip"]); // leak TC1001 logging-objects
        logger.LogInformation("Customers per segment {@Segments}", segments.ToDictionary(s => s.Key, s => s.Count())); // clean logging-objects

        var customerCount = week.Select(o => o.CustomerNumber).Distinct().Count();
        var loyaltyShare = week.Count(o => o.LoyaltyCardNumber is not null) / (double)Math.Max(1, week.Count);
        logger.LogInformation("{CustomerCount} customers, {LoyaltyShare:P0} of orders on a loyalty card", customerCount, loyaltyShare); // clean precision-names

        var lateNight = week.Where(o => o.PlacedAt.Hour < 5).ToList();
        report.Activity?.SetTag("sales.late_night.orders", lateNight.Select(o => o.OrderId).ToArray()); // clean direct
        report.Activity?.SetTag("sales.late_night.emails", lateNight.Select(o => o.CustomerEmail).Distinct().ToArray()); // leak TC1001 direct

        var sampled = week.Where(o => (uint)o.CustomerNumber.GetHashCode() % 100 < 5).ToList();
        report.SetSalesNote($"{sampled.Count} orders sampled for the basket survey"); // clean generated-api
        report.Activity?.SetTag("sales.survey.sample_keys", string.Join(",", sampled.Select(o => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(o.CustomerNumber)))))); // leak TC1002 hashes

        var emptyStore = byStore.LastOrDefault();
        try
        {
            var maxBasket = week.Where(o => o.StoreCode == emptyStore?.Store && o.Lines.Count > 0).Max(o => o.Total);
            report.Activity?.SetTag("sales.smallest_store.max_basket", (double)maxBasket); // clean precision-about
        }
        catch (InvalidOperationException ex)
        {
            report.RecordException(ex, includeMessage: true); // clean exceptions
        }
    }

    /// <summary>Tags a list of values joined with commas.</summary>
    private static void Tag(Activity? activity, string key, IEnumerable<string> values) =>
        activity?.SetTag(key, string.Join(",", values));

    [LoggerMessage(Level = LogLevel.Information, Message = "Top customer in {Region}: {CustomerNumber} spent {Spend}")]
    private static partial void TopCustomer(ILogger logger, string region, string customerNumber, decimal spend);

    [LoggerMessage(Level = LogLevel.Information, Message = "Top customer in {Region}: {CustomerNumber} spent {Spend}")]
    private static partial void TopCustomerRedacted(ILogger logger, string region, [PrivacyCorpus.Shared.PrivateData] string customerNumber, decimal spend);
}
