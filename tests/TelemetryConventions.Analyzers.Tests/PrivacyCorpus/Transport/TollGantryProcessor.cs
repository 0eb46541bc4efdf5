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
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Transport;

/// <summary>A camera read at a toll gantry; plates of private cars identify their keepers.</summary>
public sealed record PlateRead(string GantryId, string LicensePlate, string VehicleClass, double Confidence, DateTimeOffset SeenAt)
{
    public string? AccountHolderId { get; init; }
}

/// <summary>Matches plate reads to toll accounts; runs as a queue consumer.</summary>
public sealed class TollGantryProcessor(IQueueReceiver<PlateRead> reads, TelemetrySecrets secrets, Pseudonymizer pseudonymizer, ILogger<TollGantryProcessor> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Fleet.Tolling");
    private static readonly Meter Meter = new("Fleet.Tolling");
    private static readonly Counter<long> Reads = Meter.CreateCounter<long>("fleet.toll.reads");
    private static readonly Histogram<double> Confidence = Meter.CreateHistogram<double>("fleet.toll.read_confidence");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var read = await reads.ReceiveAsync(stoppingToken);
            if (read is not null)
            {
                Process(read);
            }
        }
    }

    private void Process(PlateRead read)
    {
        using var activity = Source.StartActivity("toll.read", ActivityKind.Consumer);
        activity?.SetTag("fleet.toll.gantry", read.GantryId); // clean direct
        activity?.SetTag("fleet.vehicle.class", read.VehicleClass); // clean direct
        activity?.SetTag("fleet.vehicle.plate", read.LicensePlate); // leak TC1001 direct
        activity?.SetTag("fleet.vehicle.plate_hash", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(read.LicensePlate)))); // leak TC1002 hashes
        activity?.SetTag("fleet.vehicle.plate_ref", Convert.ToHexString(HMACSHA512.HashData(secrets.PseudonymKey, Encoding.ASCII.GetBytes(read.LicensePlate)))); // clean hashes
        activity?.SetTag("fleet.vehicle.plate_length", read.LicensePlate.Length); // clean precision-about

        Confidence.Record(read.Confidence, new KeyValuePair<string, object?>("fleet.toll.gantry", read.GantryId)); // clean direct
        Reads.Add(1, new KeyValuePair<string, object?>("fleet.toll.gantry", read.GantryId), new KeyValuePair<string, object?>("plate", read.LicensePlate)); // leak TC1003 direct

        var anonymised = read with { LicensePlate = "XXXX", AccountHolderId = null };
        logger.LogDebug("Read {@Read}", anonymised); // clean cross-member
        logger.LogDebug("Read {@Read}", read); // leak TC1001 logging-objects
        if (read.Confidence < 0.6)
        {
            logger.LogWarning("Low confidence read at {Gantry} for plate {Plate}", read.GantryId, read.LicensePlate); // leak TC1001 direct
        }

        var holder = read.AccountHolderId is { } id ? pseudonymizer.Pseudonymize("fleet.account_holder", id) : default;
        activity?.SetTag("fleet.account_holder", holder.IsDefault ? "unmatched" : holder.Value); // clean precision-pseudonym
        activity?.SetTag("fleet.account_holder.matched", read.AccountHolderId is not null); // clean precision-about
        activity?.SetTag("fleet.account_holder.raw", read.AccountHolderId ?? "unmatched"); // leak TC1001 cross-member
    }
}
