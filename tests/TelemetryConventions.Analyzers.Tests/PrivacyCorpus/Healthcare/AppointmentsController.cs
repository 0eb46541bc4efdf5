using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyCorpus.Telemetry;
using TelemetryConventions;

namespace PrivacyCorpus.Healthcare;

public sealed record BookAppointmentRequest(string PatientId, string Ward, DateTimeOffset Slot, string? Reason, string EmailTemplateId);

public sealed record Appointment(Guid Id, string PatientId, string Ward, DateTimeOffset Slot, ClinicVisitKind Kind);

public interface IAppointmentStore
{
    Task<Appointment?> FindAsync(Guid appointmentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Appointment>> ForPatientAsync(string patientId, CancellationToken cancellationToken);

    Task SaveAsync(Appointment appointment, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/appointments")]
public sealed class AppointmentsController(
    IAppointmentStore store,
    Pseudonymizer pseudonymizer,
    ILogger<AppointmentsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Clinic.Appointments");
    private static readonly Meter Meter = new("Clinic.Appointments");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("clinic.bookings");
    private static readonly Histogram<double> LookupSeconds = Meter.CreateHistogram<double>("clinic.appointment.lookup.duration", "s");

    [HttpGet("{patientId}")]
    public async Task<ActionResult> ListForPatient(string patientId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("GET /api/appointments/{patientId}");
        activity?.SetTag("patient.id", patientId); // leak TC1001 direct
        var started = Stopwatch.GetTimestamp();

        var appointments = await store.ForPatientAsync(patientId, cancellationToken);
        activity?.SetTag("clinic.appointment.count", appointments.Count); // clean precision-about
        activity?.SetTag("clinic.patient.has_upcoming", appointments.Any(a => a.Slot > DateTimeOffset.UtcNow)); // clean precision-about
        LookupSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("clinic.ward.count", appointments.Select(a => a.Ward).Distinct().Count())); // clean precision-about

        if (appointments.Count == 0)
        {
            logger.LogInformation("No appointments found for patient {PatientId}", patientId); // leak TC1001 direct
            return NotFound();
        }

        logger.LogDebug("Returning {AppointmentCount} appointments, trace {TraceId}", appointments.Count, HttpContext.TraceIdentifier); // clean precision-about
        return Ok(appointments);
    }

    [HttpPost]
    public async Task<ActionResult> Book([FromBody] BookAppointmentRequest request, CancellationToken cancellationToken)
    {
        var patient = pseudonymizer.Pseudonymize(ClinicAttributes.PatientId, request.PatientId);
        using var span = Source.StartClinicAppointment(patient) // clean generated-api
            .SetClinicWard(request.Ward);

        span.SetClinicVisitNote($"booked for {request.PatientId} via web"); // leak TC1001 generated-api
        span.SetClinicVisitNote($"booked via web, template {request.EmailTemplateId}"); // clean precision-names

        var appointment = new Appointment(Guid.NewGuid(), request.PatientId, request.Ward, request.Slot, ClinicVisitKind.Outpatient);
        try
        {
            await store.SaveAsync(appointment, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, $"could not save appointment of {request.PatientId}"); // leak TC1001 generated-api
            span.RecordException(ex); // clean exceptions
            throw;
        }

        Bookings.Add(1, new KeyValuePair<string, object?>("clinic.ward", request.Ward)); // clean direct
        Bookings.Add(1, new KeyValuePair<string, object?>("patient_id", request.PatientId)); // leak TC1003 direct
        logger.LogInformation("Booked appointment {AppointmentId} in {Ward} using template {EmailTemplateId}", appointment.Id, request.Ward, request.EmailTemplateId); // clean precision-names
        return Ok(appointment.Id);
    }

    [HttpGet("/api/patients/{mrn}/summary")]
    public async Task<ActionResult> Summary(string mrn, CancellationToken cancellationToken)
    {
        // Tracer-style span name with the route value filled in: a common mistake.
        using var activity = Source.StartActivity($"summary {mrn}"); // leak TC1001 strings
        var appointments = await store.ForPatientAsync(mrn, cancellationToken);
        var wards = string.Join(",", appointments.Select(a => a.Ward).Distinct());
        activity?.SetTag("clinic.wards", wards); // clean precision-about
        var visited = string.Join(";", appointments.Select(a => $"{a.PatientId}@{a.Ward}"));
        activity?.SetTag("clinic.visits", visited); // leak TC1001 strings
        return Ok(appointments.Count);
    }
}
