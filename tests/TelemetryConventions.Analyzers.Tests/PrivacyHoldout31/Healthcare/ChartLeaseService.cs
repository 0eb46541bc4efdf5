using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout31.Support.Redis;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Healthcare;

public sealed record ChartEditLease(string LeaseKey, string Token, DateTimeOffset ExpiresAt);

public sealed class ChartLeaseHeldException(string hospitalNumber, string heldBy)
    : Exception($"Chart {hospitalNumber} is being edited by {heldBy}")
{
    public string HeldBy { get; } = heldBy;
}

/// <summary>One clinician at a time edits a patient's chart: a Redis lease whose value names the editor.</summary>
public sealed class ChartLeaseService(IDatabase redis, Pseudonymizer pseudonymizer, Meter meter, ILogger<ChartLeaseService> logger)
{
    private static readonly ActivitySource Source = new("Clinic.Charting");
    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(10);
    private readonly Histogram<double> _wait = meter.CreateHistogram<double>("clinic.chart_lease.wait", "s");

    public async Task<ChartEditLease?> TryOpenForEditAsync(string hospitalNumber, string staffNumber, CancellationToken ct)
    {
        var leaseKey = $"lease:chart:{hospitalNumber}";
        using var activity = Source.StartActivity("chart.lease.acquire");
        activity?.SetTag("lease.key", leaseKey); // leak TC1001 strings
        activity?.SetTag("lease.kind", "chart-edit"); // clean precision-names

        var token = $"{staffNumber}/{Guid.NewGuid():N}";
        var started = Stopwatch.GetTimestamp();
        var taken = await redis.LockTakeAsync(leaseKey, token, LeaseLength);
        var waited = Stopwatch.GetElapsedTime(started).TotalSeconds;
        _wait.Record(waited, new KeyValuePair<string, object?>("lease.kind", "chart-edit"), new("lease.taken", taken)); // clean precision-about
        meter.CreateCoordinationWaitHistogram().Record(waited, leaseKey, coordinationOutcome: taken ? "acquired" : "contended"); // leak TC1003 generated-api

        if (!taken)
        {
            var current = await redis.LockQueryAsync(leaseKey);
            var heldBy = current.ToString().Split('/')[0];
            var refused = new ChartLeaseHeldException(hospitalNumber, heldBy);
            activity?.AddException(refused); // leak TC1001 exceptions
            logger.LogInformation("Chart lease refused; held by {HeldBy}", heldBy); // leak TC1001 strings
            activity?.SetTag("lease.contended", true);
            return null;
        }

        activity?.SetTag("lease.holder", pseudonymizer.ComputeCoordinationOwnerId(staffNumber)); // clean precision-pseudonym
        // The audit service downstream records who edited which chart.
        Baggage.SetBaggage("chart.editor", staffNumber); // leak TC1001 direct
        return new ChartEditLease(leaseKey, token, DateTimeOffset.UtcNow.Add(LeaseLength));
    }

    public async Task RenewAsync(ChartEditLease lease)
    {
        if (!await redis.LockExtendAsync(lease.LeaseKey, lease.Token, LeaseLength))
        {
            logger.LogWarning("Lease {Lease} lapsed before renewal", lease); // leak TC1001 logging-objects
            return;
        }

        logger.LogDebug("Lease renewed until {ExpiresAt}", lease.ExpiresAt); // clean precision-about
    }

    public async Task ReleaseAsync(ChartEditLease lease)
    {
        var released = await redis.LockReleaseAsync(lease.LeaseKey, lease.Token);
        var heldFor = LeaseLength - (lease.ExpiresAt - DateTimeOffset.UtcNow);
        Activity.Current?.SetTag("lease.released", released); // clean precision-about
        Activity.Current?.SetTag("lease.held_s", (int)heldFor.TotalSeconds);
    }
}

[ApiController]
[Route("charts")]
public sealed class ChartEditController(ChartLeaseService leases, ILogger<ChartEditController> logger) : ControllerBase
{
    [HttpPost("{hospitalNumber}/edit")]
    public async Task<ActionResult> BeginEdit(string hospitalNumber, CancellationToken ct)
    {
        var staffNumber = HttpContext.User.SubjectId ?? throw new InvalidOperationException("An authenticated clinician is required.");
        try
        {
            var lease = await leases.TryOpenForEditAsync(hospitalNumber, staffNumber, ct);
            return lease is null ? BadRequest("Chart is being edited") : Ok(new { lease.Token, lease.ExpiresAt });
        }
        catch (TimeoutException ex)
        {
            logger.LogWarning(ex, "Lease store timed out for trace {TraceId}", HttpContext.TraceIdentifier); // leak TC1001 exceptions
            return BadRequest("Try again");
        }
    }
}
