using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Transport;

public sealed record PlateRead(string CameraId, string Plate, bool FleetVehicle, string ZoneCode, DateTimeOffset At);

public sealed record PermitCheckRequest(string Plate, string ZoneCode);

public sealed record PermitCheckReply(bool Valid, string? PermitId);

public sealed class PermitNotFoundException(string plate, string zone) : Exception($"No permit for {plate} in zone {zone}")
{
    public string Zone { get; } = zone;
}

/// <summary>Camera reads come in on the bus; fleet buses are skipped, private cars are checked for a permit.</summary>
public sealed class PlateReadConsumer(IPermitRegistry permits, ILogger<PlateReadConsumer> logger, Meter meter, TelemetrySecrets secrets) : IConsumer<PlateRead>
{
    private readonly Counter<long> _reads = meter.CreateCounter<long>("parking.plate.reads");

    public async Task Consume(ConsumeContext<PlateRead> context)
    {
        var read = context.Message;
        var activity = Activity.Current;
        activity?.SetTag("parking.camera.id", read.CameraId); // clean precision-names

        if (read.FleetVehicle)
        {
            activity?.SetTag("parking.fleet.plate", read.Plate); // clean precision-about
            return;
        }

        _reads.Add(1, new KeyValuePair<string, object?>("parking.zone", read.ZoneCode)); // clean precision-names
        activity?.SetTag("parking.plate.key", PlateKey(read.Plate)); // clean hashes
        activity?.SetTag("parking.plate.sha", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(read.Plate.Replace(" ", ""))))); // leak TC1002 hashes

        try
        {
            var permit = await permits.FindAsync(read.Plate, read.ZoneCode);
            activity?.SetTag("parking.permit.id", permit); // clean precision-names
        }
        catch (PermitNotFoundException ex)
        {
            logger.LogInformation(ex, "Penalty notice queued"); // leak TC1001 exceptions
            logger.LogInformation("Penalty notice queued in zone {Zone}", ex.Zone); // clean exceptions
            activity?.SetTag("parking.penalty.plate", read.Plate); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("parking.penalty", tags: new ActivityTagsCollection { ["notice"] = "PCN-" + read.ZoneCode + "-" + read.Plate })); // leak TC1001 strings
        }
    }

    private string PlateKey(string plate) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.ASCII.GetBytes(plate)));
}

/// <summary>Wardens' handhelds ask over gRPC whether a plate has a permit.</summary>
public sealed class PermitCheckService(IPermitRegistry permits, ILogger<PermitCheckService> logger)
{
    public async Task<PermitCheckReply> Check(PermitCheckRequest request, GrpcCallContext context)
    {
        Activity.Current?.SetTag("parking.zone", request.ZoneCode);

        try
        {
            var permit = await permits.FindAsync(request.Plate, request.ZoneCode);
            return new PermitCheckReply(true, permit);
        }
        catch (PermitNotFoundException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            Activity.Current?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            logger.LogDebug("Permit check for a plate of {Length} characters failed", request.Plate.Length); // clean precision-about
            return new PermitCheckReply(false, null);
        }
    }
}

public interface IPermitRegistry
{
    Task<string> FindAsync(string plate, string zoneCode);
}
