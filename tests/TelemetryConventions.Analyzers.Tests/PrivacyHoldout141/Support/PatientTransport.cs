namespace PrivacyHoldout141.Support;

// A hospital trust's non-emergency patient transport: eligibility, bookings with the ride partner and
// the partner's trip status events.

/// <summary>A booking. Prints its members: the NHS number, the patient's name, mobile, home postcode and home position among them.</summary>
public sealed record PatientTransportBooking(
    string BookingId,
    string NhsNumber,
    string PatientName,
    string Mobile,
    string PickupPostcode,
    GeoPoint HomePosition,
    string ClinicCode,
    string AppointmentId,
    DateTimeOffset AppointmentAt,
    string MobilityCode,
    bool EscortRequired,
    string? EscortName);

/// <summary>The eligibility questionnaire a referrer fills in. Prints the NHS number, the referrer's GMC number, the answers and the free-text medical reason.</summary>
public sealed record EligibilityQuestionnaire(
    string NhsNumber,
    string ReferrerGmcNumber,
    bool UsesWheelchair,
    bool NeedsOxygen,
    bool CanWalkToStop,
    string? MedicalReason);

/// <summary>The outcome of an eligibility check. Prints the questionnaire's reference, the decision, the criterion code and the score.</summary>
public sealed record EligibilityOutcome(string Reference, bool Eligible, string CriterionCode, int Score);

/// <summary>A status event from the ride partner's webhook. Prints the trip reference, the status, the driver's id and name, the car's plate, the ETA and the driver's position.</summary>
public sealed record TripStatusEvent(
    string TripRef,
    string Status,
    string DriverId,
    string DriverName,
    string VehicleRegistration,
    double EtaMinutes,
    GeoPoint DriverPosition,
    DateTimeOffset At);

public interface IPatientTransportStore
{
    Task SaveAsync(PatientTransportBooking booking, string tripRef, CancellationToken cancellationToken = default);

    Task<PatientTransportBooking?> FindByTripAsync(string tripRef, CancellationToken cancellationToken = default);

    Task MarkMissedAsync(string appointmentId, string reasonCode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PatientTransportBooking>> DueReturnsAsync(string clinicCode, CancellationToken cancellationToken = default);
}

public interface IClinicNotifier
{
    Task TextPatientAsync(string mobile, string text, CancellationToken cancellationToken = default);

    Task AlertClinicAsync(string clinicCode, string appointmentId, string text, CancellationToken cancellationToken = default);
}

/// <summary>The patient does not meet the criteria; the message quotes the NHS number.</summary>
public sealed class EligibilityRefusedException(string nhsNumber, string criterionCode)
    : Exception($"Patient {nhsNumber} is not eligible for transport ({criterionCode})")
{
    public string CriterionCode { get; } = criterionCode;
}

/// <summary>The appointment is not on the clinic's list; the message quotes the appointment and the clinic.</summary>
public sealed class AppointmentNotFoundException(string appointmentId, string clinicCode)
    : Exception($"Appointment {appointmentId} not found at {clinicCode}")
{
    public string ClinicCode { get; } = clinicCode;
}
