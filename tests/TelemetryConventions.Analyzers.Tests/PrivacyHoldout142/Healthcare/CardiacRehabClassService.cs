namespace PrivacyHoldout142.Healthcare;

/// <summary>
/// A referral from cardiology to the phase III rehab programme. Prints referral id, hospital number, NHS number, the
/// patient's name, the phase, the referring consultant's name and the precautions written on the referral.
/// </summary>
public sealed record RehabReferral(string ReferralId, string HospitalNumber, string NhsNumber, string PatientName, int Phase, string ConsultantName, string? Precautions);

/// <summary>A circuit class's attendance. Prints class, attended and did-not-attend counts.</summary>
public sealed record CircuitAttendance(string ClassId, int Attended, int DidNotAttend);

/// <summary>One patient's row on the circuit sheet the physiotherapist fills in.</summary>
public sealed record CircuitRow(string HospitalNumber, int PeakBpm, int BorgScore, bool Attended);

/// <summary>Books referred patients onto the rehab gym's circuit classes and records each class's sheet.</summary>
public sealed class CardiacRehabClassService(
    IBookingEngine bookings,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CardiacRehabClassService> logger)
{
    private readonly Histogram<int> _peakHeartRate = meter.CreateHistogram<int>("staffgym.rehab.peak_heart_rate", "{beat}/min");
    private readonly Dictionary<string, int> _missedByPatient = new(StringComparer.Ordinal);
    private RehabReferral? _current;

    public async Task<ClassBooking?> BookFromReferralAsync(RehabReferral referral, string classId, CancellationToken cancellationToken)
    {
        _current = referral;
        using var span = source.StartStaffgymOperation("cardiac-rehab-gym");
        span.SetStaffgymPatientId(pseudonymizer.PseudonymizeStaffgymPatientId(referral.HospitalNumber)).SetStaffgymClassCode(classId); // clean generated-api
        Activity.Current?.SetTag("rehab.referral.id", referral.ReferralId); // clean precision-names
        Activity.Current?.SetTag("rehab.phase", referral.Phase); // clean precision-about
        Activity.Current?.SetTag("rehab.nhs_number", referral.NhsNumber); // leak TC1001 direct
        using var scope = logger.BeginScope("Referral {ReferralId} for {PatientName}", referral.ReferralId, referral.PatientName); // leak TC1001 direct
        logger.LogInformation("Booking referral {@Referral}", referral); // leak TC1001 logging-objects
        logger.LogInformation("Referral has precautions: {HasPrecautions} ({Length} chars)", referral.Precautions is not null, referral.Precautions?.Length ?? 0); // clean precision-about

        try
        {
            var booking = await bookings.BookAsync(classId, referral.HospitalNumber, cancellationToken);
            logger.LogInformation("Booked {BookingId} on {ClassId}", booking.BookingId, booking.ClassId); // clean precision-names
            return booking;
        }
        catch (ClassFullException ex)
        {
            var entry = await bookings.JoinWaitlistAsync(classId, referral.HospitalNumber, cancellationToken);
            logger.LogWarning(ex, "Class {ClassId} full; waitlisted at {Position}", ex.ClassId, entry.Position); // clean exceptions
            Activity.Current?.AddEvent(new ActivityEvent("rehab.waitlisted", tags: new ActivityTagsCollection { ["position"] = entry.Position })); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("rehab.waitlist.entry", tags: new ActivityTagsCollection { ["entry"] = entry.ToString() })); // leak TC1001 logging-objects
            return null;
        }
        catch (AlreadyBookedException ex)
        {
            logger.LogWarning("Already booked: {Reason}", ex.Message); // leak TC1001 exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return null;
        }
    }

    public void RecordCircuit(string classId, IReadOnlyList<CircuitRow> rows)
    {
        foreach (var row in rows)
        {
            _peakHeartRate.Record(row.PeakBpm, new KeyValuePair<string, object?>("class", classId)); // clean precision-about
            if (!row.Attended)
            {
                _missedByPatient[row.HospitalNumber] = _missedByPatient.GetValueOrDefault(row.HospitalNumber) + 1;
            }
        }

        logger.LogInformation("Circuit {ClassId}: {Attendance}", classId, new CircuitAttendance(classId, rows.Count(r => r.Attended), rows.Count(r => !r.Attended))); // clean logging-objects
        logger.LogInformation("Peak heart rates {PeakRates}, Borg {Borg}", rows.Select(r => r.PeakBpm).ToArray(), rows.Select(r => r.BorgScore).ToArray()); // clean precision-about
        logger.LogDebug("Peaks by patient {Peaks}", string.Join(", ", rows.Select(r => $"{r.HospitalNumber}={r.PeakBpm}"))); // leak TC1001 strings
    }

    public void ReportMissed()
    {
        logger.LogWarning("Patients missing sessions: {Missed}", _missedByPatient); // leak TC1001 cross-member
        Activity.Current?.SetTag("rehab.current.referral", _current?.ReferralId); // clean precision-names
        Activity.Current?.SetTag("rehab.current.consultant", _current?.ConsultantName); // leak TC1001 cross-member
    }
}
