using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Healthcare;

/// <summary>A room in the hospital's family lodge for the parent or carer of a child on a ward.</summary>
public sealed record LodgeReservationRequest(
    string PatientHospitalNumber,
    string Ward,
    string GuestName,
    string GuestPhone,
    string Relationship,
    DateOnly Arrival,
    int Nights,
    string? CarRegistration,
    string? AccessNeeds);

public sealed record LodgeReservation(Guid ReservationId, string RoomNumber, DateOnly Arrival, DateOnly Departure);

public interface IInpatientDirectory
{
    Task<bool> IsAdmittedAsync(string hospitalNumber, string ward, CancellationToken cancellationToken);
}

public interface ILodgeRooms
{
    Task<string?> AllocateAsync(DateOnly arrival, int nights, bool accessible, CancellationToken cancellationToken);

    Task<LodgeReservation> HoldAsync(string roomNumber, LodgeReservationRequest request, CancellationToken cancellationToken);

    Task<(LodgeReservation Reservation, string GuestName, string GuestPhone)?> FindAsync(Guid reservationId, CancellationToken cancellationToken);
}

public sealed class PatientNotAdmittedException(string hospitalNumber, string ward)
    : Exception($"Patient {hospitalNumber} is not admitted to {ward}");

public sealed class LodgeFullException(DateOnly arrival, int nights)
    : Exception($"No lodge room free for {nights} nights from {arrival:yyyy-MM-dd}");

public static class FamilyLodgeEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/lodge/reservations", ReserveAsync);
        routes.MapPost("/lodge/reservations/{reservationId:guid}/check-in", CheckInAsync);
    }

    internal static async Task<ActionResult> ReserveAsync(
        LodgeReservationRequest request,
        IInpatientDirectory inpatients,
        ILodgeRooms rooms,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("FamilyLodge");
        using var scope = logger.BeginScope("Lodge reservation for patient {HospitalNumber}", request.PatientHospitalNumber); // leak TC1001 logging-objects
        var activity = Activity.Current;
        activity?.SetTag("lodge.ward", request.Ward); // clean precision-names
        activity?.SetTag("lodge.relationship", request.Relationship); // clean precision-about
        activity?.SetTag("lodge.nights", request.Nights);
        activity?.SetTag("lodge.patient", request.PatientHospitalNumber); // leak TC1001 direct

        if (!await inpatients.IsAdmittedAsync(request.PatientHospitalNumber, request.Ward, cancellationToken))
        {
            throw new PatientNotAdmittedException(request.PatientHospitalNumber, request.Ward); // leak TC1001 exceptions
        }

        var accessible = !string.IsNullOrWhiteSpace(request.AccessNeeds);
        activity?.SetTag("lodge.accessible_room", accessible);
        if (accessible)
        {
            logger.LogInformation("Access needs noted for the stay: {AccessNeeds}", request.AccessNeeds); // leak TC1001 direct
        }

        var room = await rooms.AllocateAsync(request.Arrival, request.Nights, accessible, cancellationToken);
        if (room is null)
        {
            var full = new LodgeFullException(request.Arrival, request.Nights);
            logger.LogWarning(full, "Lodge full, family put on the waiting list for ward {Ward}", request.Ward); // clean exceptions
            return BadRequestOf(full.Message);
        }

        var reservation = await rooms.HoldAsync(room, request, cancellationToken);
        activity?.SetTag("lodge.room", reservation.RoomNumber); // clean precision-names

        if (request.CarRegistration is { Length: >= 2 } plate)
        {
            logger.LogInformation("Parking permit for {Registration} until {Departure}", plate, reservation.Departure); // leak TC1001 direct
            activity?.SetTag("lodge.parking.area_code", plate[..2]); // clean precision-about
        }

        return new OkResult(reservation);
    }

    internal static async Task<ActionResult> CheckInAsync(
        Guid reservationId,
        ILodgeRooms rooms,
        ActivitySource source,
        Pseudonymizer pseudonymizer,
        CancellationToken cancellationToken)
    {
        using var span = source.StartTravelCheckin(reservationId.ToString("N")); // clean precision-names
        var found = await rooms.FindAsync(reservationId, cancellationToken);
        if (found is not { } stay)
        {
            return new NotFoundResult("No such reservation.");
        }

        span.SetTravelTravellerId(pseudonymizer.PseudonymizeTravelTravellerId(stay.GuestPhone)); // clean precision-pseudonym
        span.SetTravelSegmentCount(stay.Reservation.Departure.DayNumber - stay.Reservation.Arrival.DayNumber); // clean precision-about
        span.SetTravelNote($"room {stay.Reservation.RoomNumber} keys handed to {stay.GuestName}"); // leak TC1001 generated-api
        return new OkResult(stay.Reservation.RoomNumber);
    }

    private static ActionResult BadRequestOf(string detail) => new BadRequestResult(detail);
}
