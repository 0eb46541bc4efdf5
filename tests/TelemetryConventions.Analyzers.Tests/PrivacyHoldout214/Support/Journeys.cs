namespace PrivacyHoldout214.Support;

/// <summary>A patient (or pupil, customer, player, contributor, passenger) who needs to be carried to a hospital.</summary>
public sealed record Rider(string RiderNumber, string FullName, string HomeAddress, string Postcode, string Mobile, DateOnly DateOfBirth)
{
    public string PostcodeDistrict => Postcode.Split(' ')[0];
}

/// <summary>An eligibility assessment for non-emergency patient transport.</summary>
public sealed record EligibilityAssessment(Guid AssessmentId, string RiderNumber, string RiderName, string MobilityCode, string CriterionCode, bool NeedsEscort, bool Eligible, string? AssessorNotes);

/// <summary>The outcome of an assessment, without the person.</summary>
public sealed record EligibilityOutcome(Guid AssessmentId, string CriterionCode, string MobilityCode, bool Eligible, bool NeedsEscort);

/// <summary>A booked journey to or from hospital.</summary>
public sealed record TransportBooking(Guid BookingId, string RiderNumber, string PickupAddress, string PickupPostcode, DateTimeOffset PickupAt, string ClinicCode, string MobilityCode, bool EscortTravelling);

/// <summary>A booking as the planners see it: no person.</summary>
public sealed record BookingSummary(Guid BookingId, string ClinicCode, string PostcodeDistrict, string MobilityCode, int Legs, bool EscortTravelling);

/// <summary>The relative or carer who travels with the rider.</summary>
public sealed record EscortDetails(string EscortName, string Relationship, string EscortMobile);

/// <summary>A volunteer driver, who drives their own car.</summary>
public sealed record VolunteerDriver(string DriverId, string FullName, string Mobile, string Email, string VehicleRegistration, string DepotCode, int SeatsFree);

/// <summary>A driver's mileage claim.</summary>
public sealed record MileageClaim(Guid ClaimId, string DriverId, string DriverName, string VehicleRegistration, decimal Miles, decimal Amount, string SortCode, string AccountNumber, int Journeys);

/// <summary>A claim's totals, as finance reports them: no person.</summary>
public sealed record ClaimTotals(Guid ClaimId, string DepotCode, decimal Miles, decimal Amount, int Journeys);

/// <summary>A position reported by the driver's app during a journey.</summary>
public sealed record JourneyPing(Guid JourneyId, string DriverId, double Latitude, double Longitude, DateTimeOffset At, int SpeedKph);

/// <summary>A cancelled journey.</summary>
public sealed record Cancellation(Guid BookingId, string RiderNumber, string ReasonCode, string? ReasonText, DateTimeOffset CancelledAt, bool LateNotice);

/// <summary>A driver as the rota holds it (a class without ToString).</summary>
public sealed class DriverProfile
{
    public required string DriverId { get; init; }

    public required string FullName { get; init; }

    public required string DepotCode { get; init; }

    public int JourneysThisMonth { get; init; }
}

public interface ITransportStore
{
    Task<Rider?> FindRiderAsync(string riderNumber, CancellationToken cancellationToken);

    Task<TransportBooking?> FindBookingAsync(Guid bookingId, CancellationToken cancellationToken);

    Task SaveBookingAsync(TransportBooking booking, CancellationToken cancellationToken);

    Task SaveAssessmentAsync(EligibilityAssessment assessment, CancellationToken cancellationToken);

    Task SaveCancellationAsync(Cancellation cancellation, CancellationToken cancellationToken);
}

public interface IDriverRegistry
{
    Task<VolunteerDriver?> FindAsync(string driverId, CancellationToken cancellationToken);

    Task<IReadOnlyList<VolunteerDriver>> AvailableAsync(string depotCode, DateTimeOffset at, CancellationToken cancellationToken);
}

public interface IMileagePayments
{
    Task<string> PayAsync(MileageClaim claim, CancellationToken cancellationToken);
}

public interface IDispatchGateway
{
    Task<Guid> DispatchAsync(TransportBooking booking, VolunteerDriver driver, CancellationToken cancellationToken);
}

public interface IRiderNotifier
{
    Task SendTextAsync(string mobile, string text, CancellationToken cancellationToken);
}

/// <summary>Thrown when a rider does not meet the criteria; quotes the rider's number.</summary>
public sealed class RiderNotEligibleException(string riderNumber, string criterionCode)
    : Exception($"Rider {riderNumber} does not meet criterion {criterionCode}")
{
    public string CriterionCode { get; } = criterionCode;
}

/// <summary>Thrown when a driver turns a journey down; quotes the driver's name.</summary>
public sealed class DriverDeclinedException(string driverName, Guid bookingId)
    : Exception($"{driverName} declined booking {bookingId}");

/// <summary>Thrown by the payments gateway; quotes the bank account number.</summary>
public sealed class ClaimRejectedException(string accountNumber, string reason)
    : Exception($"Payment to account {accountNumber} rejected: {reason}");

/// <summary>No vehicle for a clinic slot; quotes only the clinic and the time.</summary>
public sealed class NoVehicleAvailableException(string clinicCode, DateTimeOffset slot)
    : Exception($"No vehicle for clinic {clinicCode} at {slot:HH:mm}");

/// <summary>The dispatch gateway failed; quotes its status code.</summary>
public sealed class DispatchGatewayException(int statusCode)
    : Exception($"Dispatch gateway answered {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>No such booking; quotes the booking id.</summary>
public sealed class BookingNotFoundException(Guid bookingId)
    : Exception($"Booking {bookingId} not found");
