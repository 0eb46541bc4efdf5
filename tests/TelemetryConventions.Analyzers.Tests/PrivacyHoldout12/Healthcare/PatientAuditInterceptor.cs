using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Healthcare;

/// <summary>One row of the clinic's audit trail, as it is written to the audit table.</summary>
public sealed record AuditEntry(
    string EntityType,
    string State,
    IReadOnlyList<string> ChangedProperties,
    IReadOnlyDictionary<string, object?> OldValues,
    IReadOnlyDictionary<string, object?> NewValues);

/// <summary>What the trail says about an entry on telemetry: the shape of the change, not its values.</summary>
public sealed record AuditSummary(string EntityType, string State, int ChangedCount, string Subject);

public sealed partial class PatientAuditInterceptor(
    ILogger<PatientAuditInterceptor> logger,
    Pseudonymizer pseudonymizer) : SaveChangesInterceptor
{
    private static readonly ActivitySource Source = new("Clinic.Persistence");

    private readonly List<AuditEntry> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not ClinicDbContext context)
        {
            return ValueTask.FromResult(result);
        }

        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var activity = Activity.Current;
        activity?.SetTag(PersistenceAttributes.EntryCount, entries.Count); // clean precision-about
        activity?.SetTag(PersistenceAttributes.EntityType, string.Join(',', entries.Select(e => e.Metadata.ShortName()).Distinct())); // clean precision-names

        foreach (var entry in context.ChangeTracker.Entries<Patient>().Where(e => e.State == EntityState.Modified))
        {
            var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
            activity?.SetTag(PersistenceAttributes.ChangedProperties, string.Join(',', changed)); // clean precision-about

            var hospitalNumber = entry.Property(p => p.HospitalNumber).CurrentValue;
            var save = activity.EnrichPersistenceSave(nameof(Patient));
            save.SetPersistenceDetail($"record of {entry.Entity.FamilyName} updated"); // leak TC1001 generated-api
            activity?.SetTag("clinic.patient.hospital_number", hospitalNumber); // leak TC1001 direct
            LogPatientChanged(logger, pseudonymizer.ComputePersistenceSubjectId(hospitalNumber), changed.Count); // clean precision-pseudonym

            if (entry.Property(p => p.Email).IsModified)
            {
                var previousEmail = entry.OriginalValues.GetValue<string?>(nameof(Patient.Email));
                logger.LogInformation("Patient email replaced; previous address {PreviousEmail}", previousEmail); // leak TC1001 direct
                activity?.AddEvent(new ActivityEvent("clinic.patient.email_replaced", tags: new ActivityTagsCollection { ["clinic.patient.had_email"] = previousEmail is not null })); // clean precision-about
            }

            if (entry.Property(p => p.WardId).IsModified)
            {
                var wardMove = new ActivityTagsCollection
                {
                    ["clinic.ward.from"] = entry.Property(p => p.WardId).OriginalValue,
                    ["clinic.ward.to"] = entry.Property(p => p.WardId).CurrentValue,
                };
                activity?.AddEvent(new ActivityEvent("clinic.patient.transferred", tags: wardMove)); // clean direct
            }

            if (entry.Property(p => p.NhsNumber).IsModified)
            {
                LogNhsNumberCorrected(logger, (string?)entry.Property(nameof(Patient.NhsNumber)).OriginalValue, entry.Entity.NhsNumber); // leak TC1001 cross-member
            }
        }

        foreach (var entry in entries)
        {
            var audit = ToAuditEntry(entry);
            _pending.Add(audit);
            logger.LogDebug("Audit entry {@AuditEntry}", audit); // leak TC1001 logging-objects

            var subject = entry.Entity is Patient patient ? pseudonymizer.ComputePersistenceSubjectId(patient.HospitalNumber) : "-";
            logger.LogInformation("Audit {Summary}", new AuditSummary(audit.EntityType, audit.State, audit.ChangedProperties.Count, subject)); // clean logging-objects
        }

        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        var activity = Activity.Current;
        logger.LogError(eventData.Exception, "Saving clinic changes failed after {PendingAudit} audit entries", _pending.Count); // leak TC1001 exceptions
        activity?.SetStatus(ActivityStatusCode.Error, eventData.Exception.GetType().Name); // clean exceptions

        if (eventData.Exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            activity?.SetTag(PersistenceAttributes.Constraint, unique.ConstraintName); // clean exceptions
            activity?.SetTag("db.response.detail", unique.Detail); // leak TC1001 exceptions
        }

        _pending.Clear();
        return Task.CompletedTask;
    }

    private static AuditEntry ToAuditEntry(EntityEntry entry)
    {
        var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        var oldValues = new Dictionary<string, object?>();
        var newValues = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (entry.State == EntityState.Added)
            {
                newValues[name] = property.CurrentValue;
            }
            else if (entry.State == EntityState.Deleted)
            {
                oldValues[name] = property.OriginalValue;
            }
            else if (property.IsModified)
            {
                oldValues[name] = property.OriginalValue;
                newValues[name] = property.CurrentValue;
            }
        }

        return new AuditEntry(entry.Metadata.ShortName(), entry.State.ToString(), changed, oldValues, newValues);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Patient {PatientRef} changed ({ChangedCount} properties)")]
    private static partial void LogPatientChanged(ILogger logger, string patientRef, int changedCount);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "NHS number corrected from {PreviousNhsNumber} to {NhsNumber}")]
    private static partial void LogNhsNumberCorrected(ILogger logger, string? previousNhsNumber, string nhsNumber);
}
