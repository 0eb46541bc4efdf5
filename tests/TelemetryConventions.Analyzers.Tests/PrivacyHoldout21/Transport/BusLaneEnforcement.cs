using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Transport;

/// <summary>One ANPR read of a bus lane camera. Its printed form leaves the plate out.</summary>
public sealed record AnprRead(string CameraId, string Vrm, double Confidence, DateTimeOffset SeenAt, string Lane)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("CameraId = ").Append(CameraId).Append(", Confidence = ").Append(Confidence.ToString(CultureInfo.InvariantCulture)).Append(", Lane = ").Append(Lane);
        return true;
    }
}

/// <summary>What a penalty notice is issued from.</summary>
public sealed record EvidencePack(string CameraId, string Vrm, DateTimeOffset SeenAt, Uri PlateImage, Uri OverviewClip);

public sealed record FleetBus(string FleetNumber, string Registration, string Depot);

public interface IFleetRegistry
{
    bool TryGetBus(string vrm, [NotNullWhen(true)] out FleetBus? bus);
}

/// <summary>
/// Reads the CSV lines the bus lane cameras post ("camera,time,vrm,confidence,lane") and raises
/// a contravention for every vehicle that is not one of the operator's buses.
/// </summary>
public sealed class BusLaneEnforcement(IFleetRegistry fleet, Pseudonymizer pseudonymizer, Meter meter, ILogger<BusLaneEnforcement> logger)
{
    private const double MinimumConfidence = 0.8;
    private static readonly ActivitySource Source = new("Transit.BusLanes");
    private static readonly Meter Enforcement = new("Transit.BusLanes");
    private static readonly Counter<long> Contraventions = Enforcement.CreateCounter<long>("buslane.contraventions");

    public EvidencePack? OnRead(string line, Uri evidenceStore)
    {
        var fields = line.Split(',');
        var read = new AnprRead(fields[0], fields[2].Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant(), double.Parse(fields[3], CultureInfo.InvariantCulture), DateTimeOffset.Parse(fields[1], CultureInfo.InvariantCulture), fields[4]);
        using var span = Source.StartScanValidation("anpr");
        span.SetScanSource(read.CameraId);
        span.SetScanConfidence(read.Confidence); // clean precision-about

        if (read.Confidence < MinimumConfidence)
        {
            logger.LogDebug("Low-confidence read {Read}", read); // clean logging-objects
            logger.LogTrace("Low-confidence line {Line}", line); // leak TC1001 strings
            return null;
        }

        if (fleet.TryGetBus(read.Vrm, out var bus))
        {
            Activity.Current?.SetTag("buslane.fleet.registration", bus.Registration); // clean precision-names
            Activity.Current?.SetTag("buslane.fleet.number", bus.FleetNumber);
            return null;
        }

        Activity.Current?.SetTag("buslane.vrm", read.Vrm); // leak TC1001 direct
        Activity.Current?.SetTag("buslane.vrm.area", read.Vrm[..2]); // clean precision-about
        span.SetScanHolderId(pseudonymizer.PseudonymizeScanHolderId(read.Vrm)); // clean precision-pseudonym
        Contraventions.Add(1, new KeyValuePair<string, object?>("buslane.camera", read.CameraId), new KeyValuePair<string, object?>("buslane.vrm", read.Vrm)); // leak TC1003 direct
        Contraventions.Add(1, new KeyValuePair<string, object?>("buslane.lane", read.Lane));
        meter.CreateScanReadsCounter().Add(1, "anpr", scanSource: read.CameraId, scanResult: "contravention"); // clean generated-api

        var stamp = read.SeenAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var evidence = new EvidencePack(read.CameraId, read.Vrm, read.SeenAt, new Uri(evidenceStore, $"{read.CameraId}/{stamp}/plate.jpg"), new Uri(evidenceStore, $"{read.CameraId}/{stamp}/overview.mp4"));
        logger.LogInformation("Evidence pack {Evidence}", evidence); // leak TC1001 logging-objects
        logger.LogInformation("Plate image at {PlateImage}", evidence.PlateImage); // clean strings
        return evidence;
    }
}
