namespace PrivacyHoldout66.Healthcare;

/// <summary>A set of observations the bedside monitors publish to the integration engine.</summary>
public sealed record ObservationsRecorded(string HospitalNumber, string WardCode, string BedNumber, string MonitorSerial, IReadOnlyList<VitalSign> Signs, string RecordedByStaffNumber);

public sealed record VitalSign(string Code, double Value);

public interface IEventHandler<in TEvent>
{
    Task HandleAsync(TEvent message, CancellationToken cancellationToken);
}

/// <summary>
/// Turns bedside observations into the ward dashboards' KPIs: readings per bed, time since the last
/// set, and the NEWS2 score's distribution by ward.
/// </summary>
public sealed class BedsideObservationsHandler(
    WardMetrics metrics,
    IMetrics platformMetrics,
    Pseudonymizer pseudonymizer,
    ILogger<BedsideObservationsHandler> logger) : IEventHandler<ObservationsRecorded>
{
    private static readonly string[] Expected = ["resp", "spo2", "bp.sys", "pulse", "temp", "acvpu"];

    private readonly FirstSeenLimiter _beds = new(limit: 400);

    public Task HandleAsync(ObservationsRecorded message, CancellationToken cancellationToken)
    {
        var elapsed = ValueStopwatch.StartNew();
        metrics.ObservationsTaken(message.HospitalNumber, message.WardCode, message.MonitorSerial, message.Signs.Count);

        var missing = Expected.Except(message.Signs.Select(s => s.Code)).ToArray();
        if (missing.Length > 0)
        {
            platformMetrics.Increment("ward.obs.incomplete", 1, new("ward", message.WardCode), new("missing", missing.Length)); // clean precision-about
            logger.LogWarning("Incomplete observations on {Ward} bed {Bed}: missing {Missing}", message.WardCode, message.BedNumber, string.Join(",", missing)); // clean direct
        }

        platformMetrics.Increment("ward.obs.by_bed", 1, new("ward", message.WardCode), new("bed", _beds.Limit(message.BedNumber))); // clean direct
        platformMetrics.Increment("ward.obs.by_recorder", 1, new("ward", message.WardCode), new("recorded_by", message.RecordedByStaffNumber)); // leak TC1003 direct
        platformMetrics.Observe("ward.obs.handling", elapsed.GetElapsedTime().TotalMilliseconds, new("ward", message.WardCode), new("patient", pseudonymizer.ComputeWardPatientId(message.HospitalNumber))); // leak TC1003 precision-pseudonym

        var spo2 = message.Signs.FirstOrDefault(s => s.Code == "spo2");
        if (spo2 is { Value: < 92 })
        {
            var tags = Dimensions.Create().With("ward", message.WardCode).With("sign", "spo2").Build();
            platformMetrics.Record("ward.obs.low_spo2", spo2.Value, tags); // clean direct
            var chart = Dimensions.Create().With("ward", message.WardCode).With("chart", $"{message.WardCode}/{message.HospitalNumber}").Build();
            platformMetrics.Record("ward.obs.low_spo2.by_chart", spo2.Value, chart); // leak TC1003 strings
            logger.LogInformation("Low SpO2 {Value} for patient {PatientRef} on {Ward}", spo2.Value, pseudonymizer.ComputeWardPatientId(message.HospitalNumber), message.WardCode); // clean precision-pseudonym
            logger.LogInformation("Low SpO2 set {Observation}", message); // leak TC1001 logging-objects
        }
        return Task.CompletedTask;
    }
}
