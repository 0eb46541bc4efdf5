using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Healthcare;

public sealed class Patient
{
    public Guid Id { get; set; }

    public string HospitalNumber { get; set; } = string.Empty;

    public string? NhsNumber { get; set; }

    public string FamilyName { get; set; } = string.Empty;

    public string GivenName { get; set; } = string.Empty;

    public DateOnly DateOfBirth { get; set; }

    public string? Email { get; set; }

    public string? MobileNumber { get; set; }

    public string RegisteredPracticeCode { get; set; } = string.Empty;

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}

public sealed class Appointment
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public string ClinicCode { get; set; } = string.Empty;

    public DateTimeOffset SlotStart { get; set; }

    public string Status { get; set; } = "booked";

    public byte[] RowVersion { get; set; } = [];
}

/// <summary>One row of the clinical audit trail, written in the same transaction as the change.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public string EntityType { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string KeyValues { get; set; } = "{}";

    public string OldValues { get; set; } = "{}";

    public string NewValues { get; set; } = "{}";

    public string ChangedColumns { get; set; } = string.Empty;

    public string ChangedBy { get; set; } = string.Empty;

    public DateTimeOffset ChangedAt { get; set; }
}

public interface ICurrentClinician
{
    string StaffNumber { get; }

    string WardCode { get; }
}

public sealed class ClinicalDbContext(DbContextOptions<ClinicalDbContext> options, ICurrentClinician clinician) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public string CurrentStaffNumber => clinician.StaffNumber;

    /// <summary>
    /// The clinical database is Postgres; the connection string is built with
    /// <c>new NpgsqlConnectionStringBuilder(raw) { IncludeErrorDetail = true }</c> so that the
    /// support team sees which row a constraint rejected.
    /// </summary>
    public static string BuildConnectionString(string raw) =>
        new NpgsqlConnectionStringBuilder(raw) { IncludeErrorDetail = true }.ConnectionString;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Patient>().HasQueryFilter(p => !p.IsDeleted);
        modelBuilder.Entity<Patient>().HasIndex(p => p.HospitalNumber).IsUnique().HasDatabaseName("ux_patients_hospital_number");
        modelBuilder.Entity<Patient>().HasIndex(p => p.NhsNumber).IsUnique().HasDatabaseName("ux_patients_nhs_number").HasFilter("nhs_number IS NOT NULL");
        modelBuilder.Entity<Appointment>().HasIndex(a => new { a.ClinicCode, a.SlotStart }).IsUnique().HasDatabaseName("ux_appointments_clinic_slot");
        modelBuilder.Entity<Appointment>().Property(a => a.RowVersion).IsRowVersion();
    }
}

/// <summary>Writes the audit trail of every patient and appointment change and reports it.</summary>
public sealed class ClinicalAuditInterceptor(ILogger<ClinicalAuditInterceptor> logger, Pseudonymizer pseudonymizer, Meter meter) : SaveChangesInterceptor
{
    private readonly List<AuditRecord> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not ClinicalDbContext context)
        {
            return ValueTask.FromResult(result);
        }

        context.ChangeTracker.DetectChanges();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditRecord && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        var activity = Activity.Current;
        activity?.SetTag("clinic.audit.entries", entries.Count); // clean precision-about

        foreach (var entry in entries)
        {
            var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
            var record = new AuditRecord
            {
                EntityType = entry.Metadata.Name,
                Action = entry.State.ToString(),
                KeyValues = JsonSerializer.Serialize(entry.Properties.Where(p => p.Metadata.IsPrimaryKey()).ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)),
                OldValues = JsonSerializer.Serialize(changed.ToDictionary(name => name, name => entry.OriginalValues[name])),
                NewValues = JsonSerializer.Serialize(changed.ToDictionary(name => name, name => entry.CurrentValues[name])),
                ChangedColumns = string.Join(',', changed),
                ChangedBy = context.CurrentStaffNumber,
                ChangedAt = DateTimeOffset.UtcNow,
            };
            _pending.Add(record);

            logger.LogDebug("Auditing {EntityType} {Action}: {ChangedColumns}", record.EntityType, record.Action, record.ChangedColumns); // clean precision-names

            if (entry.Entity is Patient patient)
            {
                if (entry.State == EntityState.Modified && entry.Property(nameof(Patient.FamilyName)).IsModified)
                {
                    logger.LogInformation("Family name corrected from {Previous} to {Current}", entry.OriginalValues[nameof(Patient.FamilyName)], patient.FamilyName); // leak TC1001 cross-member
                }

                if (patient.IsDeleted && entry.Property(nameof(Patient.IsDeleted)).IsModified)
                {
                    logger.LogInformation("Patient record soft-deleted at {DeletedAt} by {DeletedBy}", patient.DeletedAt, patient.DeletedBy); // leak TC1001 cross-member
                }

                logger.LogDataAuditWrittenEvent(entry.Metadata.Name, dataOperation: record.Action, dataSubjectId: pseudonymizer.PseudonymizeDataSubjectId(patient.HospitalNumber), dataRows: 1); // clean precision-pseudonym
                activity?.AddEvent(new ActivityEvent("clinic.patient.audited", tags: new ActivityTagsCollection { ["clinic.audit.key"] = record.KeyValues })); // leak TC1001 cross-member
            }
            else if (entry.Entity is Appointment appointment)
            {
                activity?.AddEvent(new ActivityEvent("clinic.appointment.audited", tags: new ActivityTagsCollection { ["clinic.appointment.id"] = appointment.Id.ToString(), ["clinic.code"] = appointment.ClinicCode })); // clean direct
            }
        }

        activity?.SetTag("clinic.audit.changed_by", context.CurrentStaffNumber); // leak TC1001 cross-member
        context.AuditRecords.AddRange(_pending);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        logger.LogInformation("Saved {Count} entities with {AuditCount} audit records", eventData.EntitiesSavedCount, _pending.Count); // clean precision-about
        foreach (var group in _pending.GroupBy(r => (r.EntityType, r.Action)))
        {
            meter.CreateDataSavesCounter().Add(group.Count(), dataEntityType: group.Key.EntityType, dataOperation: group.Key.Action); // clean precision-about
        }

        if (_pending.Count > 50)
        {
            logger.LogWarning("Large audit batch: {@AuditRecords}", _pending); // leak TC1001 logging-objects
        }

        _pending.Clear();
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Clear();
        if (eventData.Exception is DbUpdateException { InnerException: PostgresException pg } update && pg.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var activity = Activity.Current;
            activity?.AddDataConflictDetectedEvent("unique", dataConstraint: pg.ConstraintName); // clean precision-names
            activity?.SetTag("db.error.table", pg.TableName); // clean precision-names

            if (pg.ConstraintName == "ux_appointments_clinic_slot")
            {
                logger.LogWarning("Slot already taken: {Detail}", pg.Detail); // clean exceptions
            }
            else
            {
                activity?.SetTag("db.error.detail", pg.Detail); // leak TC1001 exceptions
                logger.LogWarning(update, "Duplicate patient rejected by {Constraint}", pg.ConstraintName); // leak TC1001 exceptions
            }
        }

        return Task.CompletedTask;
    }
}
