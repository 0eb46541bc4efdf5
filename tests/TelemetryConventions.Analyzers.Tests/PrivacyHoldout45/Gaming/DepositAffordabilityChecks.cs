using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Support.Bureau;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Gaming;

// Players who deposit more than a threshold into their tournament wallet within 30 days get a
// financial risk check: a soft search and an affordability estimate from the credit bureau. The
// result sets the player's deposit limit until the next review.

public sealed record DepositorProfile(Guid PlayerId, string Gamertag, string GivenName, string FamilyName, DateOnly DateOfBirth, BureauAddress Address, decimal Deposits30Days, string Tier);

public sealed record DepositLimitDecision(Guid PlayerId, decimal MonthlyLimit, string Band, DateOnly ReviewOn);

public sealed class DepositLimitExceededException(string gamertag, decimal limit)
    : Exception($"{gamertag} has reached the deposit limit of {limit:0.00}");

public sealed class DepositAffordabilityService(
    ICreditBureauClient bureau,
    IClock clock,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<DepositAffordabilityService> logger)
{
    private readonly Counter<long> _checks = meter.CreateCounter<long>("wallet.affordability.checks");
    private string? _lastFlaggedGamertag;

    public async Task<DepositLimitDecision> CheckAsync(DepositorProfile player, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetBaggage("player.id", player.PlayerId.ToString()); // leak TC1001 direct
        activity?.SetBaggage("player.ref", pseudonymizer.ComputeAccountHolderId(player.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag("wallet.player_tier", player.Tier); // clean precision-names
        activity?.SetTag("wallet.deposits_30d", (double)player.Deposits30Days); // clean precision-about
        activity?.SetTag("wallet.review.cohort", HashCode.Combine(player.PlayerId) & 7); // leak TC1002 hashes

        logger.LogInformation("Financial risk check for {Player}", player); // leak TC1001 logging-objects

        var report = await bureau.SearchAsync(new CreditSearchRequest(player.GivenName, player.FamilyName, player.DateOfBirth, player.Address, SearchType.Soft, "financial-risk"), cancellationToken);
        var affordability = await bureau.CheckAffordabilityAsync(report.SearchReference, cancellationToken);

        var band = affordability.DisposableIncome switch
        {
            < 200m => "low",
            < 800m => "medium",
            _ => "high",
        };
        var limit = band switch { "low" => 100m, "medium" => 500m, _ => 2000m };
        if (report.MissedPaymentsLast12Months > 2)
        {
            limit = Math.Min(limit, 100m);
            _lastFlaggedGamertag = player.Gamertag;
        }

        _checks.Add(1, new KeyValuePair<string, object?>("affordability.band", band), new KeyValuePair<string, object?>("bureau.score_band", report.ScoreBand)); // clean precision-about
        _checks.Add(1, new KeyValuePair<string, object?>("wallet.gamertag", player.Gamertag)); // leak TC1003 direct
        logger.LogInformation("Deposit limit {Limit} ({Band}) set after search {SearchReference}", limit, band, report.SearchReference); // clean precision-about
        return new DepositLimitDecision(player.PlayerId, limit, band, clock.Today.AddMonths(6));
    }

    public void Deposit(DepositorProfile player, DepositLimitDecision decision, decimal amount)
    {
        try
        {
            EnsureWithinLimit(player, decision, amount);
        }
        catch (DepositLimitExceededException ex)
        {
            logger.LogWarning(ex, "Deposit of {Amount} refused", amount); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            throw;
        }
    }

    private static void EnsureWithinLimit(DepositorProfile player, DepositLimitDecision decision, decimal amount)
    {
        if (player.Deposits30Days + amount > decision.MonthlyLimit)
        {
            throw new DepositLimitExceededException(player.Gamertag, decision.MonthlyLimit);
        }
    }

    public void ReportFlagged() =>
        logger.LogInformation("Last player limited for missed payments: {Gamertag}", _lastFlaggedGamertag); // leak TC1001 cross-member
}
