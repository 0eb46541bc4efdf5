namespace PrivacyHoldout102.Healthcare;

/// <summary>Adds the allergy index; the data fix below clears beds of discharged patients.</summary>
public sealed class AddAllergyIndex : Microsoft.EntityFrameworkCore.Migrations.Migration
{
    protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE INDEX IX_Allergies_PatientId ON Allergies (PatientId)");
}

/// <summary>Contact updates from the ward clerks' screen, with optimistic concurrency on the patient's row version.</summary>
public sealed class DemographicsUpdater(ClinicalDbContext db, IUnitOfWork unitOfWork, ILogger<DemographicsUpdater> logger, Pseudonymizer pseudonymizer, DataAccessOptions options)
{
    public async Task<bool> UpdateContactAsync(string hospitalNumber, string email, string mobile, string staffNumber, CancellationToken ct)
    {
        try
        {
            return await UpdateOnceAsync(hospitalNumber, email, mobile, staffNumber, ct);
        }
        catch (PatientNotFoundException ex)
        {
            logger.LogWarning(ex, "Contact update refused"); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return false;
        }
    }

    private async Task<bool> UpdateOnceAsync(string hospitalNumber, string email, string mobile, string staffNumber, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var patient = await db.Patients.SingleOrDefaultAsync(p => p.HospitalNumber == hospitalNumber, ct) ?? throw new PatientNotFoundException(hospitalNumber);
            patient.Email = email;
            patient.MobilePhone = mobile;
            try
            {
                await unitOfWork.CommitAsync(ct);
                logger.LogInformation("Contact updated by {Staff} for {Patient}", pseudonymizer.ComputeClinicstoreStaffId(staffNumber), pseudonymizer.ComputeClinicstorePatientId(hospitalNumber)); // clean precision-pseudonym
                Activity.Current?.SetTag(ClinicstoreAttributes.PatientContact, email); // leak TC1001 generated-api
                return true;
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < options.MaxConcurrencyRetries)
            {
                var entry = ex.Entries.Single();
                var database = await entry.GetDatabaseValuesAsync(ct);
                logger.LogWarning(ex, "Concurrency conflict on attempt {Attempt} of unit of work {UnitOfWork}", attempt, unitOfWork.Id); // clean exceptions
                logger.LogClinicstoreConcurrencyConflictEvent(nameof(Patient), "retried", pseudonymizer.PseudonymizeClinicstorePatientId(hospitalNumber), $"attempt {attempt} of {options.MaxConcurrencyRetries}"); // clean generated-api
                logger.LogWarning("Stored email is now {StoredEmail}", database?[nameof(Patient.Email)]); // leak TC1001 cross-member
                logger.LogWarning("Row version was {Expected}, now {Actual}", Convert.ToHexString(patient.RowVersion), Convert.ToHexString((byte[])database![nameof(Patient.RowVersion)]!)); // clean precision-names
                entry.OriginalValues.SetValues(database);
            }
        }
    }
}

public sealed class PatientNotFoundException(string hospitalNumber) : Exception($"No patient with hospital number {hospitalNumber}");

/// <summary>The clinical safety team's data fix: clear the bed codes left on discharged patients' admissions.</summary>
public sealed class BedCodeDataFix(ClinicalDbContext db, ILogger<BedCodeDataFix> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Trust.Pas.Fixes");
    private static readonly Meter Meter = new("Trust.Pas.Fixes");
    private static readonly Counter<long> FixedRows = Meter.CreateCounter<long>("pas.fix.rows");

    public async Task RunAsync(string requestedBy, IReadOnlyList<string> hospitalNumbers, CancellationToken ct)
    {
        using var span = Source.StartClinicstoreFix("20250311_AddAllergyIndex").SetClinicstoreEntity(nameof(Admission)).SetClinicstoreStaffId(pseudonymizer.PseudonymizeClinicstoreStaffId(requestedBy)); // clean precision-pseudonym
        var pending = await db.Database.GetPendingMigrationsAsync(ct);
        logger.LogInformation("Pending migrations before the fix: {Migrations}", string.Join(", ", pending)); // clean precision-names
        var rows = await db.Admissions.Where(a => hospitalNumbers.Contains(a.HospitalNumber)).ExecuteUpdateAsync(s => s.SetProperty(a => a.BedCode, (string?)null), ct);
        span.SetClinicstoreRows(rows).SetClinicstoreOutcome("ok"); // clean precision-about
        span.SetClinicstoreNote($"cleared beds for {string.Join(",", hospitalNumbers)}"); // leak TC1001 generated-api
        logger.LogInformation("Bed code fix applied by {RequestedBy}", requestedBy); // leak TC1001 direct
        Activity.Current?.SetBaggage("fix.requested_by", requestedBy); // leak TC1001 direct
        FixedRows.Add(rows, new KeyValuePair<string, object?>("fix.staff", pseudonymizer.ComputeClinicstoreStaffId(requestedBy))); // leak TC1003 precision-pseudonym
        FixedRows.Add(rows, new KeyValuePair<string, object?>("fix.id", "20250311_AddAllergyIndex")); // clean precision-names

        foreach (var hospitalNumber in hospitalNumbers)
        {
            FormattableString sql = $"UPDATE Patients SET MobilePhone = NULL WHERE HospitalNumber = {hospitalNumber} AND MobilePhone = ''";
            logger.LogDebug("Running {Sql}", sql.Format); // clean strings
            logger.LogDebug("Running {Sql}", sql.ToString()); // leak TC1001 strings
            var changed = await db.Database.ExecuteSqlInterpolatedAsync(sql, ct);
            logger.LogDebug("Cleared {Rows} empty phone numbers", changed); // clean precision-about
        }
    }
}
