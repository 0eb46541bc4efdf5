using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serilog.Context;
using Serilog.Core;
using Serilog.Events;

namespace PrivacyHoldout22.Retail;

/// <summary>Adds the shopper's loyalty membership to the checkout service's Serilog events.</summary>
public sealed class LoyaltyEnricher(IHttpContextAccessor accessor) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var user = accessor.HttpContext?.User;
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("LoyaltyTier", user?.FindFirst("loyalty_tier")?.Value)); // clean precision-names
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("LoyaltyCard", user?.FindFirst("loyalty_card")?.Value)); // leak TC1001 direct
    }
}

public sealed record BasketLine(string Sku, int Quantity, long UnitPriceMinor);

public sealed record Basket(string BasketId, string CustomerEmail, IReadOnlyList<BasketLine> Lines);

/// <summary>Prices a basket with the basket in the log context.</summary>
public sealed partial class BasketPricing(ILogger<BasketPricing> logger)
{
    public long Price(Basket basket)
    {
        using var basketScope = LogContext.PushProperty("Basket", basket, destructureObjects: true); // leak TC1001 logging-objects
        using var linesScope = LogContext.PushProperty("Lines", basket.Lines, destructureObjects: true); // clean precision-names
        using var idScope = LogContext.PushProperty("BasketId", basket.BasketId); // clean precision-names

        var cohort = HashCode.Combine(basket.CustomerEmail) & 0xF;
        Activity.Current?.SetTag("pricing.experiment_cohort", cohort); // leak TC1002 hashes

        var total = basket.Lines.Sum(l => l.Quantity * l.UnitPriceMinor);
        Priced(basket.BasketId, basket.Lines.Count, total); // clean precision-names
        PricedFor(basket.CustomerEmail, total); // leak TC1001 direct
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Basket {BasketId} priced: {Lines} lines, {TotalMinor}")]
    private partial void Priced(string basketId, int lines, long totalMinor);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Priced {TotalMinor} for {CustomerEmail}")]
    private partial void PricedFor(string customerEmail, long totalMinor);
}
