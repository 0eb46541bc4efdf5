using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Healthcare;

public sealed record BookAppointmentCommand(string HospitalNumber, int ClinicId, DateTimeOffset SlotStart, string? ContactEmail);

public sealed class BookAppointmentValidator : AbstractValidator<BookAppointmentCommand>
{
    public BookAppointmentValidator()
    {
        RuleFor(c => c.HospitalNumber).NotEmpty().Matches("^[A-Z]{3}[0-9]{7}$")
            .WithMessage(c => $"'{c.HospitalNumber}' is not a hospital number of this trust");
        RuleFor(c => c.ContactEmail).EmailAddress().When(c => c.ContactEmail is not null);
        RuleFor(c => c.SlotStart).Must(slot => slot > DateTimeOffset.UtcNow).WithMessage("The slot has already started");
    }
}

public sealed class PatientNotRegisteredException(string hospitalNumber)
    : Exception($"Patient {hospitalNumber} has no active registration with the trust");

public sealed partial class BookAppointmentHandler(
    ClinicDbContext db,
    IValidator<BookAppointmentCommand> validator,
    IDomainEventDispatcher dispatcher,
    ILogger<BookAppointmentHandler> logger,
    Pseudonymizer pseudonymizer,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Clinic.Booking");

    public async Task<Result<Guid>> HandleAsync(BookAppointmentCommand command, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        using (var span = Source.StartRequestValidation(validation.Errors.Count)) // clean generated-api
        {
            if (!validation.IsValid)
            {
                var first = validation.Errors[0];
                span.SetRequestValidationProperty(first.PropertyName); // clean generated-api
                span.SetRequestCallerId(pseudonymizer.PseudonymizeRequestCallerId(command.HospitalNumber)); // clean precision-pseudonym
                foreach (var failure in validation.Errors)
                {
                    logger.LogWarning("Booking rejected: {Property} was {AttemptedValue}", failure.PropertyName, failure.AttemptedValue); // leak TC1001 cross-member
                }

                span.AddRequestRejectedEvent("booking.invalid", first.PropertyName, first.ErrorMessage); // leak TC1001 generated-api
                meter.CreateRequestRejectionsCounter().Add(1, "booking.invalid", first.PropertyName); // clean generated-api
                return Error.Validation("booking.invalid", validation.ToString());
            }
        }

        var registered = await db.Patients.AnyAsync(p => p.HospitalNumber == command.HospitalNumber && !p.IsDeleted, cancellationToken);
        if (!registered)
        {
            throw new PatientNotRegisteredException(command.HospitalNumber); // leak TC1001 exceptions
        }

        var appointment = new Appointment
        {
            Id = Guid.NewGuid(),
            PatientHospitalNumber = command.HospitalNumber,
            ClinicId = command.ClinicId,
            SlotStart = command.SlotStart,
        };
        appointment.Book();
        db.Appointments.Add(appointment);

        using var save = Source.StartPersistenceSave(nameof(Appointment)); // clean generated-api
        save.SetPersistenceSubjectId(pseudonymizer.PseudonymizePersistenceSubjectId(command.HospitalNumber)); // clean precision-pseudonym
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            meter.CreatePersistenceConflictsCounter().Add(1, nameof(Appointment), pg.ConstraintName); // clean generated-api
            if (pg.ConstraintName == "ux_appointments_clinic_slot")
            {
                // Key (clinic_id, slot_start)=(12, 2025-03-04 09:30:00+00) already exists.
                save.AddPersistenceConflictEvent(pg.ConstraintName, pg.Detail); // clean exceptions
                LogSlotTaken(logger, command.ClinicId, command.SlotStart); // clean direct
                return Error.Conflict("booking.slot_taken", "The slot is no longer available");
            }

            // ux_appointments_patient_day: Key (patient_hospital_number, slot_day)=(...) already exists.
            save.AddPersistenceConflictEvent(pg.ConstraintName ?? "unknown", pg.Detail); // leak TC1001 exceptions
            return Error.Conflict("booking.same_day", "The patient already has an appointment that day");
        }

        var events = db.ChangeTracker.Entries<Appointment>().SelectMany(e => e.Entity.DomainEvents).ToList();
        await dispatcher.DispatchAsync(events, cancellationToken);
        return appointment.Id;
    }

    [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "Clinic {ClinicId} slot {SlotStart} was taken concurrently")]
    private static partial void LogSlotTaken(ILogger logger, int clinicId, DateTimeOffset slotStart);
}

public sealed partial class AppointmentBookedHandler(ILogger<AppointmentBookedHandler> logger, Pseudonymizer pseudonymizer)
    : IDomainEventHandler<AppointmentBooked>
{
    public Task HandleAsync(AppointmentBooked domainEvent, CancellationToken cancellationToken)
    {
        Activity.Current?.AddEvent(new ActivityEvent(nameof(AppointmentBooked), tags: new ActivityTagsCollection { ["clinic.appointment.id"] = domainEvent.AppointmentId, ["clinic.id"] = domainEvent.ClinicId })); // clean precision-names
        logger.LogInformation("Dispatched {DomainEvent}", domainEvent); // leak TC1001 logging-objects
        LogBooked(logger, domainEvent.EventId, pseudonymizer.ComputePersistenceSubjectId(domainEvent.HospitalNumber)); // clean precision-pseudonym
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "Appointment booked (event {EventId}) for {PatientRef}")]
    private static partial void LogBooked(ILogger logger, Guid eventId, string patientRef);
}
