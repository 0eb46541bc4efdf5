using System;
using System.Collections.Generic;
using System.Data;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Education;

public sealed record EnrolStudentCommand(string StudentNumber, string CourseCode, string TermCode, string? GuardianEmail);

public interface IEnrolmentUnitOfWork : IAsyncDisposable
{
    Task BeginAsync(CancellationToken cancellationToken);

    Task<Student?> FindStudentAsync(string studentNumber, CancellationToken cancellationToken);

    void AddEnrolment(Enrolment enrolment);

    Task<int> CommitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One transaction around the records context. The records database runs on Postgres with the
/// default connection string: Npgsql leaves constraint details out of its messages.
/// </summary>
public sealed class EnrolmentUnitOfWork(StudentRecordsContext db, ILogger<EnrolmentUnitOfWork> logger, Meter meter) : IEnrolmentUnitOfWork
{
    private Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? _transaction;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        _transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        Activity.Current?.SetTag("db.transaction.id", _transaction.TransactionId.ToString()); // clean direct
    }

    public Task<Student?> FindStudentAsync(string studentNumber, CancellationToken cancellationToken) =>
        db.Students.FirstOrDefaultAsync(s => s.StudentNumber == studentNumber, cancellationToken);

    public void AddEnrolment(Enrolment enrolment) => db.Enrolments.Add(enrolment);

    public async Task<int> CommitAsync(CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries().Count(e => e.State != EntityState.Unchanged);
        Activity.Current?.SetTag("uow.pending_changes", pending); // clean precision-about

        try
        {
            var saved = await db.SaveChangesAsync(cancellationToken);
            await _transaction!.CommitAsync(cancellationToken);
            meter.CreateDataSavesCounter().Add(1, dataEntityType: nameof(Enrolment), dataOperation: "commit");
            return saved;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            await _transaction!.RollbackAsync(cancellationToken);
            meter.CreateDataSavesCounter().Add(1, dataEntityType: nameof(Enrolment), dataOperation: "commit", dataConflictKind: "unique"); // clean precision-about
            Activity.Current?.AddDataConflictDetectedEvent("unique", dataConstraint: pg.ConstraintName, dataNote: pg.Detail); // clean exceptions
            logger.LogWarning(ex, "Enrolment rejected by {Constraint} on {Table}", pg.ConstraintName, pg.TableName); // clean exceptions
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
    }
}

public sealed class EnrolmentHandler(IEnrolmentUnitOfWork unitOfWork, ILogger<EnrolmentHandler> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Education.Enrolment");

    public async Task<bool> HandleAsync(EnrolStudentCommand command, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("insert", nameof(Enrolment)).SetDataStore("records");
        span.SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(command.StudentNumber)); // clean precision-pseudonym

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CourseCode"] = command.CourseCode, ["TermCode"] = command.TermCode }); // clean logging-objects
        await unitOfWork.BeginAsync(cancellationToken);

        var student = await unitOfWork.FindStudentAsync(command.StudentNumber, cancellationToken);
        if (student is null)
        {
            logger.LogWarning("Enrolment for unknown student {StudentNumber}", command.StudentNumber); // leak TC1001 direct
            return false;
        }

        if (command.GuardianEmail is { } guardianEmail && !string.Equals(guardianEmail, student.GuardianEmail, StringComparison.OrdinalIgnoreCase))
        {
            span.Activity?.SetTag(DataAttributes.SubjectContact, pseudonymizer.ComputeDataSubjectId(guardianEmail)); // leak TC1001 precision-pseudonym
            logger.LogInformation("Guardian contact differs from the one on file (domain {Domain})", guardianEmail[(guardianEmail.IndexOf('@') + 1)..]); // clean precision-about
        }

        unitOfWork.AddEnrolment(new Enrolment { StudentId = student.Id, CourseCode = command.CourseCode, TermCode = command.TermCode });
        try
        {
            var rows = await unitOfWork.CommitAsync(cancellationToken);
            span.SetDataRows(rows).SetDataRecordKey($"{command.CourseCode}/{command.TermCode}"); // clean direct
            return true;
        }
        catch (DbUpdateException)
        {
            logger.LogInformation("Student {StudentRef} already enrolled on {CourseCode}", pseudonymizer.ComputeDataSubjectId(command.StudentNumber), command.CourseCode); // clean precision-pseudonym
            logger.LogDebug("Duplicate enrolment payload {@Command}", command); // leak TC1001 logging-objects
            return false;
        }
    }
}
