using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Transport;

/// <summary>A crash alert from the black box fitted to a policyholder's own car (telematics motor insurance).</summary>
public sealed record CrashAlert(
    string BoxImei,
    string Vin,
    string Registration,
    double Latitude,
    double Longitude,
    double PeakG,
    int SpeedBeforeKph,
    DateTimeOffset At);

public sealed record MotorPolicy(string PolicyNumber, string PolicyholderName, string MobileNumber, string Registration, decimal Excess);

public sealed record AdjusterVisit(string Firm, string AdjusterName, string AdjusterMobile, DateOnly VisitDate);

public interface IMotorPolicies
{
    Task<MotorPolicy?> ForBoxAsync(string boxImei, CancellationToken cancellationToken);
}

public interface IMotorAdjusters
{
    Task<AdjusterVisit> AppointAsync(string claimId, string region, CancellationToken cancellationToken);
}

/// <summary>
/// The telematics platform publishes crash alerts on <c>telematics.crash</c>, keyed by the box's IMEI. Each
/// alert above the severity threshold opens a first notice of loss and calls the policyholder.
/// </summary>
public sealed class TelematicsCrashFnolConsumer(
    IConsumer<string, CrashAlert> consumer,
    IMotorPolicies policies,
    IMotorAdjusters adjusters,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TelematicsCrashFnolConsumer> logger) : BackgroundService
{
    private const double SevereG = 4.0;

    private readonly Histogram<double> _peakG = meter.CreateHistogram<double>("telematics.crash.peak_g", "g");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = source.StartActivity("telematics.crash", ActivityKind.Consumer);
            activity?.SetTag("messaging.destination.name", result.Topic);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset);
            await HandleAsync(activity, result.Message.Value, stoppingToken);
            consumer.Commit(result);
        }
    }

    private async Task HandleAsync(Activity? activity, CrashAlert alert, CancellationToken cancellationToken)
    {
        activity?.SetTag("crash.peak_g", alert.PeakG);
        activity?.SetTag("crash.area", $"{Math.Round(alert.Latitude, 1)},{Math.Round(alert.Longitude, 1)}"); // clean precision-about
        activity?.SetTag("crash.position", $"{alert.Latitude:F5},{alert.Longitude:F5}"); // leak TC1001 strings
        _peakG.Record(alert.PeakG, new KeyValuePair<string, object?>("severe", alert.PeakG >= SevereG)); // clean precision-about

        if (alert.PeakG < SevereG)
        {
            logger.LogDebug("Minor event {PeakG}g from vehicle {Vin}", alert.PeakG, alert.Vin); // leak TC1001 direct
            return;
        }

        var policy = await policies.ForBoxAsync(alert.BoxImei, cancellationToken);
        if (policy is null)
        {
            logger.LogError("Crash alert from an unassigned box: {Alert}", alert); // leak TC1001 logging-objects
            return;
        }

        var claimId = "MC-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var span = new CoverClaimSpan(activity);
        span.SetCoverClaimId(claimId);
        span.SetCoverPolicyholderId(pseudonymizer.PseudonymizeCoverPolicyholderId(policy.PolicyNumber));
        span.SetCoverExcessAmount((double)policy.Excess);
        span.SetCoverNote($"severe impact {alert.PeakG:F1}g at {alert.SpeedBeforeKph} km/h"); // clean generated-api
        activity?.SetTag("crash.vehicle.registration_area", policy.Registration[..2]); // clean precision-about
        if (activity is not null)
        {
            activity.DisplayName = $"fnol {policy.Registration}"; // leak TC1001 strings
        }


        var adjuster = await adjusters.AppointAsync(claimId, policy.Registration[..2], cancellationToken);
        activity?.SetTag("crash.adjuster.firm", adjuster.Firm);
        activity?.AddEvent(new ActivityEvent("adjuster.appointed", tags: new ActivityTagsCollection { ["adjuster.name"] = adjuster.AdjusterName, ["adjuster.visit"] = adjuster.VisitDate.ToString("yyyy-MM-dd") })); // leak TC1001 cross-member
        logger.LogWarning("FNOL {ClaimId} opened from crash alert; calling {Policyholder} on {Mobile}", claimId, policy.PolicyholderName, policy.MobileNumber); // leak TC1001 direct
        meter.CreateCoverClaimsCounter().Add(1, "motor", coverClaimStage: CoverClaimStage.Fnol, coverOutcome: "telematics");
    }
}
