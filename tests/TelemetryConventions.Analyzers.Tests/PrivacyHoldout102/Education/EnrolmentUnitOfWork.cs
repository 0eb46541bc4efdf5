namespace PrivacyHoldout102.Education;

public sealed class Student
{
    public Guid Id { get; set; }

    public required string StudentNumber { get; set; }

    public required string PreferredName { get; set; }

    public string? GuardianEmail { get; set; }
}

public sealed class Enrolment
{
    public long Id { get; set; }

    public Guid StudentId { get; set; }

    public required string CourseCode { get; set; }

    public required string Term { get; set; }

    public string Status { get; set; } = "active";

    public uint Version { get; set; }
}

public sealed class SisDbContext : DbContext
{
    public DbSet<Student> Students => Set<Student>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
}

/// <summary>The enrolment service's unit of work: one transaction per request, logged when it commits or conflicts.</summary>
public sealed class SisUnitOfWork(SisDbContext db, ILogger<SisUnitOfWork> logger, Pseudonymizer pseudonymizer) : IUnitOfWork
{
    private static readonly ActivitySource Source = new("School.Sis.Data");
    private static readonly Meter Meter = new("School.Sis.Data");

    public Guid Id { get; } = Guid.NewGuid();

    public async Task<int> CommitAsync(CancellationToken cancellationToken = default)
    {
        using var span = Source.StartSisstoreQuery("unit-of-work").SetSisstoreDbOperation("save"); // clean generated-api
        var pending = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        logger.LogDebug("Unit of work {UnitOfWork} saving {Count} entries of {Types}", Id, pending.Count, string.Join(",", pending.Select(e => e.Metadata.Name).Distinct())); // clean precision-names
        foreach (var entry in pending.Where(e => e.Entity is Student))
        {
            logger.LogDebug("Student entry {State}: {StudentNumber}", entry.State, entry.CurrentValues[nameof(Student.StudentNumber)]); // leak TC1001 cross-member
        }
        try
        {
            var saved = await db.SaveChangesAsync(cancellationToken);
            span.SetSisstoreRows(saved).SetSisstoreOutcome("ok"); // clean precision-about
            Meter.CreateSisstoreQueriesCounter().Add(1, "unit-of-work", "ok"); // clean generated-api
            return saved;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            foreach (var entry in ex.Entries)
            {
                if (entry.Entity is Enrolment enrolment)
                {
                    var student = await db.Students.FindAsync(enrolment.StudentId);
                    logger.LogSisstoreConcurrencyConflictEvent(nameof(Enrolment), "conflict", student is null ? null : pseudonymizer.PseudonymizeSisstoreStudentId(student.StudentNumber), $"enrolment {enrolment.Id} on {enrolment.CourseCode} version {enrolment.Version}"); // clean generated-api
                    logger.LogSisstoreConcurrencyConflictEvent(nameof(Enrolment), "conflict", sisstoreNote: $"student {student?.StudentNumber} on {enrolment.CourseCode}"); // leak TC1001 generated-api
                    Activity.Current?.SetTag("enrolment.student_id", enrolment.StudentId); // leak TC1001 direct
                }
            }
            span.RecordException(ex, includeMessage: true); // clean exceptions
            throw;
        }
    }

    public Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        logger.LogInformation("Unit of work {UnitOfWork} rolled back", Id); // clean precision-names
        return Task.CompletedTask;
    }
}

/// <summary>Enrolment commands from the registry office.</summary>
public sealed class EnrolmentRepository(SisDbContext db, IUnitOfWork unitOfWork, ILogger<EnrolmentRepository> logger)
{
    public async Task WithdrawAsync(string studentNumber, string courseCode, string term, CancellationToken ct)
    {
        var student = await db.Students.SingleOrDefaultAsync(s => s.StudentNumber == studentNumber, ct);
        if (student is null)
        {
            logger.LogWarning("Withdrawal for unknown student {StudentNumber} on {Course}", studentNumber, courseCode); // leak TC1001 direct
            return;
        }
        var rows = await db.Enrolments.Where(e => e.StudentId == student.Id && e.CourseCode == courseCode && e.Term == term)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, "withdrawn"), ct);
        logger.LogInformation("Withdrew {Rows} enrolments on {Course} for {Term}", rows, courseCode, term); // clean precision-about
        logger.LogInformation("Withdrawal saved for {Student}", student); // clean logging-objects
        logger.LogInformation("Guardian {GuardianEmail} to be told of the withdrawal", student.GuardianEmail); // leak TC1001 direct
        await unitOfWork.CommitAsync(ct);
    }
}
