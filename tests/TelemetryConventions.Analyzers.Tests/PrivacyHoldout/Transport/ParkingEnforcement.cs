using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyHoldout.Transport;

public sealed record PlateRead(string CameraId, string ZoneCode, string Plate, double Confidence, DateTimeOffset ReadAt);

public sealed record Permit(string PermitNumber, string Plate, string HolderName, DateOnly ValidUntil);

public sealed class PermitExpiredException(Permit permit)
    : Exception($"Permit {permit.PermitNumber} for {permit.Plate} expired on {permit.ValidUntil}")
{
    public Permit Permit { get; } = permit;
}

public interface IPermitRegistry
{
    Permit? ForPlate(string plate);
}

/// <summary>Checks the number plates read by the zone cameras against resident parking permits.</summary>
public sealed class ParkingEnforcementWorker(IQueueReceiver<PlateRead> reads, IPermitRegistry permits, TelemetrySecrets secrets, Meter meter, ILogger<ParkingEnforcementWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Parking.Enforcement");
    private readonly Counter<long> _reads = meter.CreateCounter<long>("parking.plate.reads");
    private readonly Counter<long> _violations = meter.CreateCounter<long>("parking.violations");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await reads.ReceiveAsync(stoppingToken) is { } read)
        {
            using var activity = Source.StartActivity("parking.plate.check");
            activity?.SetTag("parking.camera.id", read.CameraId);
            activity?.SetTag("parking.zone", read.ZoneCode);
            activity?.SetTag("parking.plate.confidence", read.Confidence);
            activity?.SetTag("parking.plate.length", read.Plate.Length); // clean precision-about
            _reads.Add(1, new KeyValuePair<string, object?>("parking.zone", read.ZoneCode), new KeyValuePair<string, object?>("parking.plate.low_confidence", read.Confidence < 0.8)); // clean precision-about

            if (read.Confidence < 0.8)
            {
                logger.LogDebug("Low-confidence read {Plate} from camera {CameraId}", read.Plate, read.CameraId); // leak TC1001 direct
                continue;
            }

            var permit = permits.ForPlate(read.Plate);
            activity?.SetTag("parking.permit.found", permit is not null); // clean precision-about
            activity?.SetTag("parking.permit.days_left", permit is null ? null : permit.ValidUntil.DayNumber - DateOnly.FromDateTime(read.ReadAt.UtcDateTime).DayNumber); // clean precision-about
            try
            {
                Check(permit, read);
            }
            catch (PermitExpiredException ex)
            {
                activity?.AddEvent(new ActivityEvent("parking.permit.expired", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                logger.LogWarning("Expired permit in zone {Zone}, valid until {ValidUntil}", read.ZoneCode, ex.Permit.ValidUntil); // clean exceptions
                logger.LogWarning("Expired permit holder {Holder}", ex.Permit.HolderName); // leak TC1001 cross-member
            }
            catch (InvalidOperationException)
            {
                var plateKey = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(read.Plate.Replace(" ", ""))));
                activity?.SetTag("parking.violation.plate_key", plateKey); // leak TC1002 hashes
                var plateBucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.ASCII.GetBytes(read.Plate))[0] % 4;
                _violations.Add(1, new KeyValuePair<string, object?>("parking.zone", read.ZoneCode), new KeyValuePair<string, object?>("parking.review.queue", plateBucket)); // clean hashes
                _violations.Add(1, new KeyValuePair<string, object?>("parking.plate", read.Plate)); // leak TC1003 direct
            }
        }
    }

    private static void Check(Permit? permit, PlateRead read)
    {
        if (permit is null)
        {
            throw new InvalidOperationException("no permit");
        }
        if (permit.ValidUntil < DateOnly.FromDateTime(read.ReadAt.UtcDateTime))
        {
            throw new PermitExpiredException(permit);
        }
    }
}
