using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout14.Support;

namespace PrivacyHoldout14.Transport;

public sealed record PlateRead(string CameraId, string ZoneId, string Plate, double Confidence, DateTimeOffset At);

public sealed class PermitLookupException(string message) : Exception(message);

public interface IPermitRegistry
{
    ValueTask<bool> HasPermitAsync(string plate, string zoneId, CancellationToken cancellationToken);

    ValueTask<Vehicle?> VehicleForAsync(string plate, CancellationToken cancellationToken);
}

public sealed class EnforcementOptions
{
    public double MinimumConfidence { get; init; } = 0.8;

    public required string Council { get; init; }
}

public sealed class ParkingEnforcement(
    IPermitRegistry permits,
    ILogger<ParkingEnforcement> logger,
    IOptions<EnforcementOptions> options)
{
    public async Task ProcessAsync(IReadOnlyList<PlateRead> reads, CancellationToken cancellationToken)
    {
        using var activity = JourneyTelemetry.Source.StartActivity("anpr.batch");
        activity?.SetTag("anpr.council", options.Value.Council);
        activity?.SetTag("anpr.reads", reads.Count); // clean precision-about

        var perCamera =
            from r in reads
            group r by r.CameraId into g
            select new { Camera = g.Key, Reads = g.Count(), MeanConfidence = g.Average(x => x.Confidence) };
        logger.LogInformation("Batch by camera {@Cameras}", perCamera.ToList()); // clean logging-objects

        var doubtful =
            from r in reads
            where r.Confidence < options.Value.MinimumConfidence
            select r.Plate;
        logger.LogWarning("Low confidence reads {Plates}", doubtful.ToArray()); // leak TC1001 logging-objects

        foreach (var read in reads.Where(r => r.Confidence >= options.Value.MinimumConfidence))
        {
            try
            {
                await CheckAsync(read, activity, cancellationToken);
            }
            catch (PermitLookupException ex)
            {
                logger.LogError(ex, "Permit lookup failed in zone {ZoneId}", read.ZoneId); // leak TC1001 exceptions
                activity?.AddEvent(new ActivityEvent("anpr.lookup.failed", tags: new() { ["exception.type"] = nameof(PermitLookupException), ["anpr.zone"] = read.ZoneId })); // clean exceptions
            }
        }
    }

    private async Task CheckAsync(PlateRead read, Activity? activity, CancellationToken cancellationToken)
    {
        var vehicle = await permits.VehicleForAsync(read.Plate, cancellationToken);
        if (vehicle is Bus)
        {
            activity.TagVehicle(vehicle); // clean cross-member
            return;
        }

        if (vehicle is null)
        {
            throw new PermitLookupException($"Plate {read.Plate} is not registered");
        }

        if (!await permits.HasPermitAsync(read.Plate, read.ZoneId, cancellationToken))
        {
            // The masked plate keeps the registration area and hides the rest.
            var masked = string.Create(read.Plate.Length, read.Plate, static (span, plate) =>
            {
                span.Fill('*');
                plate.AsSpan(0, 2).CopyTo(span);
            });
            activity?.AddEvent(new ActivityEvent("anpr.unpaid", tags: new() { ["anpr.plate.masked"] = masked, ["anpr.zone"] = read.ZoneId })); // clean precision-about
            activity.TagVehicle(vehicle); // leak TC1001 cross-member
            logger.LogWarning("Unpaid stay for {Plate} in {ZoneId}", read.Plate, read.ZoneId); // leak TC1001 direct
        }
    }
}
