using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Healthcare;

public sealed record BookAppointmentRequest(string NhsNumber, Guid SlotId, string? Mobile, string? Email, string? AccessNeeds);

public sealed record ClinicSlot(Guid Id, string ClinicCode, DateTimeOffset Start, TimeSpan Length, string ClinicianStaffNumber, int Capacity, int Booked);

public sealed record Appointment(Guid Id, Guid SlotId, string ClinicCode, string NhsNumber, DateTimeOffset Start, string Status);

public interface IClinicSlotRepository
{
    Task<ClinicSlot?> FindAsync(Guid slotId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClinicSlot>> FreeSlotsAsync(string clinicCode, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    Task<int> OpenAppointmentsAsync(string nhsNumber, CancellationToken cancellationToken);

    Task<Appointment> BookAsync(ClinicSlot slot, string nhsNumber, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/clinics/{clinicCode}/appointments")]
public sealed class OutpatientBookingController(
    IClinicSlotRepository slots,
    AppointmentInviteSender invites,
    ReminderPlanner reminders,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<OutpatientBookingController> logger) : ControllerBase
{
    private readonly Counter<long> _bookingsPerPatient = meter.CreateCounter<long>("clinic.bookings.per_patient");

    [HttpGet("free")]
    public async Task<ActionResult> FreeSlots(string clinicCode, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var free = await slots.FreeSlotsAsync(clinicCode, from, to, cancellationToken);
        Activity.Current?.SetTag("clinic.free_slots", free.Count);
        return Ok(free);
    }

    [HttpPost]
    public async Task<ActionResult> Book(string clinicCode, [FromBody] BookAppointmentRequest request, CancellationToken cancellationToken)
    {
        logger.LogDebug("Booking request {@Request}", request); // leak TC1001 logging-objects
        var span = Activity.Current.EnrichBookingReserve(clinicCode).SetBookingSubjectId(pseudonymizer.PseudonymizeBookingSubjectId(request.NhsNumber)); // clean precision-pseudonym

        var slot = await slots.FindAsync(request.SlotId, cancellationToken);
        if (slot is null || slot.ClinicCode != clinicCode)
        {
            logger.LogWarning("Slot {SlotId} is not bookable in {Clinic} for {NhsNumber}", request.SlotId, clinicCode, request.NhsNumber); // leak TC1001 direct
            span.AddBookingRejectedEvent($"slot {request.SlotId} not found in {clinicCode}"); // clean precision-about
            return NotFound();
        }

        var openAppointments = await slots.OpenAppointmentsAsync(request.NhsNumber, cancellationToken);
        Activity.Current?.SetTag("patient.open_appointments", openAppointments); // clean precision-names
        if (slot.Booked >= slot.Capacity + OverbookAllowance(slot))
        {
            span.AddBookingRejectedEvent($"{request.NhsNumber} refused, {slot.Id} full"); // leak TC1001 generated-api
            return BadRequest("That slot has just been taken.");
        }

        var appointment = await slots.BookAsync(slot, request.NhsNumber, cancellationToken);
        span.SetBookingSlotCount(slot.Booked + 1).SetBookingOutcome(slot.Booked >= slot.Capacity ? "overbooked" : "booked");
        Activity.Current?.SetTag("appointment.id", appointment.Id); // clean precision-about
        Activity.Current?.SetTag("appointment.clinician", slot.ClinicianStaffNumber); // leak TC1001 direct
        if (!string.IsNullOrWhiteSpace(request.AccessNeeds))
        {
            span.SetBookingNote(request.AccessNeeds); // leak TC1001 generated-api
        }

        meter.CreateBookingConfirmationsCounter().Add(1, bookingSite: clinicCode, bookingOutcome: slot.Booked >= slot.Capacity ? "overbooked" : "booked"); // clean precision-about
        _bookingsPerPatient.Add(1, new KeyValuePair<string, object?>("clinic", clinicCode), new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeBookingSubjectId(request.NhsNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Booked {AppointmentId} in {Clinic} at {Start:o}", appointment.Id, clinicCode, slot.Start); // clean precision-about

        await invites.SendAsync(appointment, request.Email, cancellationToken);
        reminders.Plan(appointment, hasMobile: request.Mobile is not null);
        return Ok(new { appointment.Id, appointment.Start });
    }

    // Dermatology overbooks by one: a fifth of its new patients do not attend.
    private static int OverbookAllowance(ClinicSlot slot) => slot.ClinicCode.StartsWith("DERM", StringComparison.Ordinal) ? 1 : 0;
}
