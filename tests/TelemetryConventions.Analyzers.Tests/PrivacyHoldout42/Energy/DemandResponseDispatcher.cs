using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout42.Support.IotHub;
using PrivacyHoldout42.Telemetry;

namespace PrivacyHoldout42.Energy;

/// <summary>A thermostat whose household enrolled in the utility's demand-response programme.</summary>
public sealed record EnrolledThermostat(string Serial, string Model, string HouseholdId, string Region, double ExpectedKw);

public sealed record DemandResponseEvent(string EventId, string Region, DateTimeOffset Start, TimeSpan Duration, double OffsetDegrees);

public interface IDemandResponseEnrolment
{
    Task<IReadOnlyList<EnrolledThermostat>> InRegionAsync(string region, CancellationToken cancellationToken);
}

public sealed class DemandResponseDispatcher
{
    private readonly IDemandResponseEnrolment _enrolment;
    private readonly IServiceClient _hub;
    private readonly ActivitySource _source;
    private readonly Meter _meter;
    private readonly ILogger<DemandResponseDispatcher> _logger;
    private readonly ConcurrentDictionary<string, int> _activeByRegion = new();
    private readonly ConcurrentDictionary<string, double> _shedByHousehold = new();

    public DemandResponseDispatcher(IDemandResponseEnrolment enrolment, IServiceClient hub, ActivitySource source, Meter meter, ILogger<DemandResponseDispatcher> logger)
    {
        (_enrolment, _hub, _source, _meter, _logger) = (enrolment, hub, source, meter, logger);
        meter.CreateObservableGauge("dr.thermostats.active", () => _activeByRegion.Select(kv => new Measurement<int>(kv.Value, new KeyValuePair<string, object?>("grid.region", kv.Key))), "{thermostat}"); // clean precision-names
        meter.CreateObservableGauge("dr.household.shed", () => _shedByHousehold.Select(kv => new Measurement<double>(kv.Value, new KeyValuePair<string, object?>("household.id", kv.Key))), "kW"); // leak TC1003 direct
    }

    public async Task DispatchAsync(DemandResponseEvent drEvent, CancellationToken cancellationToken)
    {
        using var activity = _source.StartActivity("dr.dispatch");
        activity?.SetTag("dr.event.id", drEvent.EventId); // clean precision-names
        activity?.SetTag("grid.region", drEvent.Region);

        var enrolled = await _enrolment.InRegionAsync(drEvent.Region, cancellationToken);
        activity?.SetTag("dr.enrolled.count", enrolled.Count); // clean precision-about
        _logger.LogDebug("Event {EventId} targets households {Households}", drEvent.EventId, enrolled.Select(e => e.HouseholdId).ToList()); // leak TC1001 logging-objects

        var commands = _meter.CreateIotCommandsCounter();
        var active = 0;
        foreach (var thermostat in enrolled)
        {
            using var span = _source.StartActivity("dr.thermostat.setback", ActivityKind.Client);
            // The measurement-and-verification contractor's control group: 1 in 20 households, by MD5 of the household id.
            var bucket = BitConverter.ToUInt16(MD5.HashData(Encoding.UTF8.GetBytes(thermostat.HouseholdId))) % 20;
            span?.SetTag("dr.mv.bucket", bucket); // leak TC1002 hashes
            if (bucket == 0)
            {
                continue;
            }

            try
            {
                var method = new CloudToDeviceMethod("dr.setback").SetPayloadJson(JsonSerializer.Serialize(new { drEvent.EventId, drEvent.OffsetDegrees, minutes = drEvent.Duration.TotalMinutes }));
                var result = await _hub.InvokeDeviceMethodAsync(thermostat.Serial, method, cancellationToken);
                commands.Add(1, iotDeviceModel: thermostat.Model, iotOutcome: result.Status == 200 ? "accepted" : "refused"); // clean generated-api
                active++;
                _shedByHousehold[thermostat.HouseholdId] = thermostat.ExpectedKw;
            }
            catch (DeviceTimeoutException ex)
            {
                commands.Add(1, iotDeviceModel: thermostat.Model, iotOutcome: "timeout");
                _logger.LogWarning(ex, "Thermostat did not answer the setback in time"); // clean exceptions
            }
            catch (DeviceNotFoundException)
            {
                commands.Add(1, iotDeviceModel: thermostat.Model, iotOutcome: $"unregistered:{thermostat.Serial}"); // leak TC1003 generated-api
            }
        }

        _activeByRegion[drEvent.Region] = active;
        activity?.SetTag("dr.accepted.count", active);
    }
}
