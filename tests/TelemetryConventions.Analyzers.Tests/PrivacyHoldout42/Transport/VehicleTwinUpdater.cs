using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout42.Support.IotHub;
using TelemetryConventions;

namespace PrivacyHoldout42.Transport;

/// <summary>A status message from a private car's telematics unit; the unit is registered with the hub under the car's VIN.</summary>
public sealed record VehicleStatus(double Latitude, double Longitude, int OdometerKm, int BatteryPercent, bool Locked, string Firmware);

/// <summary>A preconditioning schedule the owner sets in the companion app: warm the car before the morning drive.</summary>
public sealed record ClimateSchedule(DayOfWeek[] Days, TimeOnly DepartAt, double CabinCelsius);

public sealed class VehicleTwinUpdater(
    IRegistryManager registry,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<VehicleTwinUpdater> logger)
{
    public async Task OnTelemetryAsync(EventData message, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("vehicle.status.ingest", ActivityKind.Consumer);
        var vin = (string)message.SystemProperties["iothub-connection-device-id"];
        activity?.SetTag("iothub.device_id", vin); // leak TC1001 direct
        activity?.SetTag("iothub.sequence", message.SequenceNumber); // clean precision-about

        var status = JsonSerializer.Deserialize<VehicleStatus>(message.Body)!;
        activity?.SetTag("vehicle.lat", Math.Round(status.Latitude, 1)); // clean precision-about
        activity?.SetTag("vehicle.lon", Math.Round(status.Longitude, 1));
        activity?.SetTag("vehicle.battery", status.BatteryPercent); // clean precision-about
        logger.LogDebug("Fix {Latitude},{Longitude} at {Odometer} km", status.Latitude, status.Longitude, status.OdometerKm); // leak TC1001 direct

        Twin twin;
        try
        {
            twin = await registry.GetTwinAsync(vin, cancellationToken);
        }
        catch (DeviceNotFoundException ex)
        {
            logger.LogError(ex, "Status from a unit the hub does not know"); // leak TC1001 exceptions
            return;
        }

        // The twin's tags carry the owner's account id; the connected-services team wants it on every trace.
        if (twin.Tags["ownerAccount"] is string ownerAccount)
        {
            activity?.SetBaggage("vehicle.owner", ownerAccount); // leak TC1001 cross-member
            activity?.SetBaggage("vehicle.owner.ref", pseudonymizer.Compute("vehicle.owner", ownerAccount)); // clean precision-pseudonym
        }

        activity?.SetTag("twin.reported.firmware", twin.Properties.Reported["firmware"]?.ToString()); // clean precision-about
    }

    public async Task PushScheduleAsync(string vin, string etag, ClimateSchedule schedule, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("vehicle.schedule.push", ActivityKind.Client);
        var patch = TwinPatch.Desired(new { climate = schedule });
        logger.LogDebug("Desired patch {Patch}", patch); // clean logging-objects
        logger.LogDebug("Schedule {@Schedule}", schedule); // clean logging-objects
        try
        {
            await registry.UpdateTwinAsync(vin, patch, etag, cancellationToken);
        }
        catch (ThrottlingException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning("Schedule push to {TwinPath} throttled", $"/twins/{vin}/properties/desired"); // leak TC1001 strings
        }
    }
}
