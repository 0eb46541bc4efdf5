using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Healthcare;

public sealed record CancelRequest(string HospitalNumber, string ReasonCode, string CancelledByStaffNumber);

public sealed record RescheduleRequest(string HospitalNumber, string AppointmentId, DateOnly NewDate, string Department);

public interface IBookingEngine
{
    Task<BookingDecision> DecideAsync(BookingRequest request);

    Task CancelAsync(string appointmentId, string reasonCode);

    Task<BookingDecision> RescheduleAsync(RescheduleRequest request);
}

/// <summary>Per-request booking context, filled by the portal's middleware from the signed-in patient.</summary>
public sealed class BookingContext
{
    public string Channel { get; set; } = "portal";

    /// <summary>The hospital number of the signed-in patient, or of the patient a clerk picked.</summary>
    public string? PatientKey { get; set; }

    /// <summary>The generated helper's pseudonym of <see cref="PatientKey"/>.</summary>
    public Pseudonym PatientRef { get; set; }
}

public interface IWaitingList
{
    Task<int> BookedTodayAsync(string department);

    Task<IReadOnlyList<string>> HospitalNumbersAsync(string department);
}

/// <summary>The PAS has no record of the patient the portal sent.</summary>
public sealed class PatientNotRegisteredException(string hospitalNumber)
    : Exception($"No PAS registration for hospital number {hospitalNumber}");

/// <summary>The slot was taken between the offer and the confirmation.</summary>
public sealed class SlotTakenException(string appointmentId, string department)
    : Exception($"Slot {appointmentId} in {department} was taken by another booking");

[ApiController]
[Route("api/bookings")]
public sealed class BookingController(
    IClinicTelemetry telemetry,
    IBookingEngine engine,
    Pseudonymizer pseudonymizer,
    IWaitingList waitingList,
    BookingContext context,
    ILogger<BookingController> logger) : ControllerBase
{
    // The cancel and reschedule endpoints still use the hand-written tracing from before the
    // conventions; they move to the generated API with the rest of the booking module.
    private static readonly ActivitySource Legacy = new("Hospital.Outpatients.Legacy");

    [HttpPost("")]
    public async Task<ActionResult> Book([FromBody] BookingRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = telemetry.StartBooking(request); // clean cross-member
        span.SetClinicPatientId(context.PatientRef); // clean cross-member
        logger.LogInformation("Booking through {Channel} for {Patient}", context.Channel, context.PatientKey); // leak TC1001 cross-member
        try
        {
            var decision = await engine.DecideAsync(request);
            telemetry.Decided(span, request, decision, Stopwatch.GetElapsedTime(started)); // clean cross-member
            if (decision.Outcome == ClinicBookingOutcome.Waitlisted)
            {
                telemetry.Waitlisted(request, decision.SlotsOffered); // leak TC1001 cross-member
            }
            return Ok(decision);
        }
        catch (PatientNotRegisteredException ex)
        {
            telemetry.Failed(span, request, ex); // leak TC1001 cross-member
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return NotFound("Patient not registered");
        }
        catch (SlotTakenException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetClinicBookingOutcome(ClinicBookingOutcomeValue.Custom("slot_taken")); // clean generated-api
            return BadRequest("Slot no longer available");
        }
    }

    [HttpPost("{appointmentId}/cancel")]
    public async Task<ActionResult> Cancel(string appointmentId, [FromBody] CancelRequest request)
    {
        using var activity = Legacy.StartActivity("CancelAppointment");
        activity?.SetTag("appointment.id", appointmentId); // clean direct
        activity?.SetTag("patient.hospital_number", request.HospitalNumber); // leak TC1001 direct
        activity?.SetTag("cancel.reason_code", request.ReasonCode); // clean direct
        logger.LogInformation("Cancelling {AppointmentId} for {HospitalNumber}, requested by {StaffNumber}", appointmentId, request.HospitalNumber, request.CancelledByStaffNumber); // leak TC1001 direct
        await engine.CancelAsync(appointmentId, request.ReasonCode);
        logger.LogInformation("Cancelled {AppointmentId} ({ReasonCode})", appointmentId, request.ReasonCode); // clean direct
        return Ok();
    }

    [HttpPost("{appointmentId}/reschedule")]
    public async Task<ActionResult> Reschedule(string appointmentId, [FromBody] RescheduleRequest request)
    {
        // Half moved: the span is the generated one, the rest is what the team had.
        var span = Activity.Current.EnrichClinicAppointmentBook(pseudonymizer.PseudonymizeClinicPatientId(request.AppointmentId), request.Department); // clean precision-pseudonym
        span.SetClinicAppointmentId(request.HospitalNumber); // leak TC1001 generated-api
        span.SetClinicVisitKind(ClinicVisitKind.FollowUp); // clean generated-api
        Activity.Current?.SetTag("reschedule.anon_patient", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.HospitalNumber)))[..16]); // leak TC1002 hashes
        Activity.Current?.SetTag("reschedule.new_date", request.NewDate.ToString("yyyy-MM-dd")); // clean precision-about
        var decision = await engine.RescheduleAsync(request);
        logger.LogInformation("Rescheduled {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Rescheduled {AppointmentId} to {NewAppointmentId} in {Department}", appointmentId, decision.AppointmentId, request.Department); // clean direct
        return Ok(decision);
    }

    [HttpGet("clinics/{department}/capacity")]
    public async Task<ActionResult> Capacity(string department)
    {
        var patientCount = await waitingList.BookedTodayAsync(department);
        var waitingHospitalNumbers = await waitingList.HospitalNumbersAsync(department);
        var patientCountBand = patientCount switch { < 10 => "<10", < 50 => "10-49", _ => "50+" };
        Activity.Current?.SetTag("clinic.capacity.patient_count_band", patientCountBand); // clean precision-names
        Activity.Current?.SetTag("clinic.waiting.count", waitingHospitalNumbers.Count); // clean precision-about
        logger.LogDebug("Waiting in {Department}: {Waiting}", department, waitingHospitalNumbers); // leak TC1001 logging-objects
        return Ok(patientCountBand);
    }
}
