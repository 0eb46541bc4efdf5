using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Education;

public sealed class Student
{
    public int Id { get; set; }

    public string StudentNumber { get; set; } = string.Empty;

    public string? UniqueLearnerNumber { get; set; }

    public string LegalName { get; set; } = string.Empty;

    public string? PreferredName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string SchoolUrn { get; set; } = string.Empty;

    public string YearGroup { get; set; } = string.Empty;

    public string? GuardianEmail { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }

    public string? ModifiedBy { get; set; }

    /// <summary>
    /// The reference the analytics warehouse joins on: the telemetry pseudonym for students created since
    /// the 2023 records migration; older rows still hold the raw student number it was seeded with.
    /// </summary>
    public string? AnalyticsRef { get; set; }
}

public sealed class Enrolment
{
    public int Id { get; set; }

    public int StudentId { get; set; }

    public string CourseCode { get; set; } = string.Empty;

    public string TermCode { get; set; } = string.Empty;
}

/// <summary>The school the request is for (multi-tenant: one database, rows filtered by URN).</summary>
public interface ISchoolTenant
{
    string SchoolUrn { get; }
}

/// <summary>The member of staff signed in to the records portal.</summary>
public interface IStaffUser
{
    string StaffId { get; }

    string Email { get; }
}

public sealed class StudentRecordsContext(
    DbContextOptions<StudentRecordsContext> options,
    ISchoolTenant tenant,
    IStaffUser staff,
    ILogger<StudentRecordsContext> logger) : DbContext(options)
{
    public DbSet<Student> Students => Set<Student>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Student>().HasQueryFilter(s => s.SchoolUrn == tenant.SchoolUrn && !s.IsDeleted);
        modelBuilder.Entity<Student>().HasIndex(s => new { s.SchoolUrn, s.StudentNumber }).IsUnique().HasDatabaseName("ux_students_school_student_number");
        modelBuilder.Entity<Enrolment>().HasIndex(e => new { e.StudentId, e.CourseCode, e.TermCode }).IsUnique().HasDatabaseName("ux_enrolments_student_course_term");
    }

    /// <summary>Turns deletes of students into soft deletes and stamps who changed what.</summary>
    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var activity = Activity.Current;
        activity?.SetTag("edu.school.urn", tenant.SchoolUrn); // clean direct

        var softDeleted = 0;
        foreach (var entry in ChangeTracker.Entries<Student>())
        {
            switch (entry.State)
            {
                case EntityState.Deleted:
                    entry.State = EntityState.Modified;
                    entry.Entity.IsDeleted = true;
                    entry.Entity.DeletedAt = DateTimeOffset.UtcNow;
                    entry.Entity.DeletedBy = staff.Email;
                    softDeleted++;
                    logger.LogInformation("Soft-deleting student {StudentNumber} (year {YearGroup})", entry.Entity.StudentNumber, entry.Entity.YearGroup); // leak TC1001 cross-member
                    break;
                case EntityState.Modified:
                    entry.Entity.ModifiedBy = staff.StaffId;
                    var renamed = entry.Property(s => s.PreferredName);
                    if (renamed.IsModified)
                    {
                        logger.LogInformation("Preferred name changed (had one before: {HadPrevious}, length now {Length})", renamed.OriginalValue is not null, renamed.CurrentValue?.Length ?? 0); // clean precision-about
                        activity?.AddEvent(new ActivityEvent("edu.student.renamed", tags: new ActivityTagsCollection { ["edu.student.previous_name"] = renamed.OriginalValue })); // leak TC1001 cross-member
                    }

                    break;
            }
        }

        if (softDeleted > 0)
        {
            logger.LogInformation("Soft-deleted {Count} students in school {SchoolUrn}", softDeleted, tenant.SchoolUrn); // clean precision-about
            activity?.SetTag("edu.deleted_by", staff.Email); // leak TC1001 cross-member
        }

        activity?.SetTag("edu.modified_by", staff.StaffId); // leak TC1001 cross-member
        return await base.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Lookups the attendance and exams services call; the exam board sees students by a Base64 reference.</summary>
public sealed class StudentDirectory(StudentRecordsContext db, ILogger<StudentDirectory> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Education.Records");

    public async Task<Student?> FindByUlnAsync(string uniqueLearnerNumber, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("query", nameof(Student)).SetDataStore("records").SetDataQueryName("FindByUln");
        var student = await db.Students.AsNoTracking().FirstOrDefaultAsync(s => s.UniqueLearnerNumber == uniqueLearnerNumber, cancellationToken);
        if (student is null)
        {
            var archived = await db.Students.IgnoreQueryFilters().AnyAsync(s => s.UniqueLearnerNumber == uniqueLearnerNumber && s.IsDeleted, cancellationToken);
            logger.LogInformation("ULN lookup missed (archived match: {Archived})", archived); // clean precision-about
            span.SetDataNote($"no student with ULN {uniqueLearnerNumber}"); // leak TC1001 generated-api
            return null;
        }

        var examBoardRef = Convert.ToBase64String(Encoding.UTF8.GetBytes(student.StudentNumber));
        span.SetDataRows(1).SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(student.StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("edu.exam_board.ref", examBoardRef); // leak TC1001 hashes
        logger.LogDebug("Found student in year {YearGroup} at {SchoolUrn}", student.YearGroup, student.SchoolUrn); // clean precision-about
        return student;
    }

    public async Task<IReadOnlyList<Student>> FindByGuardianEmailAsync(string guardianEmail, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("query", nameof(Student)).SetDataStore("records").SetDataQueryName("FindByGuardianEmail");
        var students = await db.Students.AsNoTracking().Where(s => s.GuardianEmail == guardianEmail).ToListAsync(cancellationToken);
        span.SetDataRows(students.Count); // clean precision-about
        logger.LogInformation("Guardian lookup for {GuardianEmail} matched {Count} students", guardianEmail, students.Count); // leak TC1001 direct

        if (students.Count == 1 && students[0].AnalyticsRef is { } analyticsRef)
        {
            span.SetDataSubjectId(Pseudonym.FromComputed(analyticsRef)); // leak TC1001 precision-pseudonym
        }

        return students;
    }

    public async Task<int> CountByYearAsync(string yearGroup, CancellationToken cancellationToken)
    {
        var count = await db.Students.Where(s => s.YearGroup == yearGroup).CountAsync(cancellationToken);
        Activity.Current?.SetTag("edu.student_count", count); // clean precision-names
        return count;
    }
}
