using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout35.Support;

namespace PrivacyHoldout35.Transport;

/// <summary>A number-plate read at a park-and-ride barrier camera.</summary>
public sealed record PlateRead(long ReadId, string SiteId, string CameraId, string Plate, char Direction, DateTimeOffset At, double Confidence);

/// <summary>
/// Hourly occupancy extract of the park-and-ride sites for the planning dashboards: pairs entry and
/// exit reads into stays, drops repeated reads of the same vehicle, leaves the operator's own buses
/// out and writes occupancy per site and hour to the lake.
/// </summary>
public sealed class ParkAndRideOccupancyExtract(
    IReadOnlySet<string> fleetPlates,
    IDataLakeClient lake,
    ICheckpointStore checkpoints,
    TelemetrySecrets secrets,
    ILogger<ParkAndRideOccupancyExtract> logger)
{
    private const string Job = "pnr_occupancy_extract";
    private static readonly TimeSpan MaxStay = TimeSpan.FromHours(18);
    private static readonly ActivitySource Source = new("Transit.Lake.ParkAndRide");
    private static readonly Meter Meter = new("Transit.Lake.ParkAndRide");
    private static readonly Histogram<double> StayHours = Meter.CreateHistogram<double>("pnr.stay.hours", "h");
    private static readonly Counter<long> RepeatReads = Meter.CreateCounter<long>("pnr.reads.repeated", "{read}");

    public async Task RunAsync(string siteId, IReadOnlyList<PlateRead> reads, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("pnr.occupancy.extract");
        Baggage.SetBaggage("pnr.site", siteId); // clean direct
        var checkpoint = await checkpoints.GetAsync(Job + ":" + siteId, cancellationToken) ?? new JobCheckpoint(Job + ":" + siteId, DateTimeOffset.UnixEpoch, 0);

        var windows = new HashSet<string>(StringComparer.Ordinal);
        var cars = new List<PlateRead>();
        foreach (var read in reads.Where(r => r.At > checkpoint.Watermark).OrderBy(r => r.At))
        {
            if (fleetPlates.Contains(read.Plate))
            {
                TagVehicle(activity, read.Plate); // clean cross-member
                logger.LogDebug("Fleet bus {FleetPlate} left out of occupancy", read.Plate); // clean direct
                continue;
            }

            if (read.Confidence < 0.8)
            {
                logger.LogDebug("Low-confidence read {Plate} ({Confidence:P0}) on camera {CameraId}", read.Plate, read.Confidence, read.CameraId); // leak TC1001 direct
                continue;
            }

            var window = $"{read.Plate}|{read.Direction}|{read.At.ToUnixTimeSeconds() / 300}";
            if (!windows.Add(window))
            {
                var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(window))[0] % 8;
                RepeatReads.Add(1, new KeyValuePair<string, object?>("dedup.shard", shard)); // clean hashes
                RepeatReads.Add(1, new KeyValuePair<string, object?>("plate.area", read.Plate[..2])); // clean precision-about
                continue;
            }

            cars.Add(read);
        }

        var stays = new List<(string Plate, DateTimeOffset In, DateTimeOffset Out)>();
        foreach (var byPlate in cars.GroupBy(r => r.Plate))
        {
            PlateRead? entry = null;
            foreach (var read in byPlate)
            {
                if (read.Direction == 'E')
                {
                    entry = read;
                }
                else if (entry is not null)
                {
                    stays.Add((byPlate.Key, entry.At, read.At));
                    entry = null;
                }
            }
        }

        foreach (var stay in stays)
        {
            var hours = (stay.Out - stay.In).TotalHours;
            StayHours.Record(hours, new KeyValuePair<string, object?>("site", siteId)); // clean direct
            if (stay.Out - stay.In > MaxStay)
            {
                activity?.AddEvent(new ActivityEvent("pnr.overstay", tags: new ActivityTagsCollection { ["vehicle.plate"] = stay.Plate, ["stay.hours"] = hours })); // leak TC1001 direct
                TagVehicle(activity, stay.Plate); // leak TC1001 cross-member
            }
        }

        var occupancy = stays
            .SelectMany(s => Enumerable.Range(0, (int)Math.Ceiling((s.Out - s.In).TotalHours)).Select(h => s.In.AddHours(h)))
            .GroupBy(t => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, t.Offset))
            .Select(g => (Hour: g.Key, Vehicles: g.Count()))
            .OrderBy(x => x.Hour)
            .ToList();

        var path = $"transport/pnr_occupancy/site={siteId}/{DateTimeOffset.UtcNow:yyyyMMddHH}.csv";
        await using var buffer = new MemoryStream();
        using (var csv = new CsvFileWriter(new StreamWriter(buffer, leaveOpen: true)))
        {
            csv.WriteHeader(["hour", "vehicles"]);
            foreach (var (hour, vehicles) in occupancy)
            {
                csv.WriteRecord([hour.ToString("O"), vehicles.ToString()]);
            }
        }

        await lake.UploadAsync(path, new MemoryStream(buffer.ToArray()), overwrite: false, cancellationToken);
        logger.LogInformation("Occupancy for {Site} written to {Path}", siteId, path); // clean strings

        if (cars.Count > 0)
        {
            var next = new JobCheckpoint(checkpoint.Job, cars[^1].At, checkpoint.BatchNumber + 1, cars[^1].ReadId.ToString());
            await checkpoints.SaveAsync(next, cancellationToken);
            logger.LogInformation("Checkpoint {@Checkpoint}", next); // clean logging-objects
            logger.LogDebug("Last read of the batch: {Read}", cars[^1]); // leak TC1001 logging-objects
        }
    }

    /// <summary>Marks the vehicle a stay or an exclusion concerns on the extract's span.</summary>
    private static void TagVehicle(Activity? activity, string plate)
    {
        activity?.SetTag("pnr.vehicle.plate", plate); // leak TC1001 direct
    }
}
