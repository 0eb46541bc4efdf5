using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Healthcare;

public sealed record RescheduleRequest(Guid AppointmentId, DateTimeOffset NewSlotStart, string ExpectedVersion);

public sealed class AppointmentConflictException(string message) : Exception(message);

/// <summary>Moves an appointment to another slot with an optimistic concurrency check on its row version.</summary>
public sealed class AppointmentRescheduleService(ClinicalDbContext db, ILogger<AppointmentRescheduleService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Clinic.Appointments");

    private async Task<bool> RescheduleAsync(RescheduleRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("update", nameof(Appointment)).SetDataStore("clinical").SetDataRecordKey(request.AppointmentId.ToString()); // clean direct

        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == request.AppointmentId, cancellationToken);
        if (appointment is null)
        {
            logger.LogInformation("Appointment {AppointmentId} not found", request.AppointmentId); // clean direct
            return false;
        }

        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == appointment.PatientId, cancellationToken);
        db.Entry(appointment).Property(a => a.RowVersion).OriginalValue = Convert.FromBase64String(request.ExpectedVersion);
        appointment.SlotStart = request.NewSlotStart;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            span.SetDataRows(1);
            logger.LogInformation("Appointment {AppointmentId} moved to {SlotStart} (version {Version})", appointment.Id, appointment.SlotStart, Convert.ToBase64String(appointment.RowVersion)); // clean precision-about
            return true;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var entry = ex.Entries.Single();
            var databaseValues = await entry.GetDatabaseValuesAsync(cancellationToken);
            var storeStatus = databaseValues?.GetValue<string>(nameof(Appointment.Status));
            var storePatient = databaseValues?.GetValue<Guid>(nameof(Appointment.PatientId));

            span.AddDataConflictDetectedEvent("concurrency", dataRecordKey: request.AppointmentId.ToString(), dataNote: $"store status {storeStatus}"); // clean generated-api
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Appointment {AppointmentId} changed underneath: now {Status} for patient {PatientId}", request.AppointmentId, storeStatus, storePatient); // leak TC1001 cross-member

            if (patient is not null && storePatient != patient.Id)
            {
                throw new AppointmentConflictException($"Slot of appointment {request.AppointmentId} was reassigned away from {patient.HospitalNumber}");
            }

            return false;
        }
    }

    public async Task<int> CancelForDeceasedAsync(string hospitalNumber, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("update", nameof(Appointment)).SetDataStore("clinical").SetDataQueryName("CancelForDeceased");
        span.SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(hospitalNumber)); // clean precision-pseudonym

        var cancelled = await db.Appointments
            .Where(a => db.Patients.Any(p => p.Id == a.PatientId && p.HospitalNumber == hospitalNumber) && a.SlotStart > DateTimeOffset.UtcNow)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, "cancelled-deceased"), cancellationToken);

        span.SetDataRows(cancelled); // clean precision-about
        span.SetDataNote($"cancelled {cancelled} future appointments for {hospitalNumber}"); // leak TC1001 generated-api
        return cancelled;
    }

    /// <summary>The reschedule endpoint's entry point: a slot lost to another patient is reported, not thrown.</summary>
    public async Task<bool> HandleAsync(RescheduleRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await RescheduleAsync(request, cancellationToken);
        }
        catch (AppointmentConflictException conflict)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, conflict.Message); // leak TC1001 exceptions
            logger.LogWarning("Reschedule conflict of type {ExceptionType}", conflict.GetType().Name); // clean exceptions
            return false;
        }
    }
}
