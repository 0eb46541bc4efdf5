namespace PrivacyHoldout102.Healthcare;

public sealed class Patient
{
    public Guid Id { get; set; }

    public required string HospitalNumber { get; set; }

    public string? NhsNumber { get; set; }

    public required string FamilyName { get; set; }

    public string? Email { get; set; }

    public string? MobilePhone { get; set; }

    public byte[] RowVersion { get; set; } = [];
}

public sealed class Admission
{
    public long Id { get; set; }

    public required string Ward { get; set; }

    public required string HospitalNumber { get; set; }

    public DateTimeOffset AdmittedAt { get; set; }

    public string? BedCode { get; set; }
}

/// <summary>The patient administration system's context. Patients are looked up by hospital number or NHS number.</summary>
public sealed class ClinicalDbContext : DbContext
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Admission> Admissions => Set<Admission>();
}

/// <summary>Slow-query logging and failure tagging for every command the PAS context sends.</summary>
public sealed class SlowCommandInterceptor(ILogger<SlowCommandInterceptor> logger, DataAccessOptions options) : DbCommandInterceptor
{
    private static readonly Meter Meter = new("Trust.Pas.Data");

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        var tag = QueryTag(command.CommandText);
        Meter.CreateClinicstoreQueryDurationHistogram().Record(eventData.Duration.TotalSeconds, tag); // clean precision-names
        if (eventData.Duration > options.SlowQueryThreshold)
        {
            logger.LogWarning("Slow query {Tag} took {ElapsedMs} ms: {CommandText}", tag, eventData.Duration.TotalMilliseconds, command.CommandText); // clean precision-names
            var values = string.Join(", ", command.Parameters.Cast<DbParameter>().Select(p => $"{p.ParameterName}={p.Value}"));
            logger.LogDebug("Slow query {Tag} parameters: {Parameters}", tag, values); // leak TC1001 strings
            var names = string.Join(",", command.Parameters.Cast<DbParameter>().Select(p => p.ParameterName));
            Activity.Current?.SetTag("db.query.parameter_names", names); // clean precision-names
            Activity.Current?.SetTag("db.query.parameter_count", command.Parameters.Count); // clean precision-about
        }
        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        var activity = Activity.Current;
        if (eventData.Exception is SqlServerException { Number: 2601 or 2627 } duplicate)
        {
            // The PAS unique indexes are IX_Patients_HospitalNumber and IX_Patients_NhsNumber.
            activity?.AddException(duplicate); // leak TC1001 exceptions
            activity?.SetTag("db.response.status_code", duplicate.Number.ToString(CultureInfo.InvariantCulture)); // clean precision-about
            activity?.SetTag("db.index", duplicate.IndexName); // clean precision-names
        }
        else if (eventData.Exception is SqlServerException { Number: -2 } timeout)
        {
            logger.LogError(timeout, "Command {CommandId} ({Source}) timed out after {Elapsed}", eventData.CommandId, eventData.CommandSource, eventData.Duration); // clean exceptions
        }
        return Task.CompletedTask;
    }

    private static string QueryTag(string commandText) =>
        commandText.StartsWith("-- ", StringComparison.Ordinal) ? commandText[3..commandText.IndexOf('\n', StringComparison.Ordinal)].Trim() : "untagged";
}

/// <summary>Writes who changed which demographic fields; the audit table is the record, the log a summary of it.</summary>
public sealed class PatientAuditInterceptor(ILogger<PatientAuditInterceptor> logger, Pseudonymizer pseudonymizer) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        foreach (var entry in eventData.Context!.ChangeTracker.Entries<Patient>().Where(e => e.State == EntityState.Modified))
        {
            var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
            logger.LogInformation("Patient {Patient} changed {Fields}", pseudonymizer.ComputeClinicstorePatientId(entry.Entity.HospitalNumber), string.Join(",", changed)); // clean precision-pseudonym
            var family = entry.Property(nameof(Patient.FamilyName));
            if (family.IsModified)
            {
                logger.LogInformation("Family name changed from {Old} to {New}", family.OriginalValue, family.CurrentValue); // leak TC1001 cross-member
                logger.LogInformation("Family name changed ({OldLength} -> {NewLength} characters)", (family.OriginalValue as string)?.Length, (family.CurrentValue as string)?.Length); // clean precision-about
            }
            logger.LogDebug("Saving {EntityType} in state {State}", entry.Metadata.Name, entry.State); // clean precision-names
            logger.LogDebug("Saving {Entity}", entry.Entity); // clean logging-objects
        }
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Exception is DbUpdateException { InnerException: SqlServerException { Number: 2601 or 2627 } inner } update)
        {
            logger.LogError(update, "Saving patients failed"); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"SQL error {inner.Number} on {inner.IndexName}"); // clean exceptions
        }
        return Task.CompletedTask;
    }
}
