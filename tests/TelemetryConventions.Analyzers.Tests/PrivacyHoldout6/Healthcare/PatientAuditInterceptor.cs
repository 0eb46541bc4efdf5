using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout6.Support;
using PrivacyHoldout6.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout6.Healthcare;

public sealed class PatientRecord
{
    public required string Mrn { get; init; }

    public required string Email { get; set; }

    public string? FamilyName { get; set; }

    public int EmailConsentVersion { get; set; }
}

/// <summary>Audits changes to patient records before they are saved.</summary>
public sealed class PatientAuditInterceptor(ILogger<PatientAuditInterceptor> logger, Pseudonymizer pseudonymizer) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var entries = eventData.Context!.ChangeTracker.Entries().Where(e => e.Entity is PatientRecord).ToList();
        Activity.Current?.SetTag("audit.patient.entries", entries.Count); // clean precision-about
        foreach (var entry in entries)
        {
            var mrn = (string)entry.Property("Mrn").CurrentValue!;
            var email = entry.Property("Email");
            logger.LogDebug("Saving patient {Mrn} ({State})", mrn, entry.State); // leak TC1001 cross-member
            Activity.Current?.SetTag("audit.email.changed", email.IsModified); // clean precision-about
            if (email.IsModified)
            {
                logger.LogInformation("Email of a patient changed from {Previous}", email.OriginalValue); // leak TC1001 cross-member
                Activity.Current?.SetTag("audit.email.domain", (email.CurrentValue as string)?.Split('@').LastOrDefault()); // clean precision-about
            }

            Activity.Current?.AddEvent(new ActivityEvent("audit.patient.saved", tags: new ActivityTagsCollection { ["audit.patient"] = pseudonymizer.ComputeTriagePatientId(mrn) })); // clean precision-pseudonym
            Activity.Current?.SetTag("audit.consent.version", entry.Property("EmailConsentVersion").CurrentValue); // clean precision-names
            if (entry.Entity is PatientRecord { FamilyName: { } familyName })
            {
                Activity.Current?.SetTag("audit.patient.family_name", familyName); // leak TC1001 direct
            }
        }

        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // The context's own failures name tables and constraints, never the values.
        logger.LogError(eventData.Exception, "Saving patient records failed"); // clean exceptions
    }
}

/// <summary>The patient store; a duplicate record is refused with the number that clashed.</summary>
public sealed class PatientStore(DbContext context)
{
    public async Task AddAsync(PatientRecord record, CancellationToken cancellationToken)
    {
        if (context.ChangeTracker.Entries().Any(e => e.Entity is PatientRecord p && p.Mrn == record.Mrn))
        {
            throw new DbUpdateException($"A patient with MRN {record.Mrn} already exists");
        }

        await context.SaveChangesAsync(cancellationToken);
    }
}

public sealed class PatientRegistration(PatientStore store, ILogger<PatientRegistration> logger)
{
    public async Task<bool> RegisterAsync(PatientRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await store.AddAsync(record, cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "Registering a patient failed"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return false;
        }
    }
}
