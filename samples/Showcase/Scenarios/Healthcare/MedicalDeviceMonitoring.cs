using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Healthcare;

/// <summary>
/// 2.3 Medical device monitoring: an ICU's ventilators report tidal volume, respiratory rate and
/// oxygen concentration; a low reading raises an alert, and an unreachable device goes offline.
/// </summary>
/// <remarks>
/// The seed gave no units and counted alerts by raw device id. The conventions put the units in
/// the attribute briefs and UCUM units on the gauges (mL, {breath}/min, %), and count alerts by
/// device type and department; <c>device.id</c> is opt-in because a ventilator in use is attached
/// to one patient.
/// </remarks>
public sealed class MedicalDeviceMonitoring : IScenario
{
    private const string Department = "icu";

    /// <summary>The alarm limit configured on the ventilators; in the event, not hard-coded in a name.</summary>
    private const double OxygenLowerLimit = 30.0;

    private static readonly MedicalDeviceState[] States = Enum.GetValues<MedicalDeviceState>();

    /// <summary>The staff number of the doctor who answers alarms; it reaches telemetry only as a pseudonym.</summary>
    private const string IntensivistOnCall = "DR-4711";

    /// <inheritdoc/>
    public string Id => "2.3";

    /// <inheritdoc/>
    public string Name => "medical-device-monitoring";

    /// <inheritdoc/>
    public string Industry => "healthcare";

    /// <inheritdoc/>
    public string Summary => "ICU ventilators report their readings as span attributes and gauges; low oxygen raises an alert (a log record) and counter and its acknowledgement is audited, an unreachable device goes offline.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        for (var bed = 1; bed <= 4; bed++)
        {
            // Asset numbers of devices, not of people.
            var deviceId = $"VENT-ICU-{bed:D2}";
            Poll(ctx, deviceId, lowOxygen: bed == 2, unreachable: bed == 4);
            ctx.Clock.AdvanceSeconds(ctx.Between(0.5, 2));
        }
    }

    private static void Poll(ScenarioContext ctx, string deviceId, bool lowOxygen, bool unreachable)
    {
        using var poll = ctx.Source.StartDeviceVentilator(deviceId, MedicalDeviceType.Ventilator, startTime: ctx.Clock.Now)
            .SetHospitalDepartment(Department);
        using var ends = ctx.Clock.EndsSpan(poll.Activity);
        ctx.Clock.AdvanceSeconds(ctx.Between(0.05, 0.4));

        VentilatorReading reading;
        try
        {
            reading = Read(ctx, lowOxygen, unreachable);
        }
        catch (DeviceUnreachableException ex)
        {
            poll.RecordException(ex, "ventilator did not answer the poll");
            ctx.Service(static meter => new DeviceBoard(meter)).Report(deviceId, MedicalDeviceState.Offline, reading: null);
            return;
        }

        poll.SetVentilatorTidalVolume(reading.TidalVolume)
            .SetVentilatorRespiratoryRate(reading.RespiratoryRate)
            .SetVentilatorOxygenConcentration(reading.OxygenConcentration);

        if (reading.OxygenConcentration < OxygenLowerLimit)
        {
            // The alert is a log record (an event with an event name), correlated with this poll's span;
            // a critical one is written at Critical rather than the event's usual Warning.
            ctx.Logger.LogMedicalDeviceAlertEvent(MedicalDeviceAlertType.LowOxygen, AlertSeverity.Critical,
                ventilatorOxygenConcentration: reading.OxygenConcentration, level: LogLevel.Critical);
            // The intensivist on call acknowledges the alarm at the device: an audit record of who did it.
            ctx.Logger.LogAuditMedicalDeviceAccessEvent(AuditActorRole.Physician, AuditAction.Acknowledge, deviceId, AuditOutcome.Success,
                doctorId: ctx.Pseudonymize(DoctorAttributes.Id, IntensivistOnCall), medicalDeviceType: MedicalDeviceType.Ventilator,
                medicalDeviceAlertType: MedicalDeviceAlertType.LowOxygen, hospitalDepartment: Department);
            ctx.Meter.CreateMedicalDeviceAlertsCounter().Add(1, MedicalDeviceType.Ventilator, MedicalDeviceAlertType.LowOxygen, AlertSeverity.Critical, Department);
            ctx.Service(static meter => new DeviceBoard(meter)).Report(deviceId, MedicalDeviceState.Alarming, reading);
            return;
        }
        ctx.Service(static meter => new DeviceBoard(meter)).Report(deviceId, MedicalDeviceState.Operational, reading);
    }

    private static VentilatorReading Read(ScenarioContext ctx, bool lowOxygen, bool unreachable)
    {
        if (unreachable)
        {
            throw new DeviceUnreachableException("No HL7 message from the device gateway within 5 s.");
        }
        return new VentilatorReading(
            TidalVolume: ScenarioContext.Round(ctx.Around(480, 35), 0),
            RespiratoryRate: ScenarioContext.Round(ctx.Around(16, 2), 0),
            OxygenConcentration: ScenarioContext.Round(lowOxygen ? ctx.Between(22, 27) : ctx.Between(35, 60)));
    }

    private readonly record struct VentilatorReading(double TidalVolume, double RespiratoryRate, double OxygenConcentration);

    /// <summary>
    /// The ICU's device board: each ventilator's state and latest vitals, which the device gauges
    /// report when the SDK collects. The board needs one series per ventilator, so this deployment
    /// opts in to <c>medical.device.id</c> on the vitals and state gauges; the alert counter keeps
    /// the default dimensions.
    /// </summary>
    private sealed class DeviceBoard
    {
        private readonly ConcurrentDictionary<string, (MedicalDeviceState State, VentilatorReading? Reading)> _devices = new();

        public DeviceBoard(Meter meter)
        {
            meter.CreateMedicalDeviceStatusObservableGauge(ObserveStates);
            meter.CreateMedicalDeviceVentilatorTidalVolumeObservableGauge(() => Vitals(static (r, id) => MedicalDeviceVentilatorTidalVolumeObservableGauge.Measure(r.TidalVolume, Department, id)));
            meter.CreateMedicalDeviceVentilatorRespiratoryRateObservableGauge(() => Vitals(static (r, id) => MedicalDeviceVentilatorRespiratoryRateObservableGauge.Measure(r.RespiratoryRate, Department, id)));
            meter.CreateMedicalDeviceVentilatorOxygenConcentrationObservableGauge(() => Vitals(static (r, id) => MedicalDeviceVentilatorOxygenConcentrationObservableGauge.Measure(r.OxygenConcentration, Department, id)));
        }

        /// <param name="reading">The vitals; null for a device that did not answer, which reports none.</param>
        public void Report(string deviceId, MedicalDeviceState state, VentilatorReading? reading) => _devices[deviceId] = (state, reading);

        /// <summary>One series per state and device: 1 for the device's current state, 0 for the others.</summary>
        private IEnumerable<Measurement<long>> ObserveStates()
        {
            foreach (var (deviceId, device) in _devices)
            {
                foreach (var state in States)
                {
                    yield return MedicalDeviceStatusObservableGauge.Measure(state == device.State ? 1 : 0, MedicalDeviceType.Ventilator, state, Department, deviceId);
                }
            }
        }

        private IEnumerable<Measurement<double>> Vitals(Func<VentilatorReading, string, Measurement<double>> measure)
        {
            foreach (var (deviceId, device) in _devices)
            {
                if (device.Reading is { } reading)
                {
                    yield return measure(reading, deviceId);
                }
            }
        }
    }
}

/// <summary>A medical device did not answer.</summary>
public sealed class DeviceUnreachableException(string message) : Exception(message);
