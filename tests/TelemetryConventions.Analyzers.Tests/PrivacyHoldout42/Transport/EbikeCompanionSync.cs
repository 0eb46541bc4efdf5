using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyHoldout42.Transport;

/// <summary>A ride the companion app uploads from a privately owned e-bike; the polyline is the full GPS trace.</summary>
public sealed record RideUpload(Guid RideId, string FrameNumber, string MotorFirmware, string Model, double DistanceKm, TimeSpan Duration, string Polyline, int AssistLevelChanges);

public sealed record TheftReport(string FrameNumber, string Model, string OwnerAccountId, DateTimeOffset LastSeen, string PoliceReference);

public interface IRideStore
{
    Task SaveAsync(RideUpload ride, CancellationToken cancellationToken);
}

public interface IStolenBikeRegister
{
    Task ReportAsync(string registerKey, string model, DateTimeOffset lastSeen, CancellationToken cancellationToken);
}

public static class EbikeEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/rides", (RideUpload ride, EbikeCompanionSync sync, CancellationToken ct) => sync.UploadRideAsync(ride, ct));
        routes.MapPost("/bikes/stolen", (TheftReport report, EbikeCompanionSync sync, CancellationToken ct) => sync.ReportTheftAsync(report, ct));
    }
}

public sealed class EbikeCompanionSync(
    IRideStore rides,
    IStolenBikeRegister register,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<EbikeCompanionSync> logger)
{
    private readonly Counter<long> _rides = meter.CreateCounter<long>("ebike.rides", "{ride}");
    private readonly Counter<long> _thefts = meter.CreateCounter<long>("ebike.thefts", "{report}");

    public async Task UploadRideAsync(RideUpload ride, CancellationToken cancellationToken)
    {
        logger.LogInformation("Ride uploaded {@Ride}", ride); // leak TC1001 logging-objects
        var activity = Activity.Current;
        activity?.SetTag("ride.id", ride.RideId); // clean precision-names
        activity?.SetTag("ride.distance_km", ride.DistanceKm); // clean precision-about
        activity?.SetTag("ride.trace", ride.Polyline); // leak TC1001 direct
        activity?.SetTag("ride.trace.length", ride.Polyline.Length); // clean precision-about
        await rides.SaveAsync(ride, cancellationToken);
        _rides.Add(1, new KeyValuePair<string, object?>("ebike.model", ride.Model), new KeyValuePair<string, object?>("ebike.motor.firmware", ride.MotorFirmware)); // clean precision-about
    }

    public async Task ReportTheftAsync(TheftReport report, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("ebike.frame", report.FrameNumber); // leak TC1001 direct
        activity?.SetTag("ebike.owner.ref", pseudonymizer.Compute("ebike.owner", report.OwnerAccountId)); // clean precision-pseudonym
        activity?.SetTag("police.reference", report.PoliceReference); // clean precision-names

        // The national register is keyed by SHA-256 of the frame number, as its API specification asks.
        var registerKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(report.FrameNumber.ToUpperInvariant())));
        activity?.SetTag("stolen_register.key", registerKey); // leak TC1002 hashes
        await register.ReportAsync(registerKey, report.Model, report.LastSeen, cancellationToken);
        _thefts.Add(1, new KeyValuePair<string, object?>("ebike.frame", report.FrameNumber)); // leak TC1003 direct
        logger.LogWarning("Theft of a {Model} reported, last seen {LastSeen}", report.Model, report.LastSeen); // clean precision-about
    }
}
