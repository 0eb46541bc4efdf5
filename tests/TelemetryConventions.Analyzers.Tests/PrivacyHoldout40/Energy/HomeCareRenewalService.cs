using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Energy;

public sealed record HomeCareRenewalDue(string PolicyNumber, string AccountNumber, string FirstName, string Email, string Plan, decimal CurrentPremium, int YearsHeld, int ClaimsLastYear);

public sealed record RenewalPrice(decimal Premium, string RuleId, bool Capped);

public sealed record CancellationRequest(string PolicyNumber, string AccountNumber, string ReasonCode, string? CustomerComment, bool WithinCoolingOff);

public sealed class HomeCarePricingOptions
{
    public decimal LoyaltyCapPercent { get; set; } = 10m;

    public string[] ExperimentPlans { get; set; } = ["boiler-plus"];
}

/// <summary>
/// Renews HomeCare cover each year: reprices it with the rule book, writes to the customer, and
/// handles cancellations that come back from the renewal letter.
/// </summary>
public sealed class HomeCareRenewalService(
    IOptions<HomeCarePricingOptions> options,
    IEmailSender mail,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<HomeCareRenewalService> logger)
{
    private readonly Counter<long> _cancellations = meter.CreateCounter<long>("homecare.cancellations", "{policy}");
    private readonly Counter<long> _cancellationAttempts = meter.CreateCounter<long>("homecare.cancellation.attempts", "{request}");
    private readonly Counter<long> _invites = meter.CreateCounter<long>("homecare.renewal.invites", "{invite}");

    public async Task InviteAsync(HomeCareRenewalDue due, CancellationToken cancellationToken)
    {
        var price = Reprice(due);
        var quoteReference = "R-" + Guid.NewGuid().ToString("N")[..8];
        using var span = source.StartQuoteUnderwrite(quoteReference, QuoteDecision.Accepted);
        span.SetQuoteSubjectId(pseudonymizer.PseudonymizeQuoteSubjectId(due.AccountNumber)); // clean precision-pseudonym
        span.SetQuotePremium((double)price.Premium);
        span.SetQuoteRule(price.RuleId);

        if (price.Capped)
        {
            logger.LogQuoteRuleFiredEvent(price.RuleId, quoteNote: $"increase capped at {options.Value.LoyaltyCapPercent}% after {due.YearsHeld} years"); // clean generated-api
        }

        var cohort = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(due.AccountNumber))) % 4;
        Activity.Current?.SetTag("homecare.letter_cohort", cohort); // clean hashes
        var legacyBucket = HashCode.Combine(due.PolicyNumber) & 7;
        Activity.Current?.SetTag("homecare.legacy_bucket", legacyBucket); // leak TC1002 hashes

        var subject = $"{due.FirstName}, your HomeCare renews at £{price.Premium:0.00}";
        await mail.SendAsync(due.Email, subject, RenderLetter(due, price), cancellationToken);
        logger.LogInformation("Renewal invite sent: {Subject}", subject); // leak TC1001 strings
        logger.LogInformation("Renewal invite for {Customer} on {Plan} sent", pseudonymizer.Compute("energy.account", due.AccountNumber), due.Plan); // clean precision-pseudonym
        _invites.Add(1, new KeyValuePair<string, object?>("plan", due.Plan), new KeyValuePair<string, object?>("capped", price.Capped));
    }

    public void Cancel(CancellationRequest request)
    {
        using var span = source.StartQuoteUnderwrite("cancel-" + Guid.NewGuid().ToString("N")[..8], QuoteDecision.Declined);
        span.SetQuoteSubjectId(pseudonymizer.PseudonymizeQuoteSubjectId(request.AccountNumber)); // clean precision-pseudonym
        span.SetQuoteRule(request.ReasonCode); // clean generated-api
        span.SetQuoteNote(request.CustomerComment ?? "no comment"); // leak TC1001 generated-api
        _cancellations.Add(1, new KeyValuePair<string, object?>("reason", request.ReasonCode), new KeyValuePair<string, object?>("cooling_off", request.WithinCoolingOff)); // clean direct
        _cancellationAttempts.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.Compute("energy.account", request.AccountNumber))); // leak TC1003 precision-pseudonym
        Baggage.SetBaggage("homecare.policy", request.PolicyNumber); // leak TC1001 direct
    }

    private RenewalPrice Reprice(HomeCareRenewalDue due)
    {
        var list = due.Plan == "boiler-plus" ? 189m : 129m;
        var loading = due.ClaimsLastYear > 2 ? 1.15m : 1m;
        var proposed = list * loading;
        var cap = due.CurrentPremium * (1 + options.Value.LoyaltyCapPercent / 100m);
        return proposed > cap ? new RenewalPrice(cap, "RN-LOYALTY-CAP", true) : new RenewalPrice(proposed, "RN-LIST", false);
    }

    private static string RenderLetter(HomeCareRenewalDue due, RenewalPrice price) =>
        $"Dear {due.FirstName},\nYour {due.Plan} cover (policy {due.PolicyNumber}) renews at £{price.Premium:0.00}.";
}
