using System;
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
        var instruments = ctx.Instruments(static meter => new Instruments(meter));
        for (var bed = 1; bed <= 4; bed++)
        {
            // Asset numbers of devices, not of people.
            var deviceId = $"VENT-ICU-{bed:D2}";
            Poll(ctx, instruments, deviceId, lowOxygen: bed == 2, unreachable: bed == 4);
            ctx.Clock.AdvanceSeconds(ctx.Between(0.5, 2));
        }
    }

    private static void Poll(ScenarioContext ctx, Instruments instruments, string deviceId, bool lowOxygen, bool unreachable)
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
            RecordState(instruments, deviceId, MedicalDeviceState.Offline);
            return;
        }

        poll.SetVentilatorTidalVolume(reading.TidalVolume)
            .SetVentilatorRespiratoryRate(reading.RespiratoryRate)
            .SetVentilatorOxygenConcentration(reading.OxygenConcentration);

        // The ICU's device board needs one series per ventilator, so this deployment opts in to
        // device.id on the reading and state gauges. The alert counter keeps the default dimensions.
        instruments.TidalVolume.Record(reading.TidalVolume, Department, deviceId);
        instruments.RespiratoryRate.Record(reading.RespiratoryRate, Department, deviceId);
        instruments.OxygenConcentration.Record(reading.OxygenConcentration, Department, deviceId);

        if (reading.OxygenConcentration < OxygenLowerLimit)
        {
            // The alert is a log record (an event with an event name), correlated with this poll's span.
            ctx.Logger.LogMedicalDeviceAlertEvent(MedicalDeviceAlertType.LowOxygen, AlertSeverity.Critical,
                ventilatorOxygenConcentration: reading.OxygenConcentration);
            // The intensivist on call acknowledges the alarm at the device: an audit record of who did it.
            ctx.Logger.LogAuditMedicalDeviceAccessEvent(AuditActorRole.Physician, AuditAction.Acknowledge, deviceId, AuditOutcome.Success,
                doctorId: ctx.Pseudonymize(DoctorAttributes.Id, IntensivistOnCall), medicalDeviceType: MedicalDeviceType.Ventilator,
                medicalDeviceAlertType: MedicalDeviceAlertType.LowOxygen, hospitalDepartment: Department);
            instruments.Alerts.Add(1, MedicalDeviceType.Ventilator, MedicalDeviceAlertType.LowOxygen, AlertSeverity.Critical, Department);
            RecordState(instruments, deviceId, MedicalDeviceState.Alarming);
            return;
        }
        RecordState(instruments, deviceId, MedicalDeviceState.Operational);
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

    /// <summary>The status gauge is one series per state: 1 for the current state, 0 for the others.</summary>
    private static void RecordState(Instruments instruments, string deviceId, MedicalDeviceState current)
    {
        foreach (var state in States)
        {
            instruments.Status.Record(state == current ? 1 : 0, MedicalDeviceType.Ventilator, state, Department, deviceId);
        }
    }

    private readonly record struct VentilatorReading(double TidalVolume, double RespiratoryRate, double OxygenConcentration);

    private sealed class Instruments(Meter meter)
    {
        public MedicalDeviceStatusGauge Status { get; } = meter.CreateMedicalDeviceStatusGauge();
        public MedicalDeviceAlertsCounter Alerts { get; } = meter.CreateMedicalDeviceAlertsCounter();
        public MedicalDeviceVentilatorTidalVolumeGauge TidalVolume { get; } = meter.CreateMedicalDeviceVentilatorTidalVolumeGauge();
        public MedicalDeviceVentilatorRespiratoryRateGauge RespiratoryRate { get; } = meter.CreateMedicalDeviceVentilatorRespiratoryRateGauge();
        public MedicalDeviceVentilatorOxygenConcentrationGauge OxygenConcentration { get; } = meter.CreateMedicalDeviceVentilatorOxygenConcentrationGauge();
    }
}

/// <summary>A medical device did not answer.</summary>
public sealed class DeviceUnreachableException(string message) : Exception(message);
