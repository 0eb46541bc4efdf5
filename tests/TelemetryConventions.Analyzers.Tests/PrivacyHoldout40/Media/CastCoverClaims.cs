using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Media;

/// <summary>
/// The studio's production insurance covers shoot days lost when a named cast member is ill or injured.
/// The production office notifies the claim, attaches the doctor's certificate, and the insurer appoints a
/// loss adjuster.
/// </summary>
public sealed record CastIllnessNotification(
    string ProductionId,
    string CastMemberName,
    string AgentEmail,
    string Role,
    DateOnly FirstDayMissed,
    int ShootDaysLost,
    string IcdCode,
    string CertifyingDoctor);

public sealed record AdjusterAppointment(string AdjusterFirm, string AdjusterName, string AdjusterPhone, string FileReference);

public sealed record CastClaim(string ClaimId, string ProductionId, string CastMemberName, int ShootDaysLost, decimal DailyCost)
{
    public decimal Estimate => ShootDaysLost * DailyCost;
}

public interface ILossAdjusterPanel
{
    Task<AdjusterAppointment> AppointAsync(string claimId, string productionId, decimal estimate, CancellationToken cancellationToken);
}

public sealed class CastCoverClaimsService(
    ILossAdjusterPanel adjusters,
    IReadOnlyDictionary<string, decimal> dailyCostByProduction,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CastCoverClaimsService> logger)
{
    private readonly Histogram<double> _daysLost = meter.CreateHistogram<double>("production.cast_cover.days_lost", "d");

    public async Task<CastClaim> NotifyAsync(CastIllnessNotification notification, CancellationToken cancellationToken)
    {
        using var span = source.StartCoverClaim("cast", CoverClaimStage.Fnol);
        var claim = new CastClaim(
            "CAST-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
            notification.ProductionId,
            notification.CastMemberName,
            notification.ShootDaysLost,
            dailyCostByProduction.GetValueOrDefault(notification.ProductionId, 85_000m));

        span.SetCoverClaimId(claim.ClaimId);
        span.Activity?.SetTag("production.id", notification.ProductionId);
        span.Activity?.SetTag("production.cast.role", notification.Role); // clean precision-names
        span.Activity?.SetTag("production.cast.days_lost", notification.ShootDaysLost);
        span.Activity?.SetTag("production.cast.icd_code", notification.IcdCode); // clean precision-about
        span.Activity?.SetTag("production.cast.member", notification.CastMemberName); // leak TC1001 direct
        span.Activity?.SetTag("production.cast.member_ref", pseudonymizer.Compute("production.cast", notification.CastMemberName)); // clean precision-pseudonym
        span.Activity?.SetTag(CoverAttributes.PolicyholderContact, notification.AgentEmail); // leak TC1001 generated-api
        _daysLost.Record(notification.ShootDaysLost, new KeyValuePair<string, object?>("production", notification.ProductionId));

        logger.LogInformation("Cast claim {Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Cast claim {ClaimId}: {Days} days, estimate {Estimate:C0}", claim.ClaimId, claim.ShootDaysLost, claim.Estimate); // clean logging-objects
        logger.LogDebug("Medical certificate signed by {Doctor}", notification.CertifyingDoctor); // leak TC1001 direct

        var appointment = await adjusters.AppointAsync(claim.ClaimId, claim.ProductionId, claim.Estimate, cancellationToken);
        span.Activity?.SetTag("production.adjuster.firm", appointment.AdjusterFirm); // clean direct
        span.Activity?.SetTag("production.adjuster.file", appointment.FileReference);
        span.SetCoverNote($"adjuster {appointment.AdjusterName} ({appointment.AdjusterPhone}) appointed"); // leak TC1001 generated-api
        return claim;
    }

    /// <summary>Weekly report to the completion guarantor: counts only, per production.</summary>
    public void Report(IReadOnlyList<CastClaim> open)
    {
        var byProduction = open.GroupBy(c => c.ProductionId).Select(g => new { Production = g.Key, Claims = g.Count(), Days = g.Sum(c => c.ShootDaysLost) }).ToList();
        logger.LogInformation("Open cast claims by production: {@ByProduction}", byProduction); // clean logging-objects
        logger.LogInformation("Open cast claims: {@Claims}", open.Select(c => new { c.ClaimId, c.CastMemberName })); // leak TC1001 logging-objects
    }
}
