using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout10.Support;
using PrivacyHoldout10.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout10.Transport;

public sealed record GpsFix(double Latitude, double Longitude, double SpeedKmh, DateTimeOffset At);

public sealed record VehicleRecord(string Vin, string Plate, string OwnerCustomerId, string Make, string Model, bool IsFleet);

public interface IVehicleRegistry
{
    VehicleRecord? FindByImei(string imei);
}

/// <summary>Telematics units of insured private cars publish on <c>devices/{imei}/telemetry</c>.</summary>
public sealed class TelematicsIngest : IMqttMessageHandler
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Transport.Telematics");
    private static readonly Meter Meter = new("PrivacyHoldout10.Transport.Telematics");
    private static readonly Counter<long> Fixes = Meter.CreateCounter<long>("telematics.fixes");
    private static readonly Histogram<double> Speed = Meter.CreateHistogram<double>("telematics.speed", "km/h");

    private readonly IVehicleRegistry _registry;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<TelematicsIngest> _logger;

    public TelematicsIngest(IVehicleRegistry registry, Pseudonymizer pseudonymizer, ILogger<TelematicsIngest> logger)
    {
        _registry = registry;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
    }

    public Task HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var imei = message.Topic.Split('/')[1];
        var frame = message.PayloadSegment.AsSpan();
        var fix = new GpsFix(
            BinaryPrimitives.ReadInt32BigEndian(frame) / 1e7,
            BinaryPrimitives.ReadInt32BigEndian(frame[4..]) / 1e7,
            BinaryPrimitives.ReadUInt16BigEndian(frame[8..]) / 10.0,
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(frame[10..])));
        var odometerKm = BinaryPrimitives.ReadUInt32BigEndian(frame[14..]);

        using var activity = Source.StartActivity("telematics.frame", ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", message.Topic); // leak TC1001 strings
        activity?.SetTag("messaging.destination.template", "devices/{imei}/telemetry"); // clean strings
        activity?.SetTag("telematics.imei", imei); // leak TC1001 direct
        activity?.SetTag("telematics.frame.bytes", message.PayloadSegment.Count); // clean precision-about
        Fixes.Add(1, new KeyValuePair<string, object?>("telematics.qos", message.QualityOfServiceLevel));

        var vehicle = _registry.FindByImei(imei);
        if (vehicle is null)
        {
            _logger.LogWarning("Unregistered unit on {Topic}", message.Topic); // leak TC1001 strings
            return Task.CompletedTask;
        }

        activity?.SetTag("vehicle.make", vehicle.Make); // clean precision-names
        activity?.SetTag("vehicle.model", vehicle.Model); // clean precision-names
        activity?.SetTag("vehicle.fleet", vehicle.IsFleet); // clean precision-about
        activity?.SetTag("vehicle.vin", vehicle.Vin); // leak TC1001 direct
        activity?.SetTag("vehicle.wmi", vehicle.Vin[..3]); // clean precision-about
        activity?.SetTag("vehicle.odometer", odometerKm); // clean precision-names
        activity?.SetTag("vehicle.position", string.Create(CultureInfo.InvariantCulture, $"{fix.Latitude:F1},{fix.Longitude:F1}")); // clean strings
        Speed.Record(fix.SpeedKmh, new KeyValuePair<string, object?>("vehicle.make", vehicle.Make)); // clean precision-names
        Speed.Record(fix.SpeedKmh, new KeyValuePair<string, object?>("vehicle.plate", vehicle.Plate)); // leak TC1003 direct

        var ownerRef = _pseudonymizer.Pseudonymize("customer", vehicle.OwnerCustomerId);
        using var batch = Source.StartDeviceBatch(vehicle.Model);
        batch.SetDeviceOwnerId(ownerRef); // clean generated-api
        batch.SetDeviceOwnerId(Pseudonym.FromComputed(vehicle.OwnerCustomerId)); // leak TC1001 generated-api
        batch.SetDeviceNote(vehicle.Plate); // leak TC1001 generated-api
        Baggage.SetBaggage("policy.holder", ownerRef.Value); // clean precision-pseudonym
        _logger.LogInformation("Trip point for {Owner} at {Speed} km/h", ownerRef, fix.SpeedKmh); // clean precision-pseudonym
        _logger.LogInformation("Trip point for {Vehicle}", vehicle); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }
}

/// <summary>Scores each trip for the usage-based insurance product.</summary>
public sealed class TripScorer(ILogger<TripScorer> logger, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Transport.Scoring");
    private readonly string _vehicleOwnerRegion = "north";

    public void Score(VehicleRecord vehicle, IReadOnlyList<GpsFix> fixes)
    {
        using var activity = Source.StartActivity("trip.score");
        activity?.SetTag("trip.fixes", fixes.Count); // clean precision-about
        activity?.SetTag("trip.owner.region", _vehicleOwnerRegion); // clean precision-names
        activity?.SetTag("trip.vin.hash", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(vehicle.Vin)))[..16]); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        activity?.SetTag("trip.vin.key", Convert.ToHexString(hmac.ComputeHash(Encoding.ASCII.GetBytes(vehicle.Vin)))); // clean hashes

        try
        {
            if (fixes.Count < 2)
            {
                throw new InvalidOperationException($"trip of {vehicle.Plate} has fewer than two fixes");
            }
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError(ex, "Trip not scored"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "too few fixes"); // clean exceptions
            activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
        }
    }
}
