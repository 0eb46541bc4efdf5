using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Telemetry;

namespace PrivacyHoldout13.Transport;

/// <summary>A number-plate read at a park-and-ride barrier (customers' private cars).</summary>
public sealed record PlateRead(string Plate, string CarParkId, string Lane, double Confidence, DateTimeOffset At);

/// <summary>A position report of a fleet bus on <c>fleet.positions</c>, keyed by vehicle id.</summary>
public sealed record BusPosition(string VehicleId, string FleetPlate, string RouteCode, double Lat, double Lon);

public sealed class CarParkEntryConsumer(ILogger<CarParkEntryConsumer> logger)
{
    public Task HandlePlateAsync(ConsumeResult<string, PlateRead> result, CancellationToken ct)
    {
        var read = result.Message.Value;
        using var span = new ActivitySource("Transit.ParkAndRide").StartPipelineConsume(result.Topic);
        span.SetPipelineOffset(result.Offset.Value);
        logger.LogInformation("Entry at {CarParkId} lane {Lane}: {Plate}", read.CarParkId, read.Lane, read.Plate); // leak TC1001 direct
        logger.LogInformation("Entry at {CarParkId}, plate area {PlateArea}, confidence {Confidence}", read.CarParkId, read.Plate[..2], read.Confidence); // clean precision-about
        if (read.Confidence < 0.8)
        {
            span.SetPipelineOutcome($"low confidence read of {read.Plate}"); // leak TC1001 generated-api
        }

        return Task.CompletedTask;
    }

    public Task HandlePositionAsync(ConsumeResult<string, BusPosition> result, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
        activity?.SetTag("fleet.plate", result.Message.Value.FleetPlate); // clean precision-about
        activity?.SetTag("fleet.route", result.Message.Value.RouteCode);
        return Task.CompletedTask;
    }
}
