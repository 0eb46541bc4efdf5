using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout43.Telemetry;

namespace PrivacyHoldout43.Retail;

/// <summary>
/// A shop's application to the council for small business rate relief. The property reference names
/// the shop unit in the valuation list; the rates account is the ratepayer's, who is often a sole trader.
/// </summary>
public sealed record RatesReliefApplication(
    string ApplicationId,
    string RatesAccountReference,
    string PropertyReference,
    bool SoleTrader,
    string RatepayerName,
    string? CompanyNumber,
    decimal RateableValue,
    string ContactEmail,
    string BankSortCode,
    string BankAccountNumber);

public sealed record RecoveryAction(string RatesAccountReference, string Stage, decimal Arrears, DateOnly HearingDate);

public sealed class RatesReliefService(ILogger<RatesReliefService> logger, System.Diagnostics.Metrics.Meter meter)
{
    private const decimal Threshold = 15000m;

    public bool Assess(RatesReliefApplication application)
    {
        var activity = Activity.Current;
        activity?.SetTag("rates.property_reference", application.PropertyReference); // clean direct
        activity?.SetTag("rates.rateable_value", application.RateableValue); // clean precision-about
        activity?.SetTag("rates.sole_trader", application.SoleTrader); // clean precision-about
        activity?.SetTag("rates.account", application.RatesAccountReference); // leak TC1001 direct

        if (application.SoleTrader)
        {
            logger.LogInformation("Relief application from {Ratepayer}", application.RatepayerName); // leak TC1001 direct
        }
        else
        {
            logger.LogInformation("Relief application from company {CompanyNumber}", application.CompanyNumber); // clean direct
        }

        var eligible = application.RateableValue <= Threshold;
        var outcome = eligible ? "granted" : $"refused-rv-over-{Threshold:0}";
        meter.CreateCaseworkDecisionsCounter().Add(1, "rates-relief", outcome); // clean generated-api

        if (eligible)
        {
            logger.LogDebug("Relief credited; refunds go to sort code {SortCode}", application.BankSortCode); // clean precision-about
            logger.LogInformation("Award letter addressed to {Addressee}", Addressee(application)); // leak TC1001 cross-member
        }

        return eligible;
    }

    private static string Addressee(RatesReliefApplication application) =>
        application.SoleTrader ? application.RatepayerName : $"The Directors, company {application.CompanyNumber}";

    public void Recover(RecoveryAction action)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["RatesAccount"] = action.RatesAccountReference, ["Stage"] = action.Stage }); // leak TC1001 logging-objects
        logger.LogWarning("Liability order hearing {HearingDate} for arrears of {Arrears}", action.HearingDate, action.Arrears);
    }
}
