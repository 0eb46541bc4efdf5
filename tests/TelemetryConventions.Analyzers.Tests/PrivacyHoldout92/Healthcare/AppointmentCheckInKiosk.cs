namespace PrivacyHoldout92.Healthcare;

/// <summary>What a check-in kiosk's scanner read.</summary>
public sealed record KioskScan(string KioskId, string Payload, BarcodeFormat Format, DateTimeOffset ScannedAt);

/// <summary>An appointment as the PAS returns it for check-in.</summary>
public sealed record ArrivalSlot(string AppointmentRef, string Clinic, string HospitalNumber, string FamilyName, DateTimeOffset Due);

public interface IArrivalsBook
{
    Task<ArrivalSlot?> FindByRefAsync(string appointmentRef, CancellationToken cancellationToken);

    Task<ArrivalSlot?> FindTodayAsync(string hospitalNumber, string clinic, CancellationToken cancellationToken);

    Task MarkArrivedAsync(string appointmentRef, CancellationToken cancellationToken);
}

/// <summary>
/// The outpatient kiosks: a patient scans the QR code on their appointment letter (<c>APT-…</c>, the
/// appointment's reference) or the check-in code of the hospital's app (<c>MRN:{hospital number};CLN:{clinic}</c>).
/// </summary>
public sealed class AppointmentCheckInKiosk(IArrivalsBook book, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<AppointmentCheckInKiosk> logger)
{
    private static readonly ActivitySource Source = new("Hospital.CheckIn");
    private static readonly Meter Meter = new("Hospital.CheckIn");
    private static readonly Counter<long> AppCheckIns = Meter.CreateCounter<long>("checkin.app_codes");

    public async Task<string> HandleAsync(KioskScan scan, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartCheckinScan(scan.KioskId);
        span.SetCheckinPayloadLength(scan.Payload.Length); // clean precision-about
        logger.LogDebug("Kiosk {Kiosk} read a {Format} code", scan.KioskId, scan.Format); // clean precision-names

        ArrivalSlot? slot;
        if (scan.Payload.StartsWith("APT-", StringComparison.Ordinal))
        {
            span.SetCheckinAppointmentRef(scan.Payload); // clean precision-names
            slot = await book.FindByRefAsync(scan.Payload, cancellationToken);
        }
        else if (scan.Payload.StartsWith("MRN:", StringComparison.Ordinal))
        {
            var parts = scan.Payload.Split(';');
            var hospitalNumber = parts[0][4..];
            var clinic = parts[1][4..];
            Activity.Current?.SetTag("checkin.app_code", scan.Payload); // leak TC1001 strings
            logger.LogInformation("App check-in for {HospitalNumber} at {Clinic}", hospitalNumber, clinic); // leak TC1001 direct
            span.SetCheckinPatientId(pseudonymizer.PseudonymizeCheckinPatientId(hospitalNumber)); // clean precision-pseudonym
            AppCheckIns.Add(1, new KeyValuePair<string, object?>("checkin.clinic", clinic));
            AppCheckIns.Add(1, new KeyValuePair<string, object?>("checkin.patient", pseudonymizer.ComputeCheckinPatientId(hospitalNumber))); // leak TC1003 precision-pseudonym
            slot = await book.FindTodayAsync(hospitalNumber, clinic, cancellationToken);
        }
        else
        {
            logger.LogWarning("Kiosk {Kiosk} could not read a {Length}-character {Format} code", scan.KioskId, scan.Payload.Length, scan.Format); // clean precision-about
            span.SetCheckinOutcome("unreadable");
            return "Please see reception";
        }

        if (slot is null)
        {
            span.SetCheckinOutcome("not-found");
            logger.LogCheckinRejectedEvent(checkinOutcome: "not-found", checkinKiosk: scan.KioskId, checkinNote: $"no appointment today for code {scan.Payload}"); // leak TC1001 generated-api
            return "Please see reception";
        }

        await book.MarkArrivedAsync(slot.AppointmentRef, cancellationToken);
        var minutesEarly = (slot.Due - scan.ScannedAt).TotalMinutes;
        span.SetCheckinClinic(slot.Clinic).SetCheckinAppointmentRef(slot.AppointmentRef); // clean precision-names
        logger.LogInformation("Checked in {Arrival}", slot); // leak TC1001 logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("checkin.arrived", tags: new ActivityTagsCollection { ["checkin.minutes_early"] = minutesEarly, ["checkin.appointment.ref"] = slot.AppointmentRef })); // clean precision-about
        var sample = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(slot.HospitalNumber))[0] % 10;
        span.Activity?.SetTag("checkin.sample_lane", sample); // clean hashes
        span.Activity?.SetTag("checkin.patient_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(slot.HospitalNumber)))[..12]); // leak TC1002 hashes
        Meter.CreateCheckinScansCounter().Add(1, checkinClinic: slot.Clinic, checkinOutcome: minutesEarly < -15 ? "late" : "checked-in"); // clean generated-api
        Meter.CreateCheckinScanDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, checkinKiosk: scan.KioskId);
        return $"Welcome {slot.FamilyName}, please take a seat";
    }
}
