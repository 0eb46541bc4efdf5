using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Gaming;

/// <summary>A player adds ConsoleCare (accidental damage cover for their own console) in the platform store.</summary>
public sealed record ConsoleCarePurchase(
    Guid PlayerId,
    string Gamertag,
    string ConsoleSerial,
    string ConsoleModel,
    DateOnly ConsolePurchasedOn,
    string PlanSku,
    string CountryCode);

public sealed record ConsoleCareQuote(string QuoteReference, QuoteDecision Decision, string RuleId, decimal MonthlyPremium);

public sealed class ConsoleCareUnderwriter
{
    private static readonly TimeSpan MaxConsoleAge = TimeSpan.FromDays(365 * 3);

    public ConsoleCareQuote Quote(ConsoleCarePurchase purchase, DateOnly today)
    {
        var reference = "CC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        if (today.ToDateTime(TimeOnly.MinValue) - purchase.ConsolePurchasedOn.ToDateTime(TimeOnly.MinValue) > MaxConsoleAge)
        {
            return new ConsoleCareQuote(reference, QuoteDecision.Declined, "UW-CONSOLE-AGE", 0m);
        }

        return purchase.ConsoleModel.StartsWith("pro", StringComparison.OrdinalIgnoreCase)
            ? new ConsoleCareQuote(reference, QuoteDecision.Accepted, "UW-PRO-TIER", 7.99m)
            : new ConsoleCareQuote(reference, QuoteDecision.Accepted, "UW-STANDARD", 4.99m);
    }
}

public sealed class ConsoleCareCheckout(
    ConsoleCareUnderwriter underwriter,
    IClock clock,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ConsoleCareCheckout> logger)
{
    private readonly Counter<long> _attachments = meter.CreateCounter<long>("store.console_care.attached", "{plan}");
    private readonly Histogram<double> _premiums = meter.CreateHistogram<double>("store.console_care.premium", "USD");
    private readonly Counter<long> _declines = meter.CreateCounter<long>("store.console_care.declined", "{quote}");

    public ConsoleCareQuote Checkout(ConsoleCarePurchase purchase)
    {
        Activity.Current?.SetBaggage("player.ref", pseudonymizer.Compute("player", purchase.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetBaggage("player.id", purchase.PlayerId.ToString()); // leak TC1001 direct

        var quote = underwriter.Quote(purchase, DateOnly.FromDateTime(clock.UtcNow.UtcDateTime));
        using var span = source.StartQuoteUnderwrite(quote.QuoteReference, quote.Decision);
        span.SetQuoteSubjectId(pseudonymizer.PseudonymizeQuoteSubjectId(purchase.PlayerId.ToString())); // clean precision-pseudonym
        span.SetQuoteRule(quote.RuleId);
        span.SetQuotePremium((double)quote.MonthlyPremium);
        span.Activity?.SetTag("console.model", purchase.ConsoleModel);
        span.Activity?.SetTag("console.serial", purchase.ConsoleSerial); // leak TC1001 direct
        span.Activity?.SetTag("console.serial_length", purchase.ConsoleSerial.Length); // clean precision-about
        span.Activity?.SetTag("console.owner_country", purchase.CountryCode); // clean precision-names

        meter.CreateQuoteDecisionsCounter().Add(1, quote.Decision, quoteRule: quote.RuleId); // clean generated-api
        if (quote.Decision == QuoteDecision.Declined)
        {
            _declines.Add(1, new KeyValuePair<string, object?>("console.model", purchase.ConsoleModel), new KeyValuePair<string, object?>("gamertag", purchase.Gamertag)); // leak TC1003 direct
            logger.LogInformation("ConsoleCare declined for {Gamertag}: console bought {PurchasedOn}", purchase.Gamertag, purchase.ConsolePurchasedOn); // leak TC1001 direct
            return quote;
        }

        _attachments.Add(1, new KeyValuePair<string, object?>("plan", purchase.PlanSku), new KeyValuePair<string, object?>("country", purchase.CountryCode));
        _premiums.Record((double)quote.MonthlyPremium, new KeyValuePair<string, object?>("plan", purchase.PlanSku), new KeyValuePair<string, object?>("player", pseudonymizer.PseudonymizeQuoteSubjectId(purchase.PlayerId.ToString()).Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("ConsoleCare {Sku} attached to quote {Quote}", purchase.PlanSku, quote.QuoteReference);
        return quote;
    }
}
