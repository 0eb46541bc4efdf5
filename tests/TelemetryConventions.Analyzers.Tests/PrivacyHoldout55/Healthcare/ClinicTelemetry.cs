using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Healthcare;

/// <summary>A booking request as the patient portal and the booking clerks' screen send it.</summary>
public sealed record BookingRequest(
    string HospitalNumber,
    string? NhsNumber,
    string Department,
    ClinicVisitKind Kind,
    string? ReferringStaffNumber,
    string? ReminderMobile);

public sealed record BookingDecision(string AppointmentId, ClinicBookingOutcome Outcome, int SlotsOffered, DateOnly? Date);

/// <summary>
/// The outpatient booking service's telemetry in one place, so that the endpoints do not each build
/// spans and pick attribute names. Registered as a singleton by <see cref="ClinicTelemetryRegistration"/>.
/// </summary>
public interface IClinicTelemetry
{
    ClinicAppointmentBookSpan StartBooking(BookingRequest request);

    void Decided(ClinicAppointmentBookSpan span, BookingRequest request, BookingDecision decision, TimeSpan elapsed);

    void Failed(ClinicAppointmentBookSpan span, BookingRequest request, Exception exception);

    void Waitlisted(BookingRequest request, int queuePosition);
}

public sealed class ClinicTelemetry(ActivitySource source, Meter meter, ILogger<ClinicTelemetry> logger, Pseudonymizer pseudonymizer) : IClinicTelemetry
{
    public const string SourceName = "Hospital.Outpatients.Booking";

    // Added by the waiting-list team for their dashboard; predates the conventions.
    private readonly Counter<long> _waitlistJoins = meter.CreateCounter<long>("clinic.waitlist.joins");

    public ClinicAppointmentBookSpan StartBooking(BookingRequest request)
    {
        var span = source.StartClinicAppointmentBook(pseudonymizer.PseudonymizeClinicPatientId(request.HospitalNumber), request.Department); // clean precision-pseudonym
        span.SetClinicVisitKind(request.Kind); // clean generated-api
        if (request.ReferringStaffNumber is { } staffNumber)
        {
            span.SetClinicClinicianId(pseudonymizer.PseudonymizeClinicClinicianId(staffNumber)); // clean precision-pseudonym
        }
        return span;
    }

    public void Decided(ClinicAppointmentBookSpan span, BookingRequest request, BookingDecision decision, TimeSpan elapsed)
    {
        var bucket = LeadTimeBucket(decision.Date);
        span.SetClinicAppointmentId(decision.AppointmentId) // clean precision-about
            .SetClinicBookingOutcome(decision.Outcome)
            .SetClinicSlotsOffered(decision.SlotsOffered);
        logger.LogClinicAppointmentBookedEvent(decision.AppointmentId, decision.Outcome, pseudonymizer.PseudonymizeClinicPatientId(request.HospitalNumber), request.Kind, bucket); // clean precision-pseudonym
        meter.CreateClinicBookingsCounter().Add(1, request.Department, decision.Outcome, request.Kind, bucket); // clean precision-about
        meter.CreateClinicBookingDurationHistogram().Record(elapsed.TotalSeconds, request.Department, request.Kind);
    }

    public void Failed(ClinicAppointmentBookSpan span, BookingRequest request, Exception exception)
    {
        span.RecordException(exception); // clean exceptions
        span.SetClinicBookingOutcome(ClinicBookingOutcome.Rejected);
        logger.LogError(exception, "Booking failed for patient {HospitalNumber} in {Department}", request.HospitalNumber, request.Department); // leak TC1001 direct
    }

    public void Waitlisted(BookingRequest request, int queuePosition)
    {
        var patient = pseudonymizer.PseudonymizeClinicPatientId(request.HospitalNumber);
        logger.LogClinicAppointmentBookedEvent("none", ClinicBookingOutcome.Waitlisted, patient, request.Kind, clinicNote: $"queue position {queuePosition}"); // clean precision-pseudonym
        logger.LogInformation("Waiting list: {PatientRef} is {HospitalNumber}, position {Position}", patient.Value, request.HospitalNumber, queuePosition); // leak TC1001 precision-pseudonym
        _waitlistJoins.Add(1, new("clinic.department", request.Department), new("clinic.patient.id", patient.Value)); // leak TC1003 precision-pseudonym
        _waitlistJoins.Add(0, new("clinic.department", request.Department), new("clinic.waitlist.position_band", queuePosition < 50 ? "front" : "back")); // clean precision-about
    }

    private static string LeadTimeBucket(DateOnly? date)
    {
        if (date is not { } day)
        {
            return "none";
        }
        var days = day.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber;
        return days switch
        {
            <= 7 => "0-7d",
            <= 28 => "8-28d",
            _ => "29d+",
        };
    }
}

public static class ClinicTelemetryRegistration
{
    public static IServiceCollection AddClinicTelemetry(this IServiceCollection services)
    {
        services.AddSingleton(new ActivitySource(ClinicTelemetry.SourceName));
        services.AddSingleton(new Meter(ClinicTelemetry.SourceName));
        services.AddSingleton<IClinicTelemetry, ClinicTelemetry>();
        return services;
    }
}
