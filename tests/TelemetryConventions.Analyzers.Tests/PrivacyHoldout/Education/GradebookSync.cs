using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Education;

public sealed class GradeRow
{
    public int Id { get; set; }

    public required string StudentNumber { get; set; }

    public required string CourseCode { get; set; }

    public required string GuardianEmail { get; set; }

    public decimal Mark { get; set; }

    public int Version { get; set; }
}

public sealed class GradebookRepository(IDbSet<GradeRow> grades, IUnitOfWork unitOfWork, ILogger<GradebookRepository> logger)
{
    public async Task<GradeRow?> FindAsync(string studentNumber, string courseCode, CancellationToken cancellationToken)
    {
        var row = await grades.FirstOrDefaultAsync(g => g.StudentNumber == studentNumber && g.CourseCode == courseCode, cancellationToken);
        Activity.Current?.SetTag("db.query.found", row is not null); // clean precision-about
        return row;
    }

    public async Task SaveAsync(GradeRow row, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogError(ex, "Concurrent grade change for row {RowId} version {Version}", row.Id, row.Version); // clean precision-names
            throw new InvalidOperationException($"Grade for student {row.StudentNumber} in {row.CourseCode} changed meanwhile", ex);
        }
    }
}

/// <summary>Pushes final marks to the student records system every night.</summary>
public sealed class GradebookSyncWorker(
    GradebookRepository repository,
    IDbSet<GradeRow> grades,
    IStudentRecordsClient records,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<GradebookSyncWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Exams.GradebookSync");
    private readonly Histogram<double> _markHistogram = meter.CreateHistogram<double>("exam.mark");
    private readonly Counter<int> _failures = meter.CreateCounter<int>("exam.sync.failures");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Source.StartActivity("exam.gradebook.sync");
        var pending = await grades.ToListAsync(g => g.Version > 0, stoppingToken);
        activity?.SetTag("exam.sync.pending", pending.Count);

        var byCourse = pending.GroupBy(g => g.CourseCode).Select(g => (Course: g.Key, Count: g.Count(), Top: g.MaxBy(r => r.Mark)!)).ToList();
        foreach (var (course, count, top) in byCourse)
        {
            activity?.AddEvent(new ActivityEvent("exam.course.synced", tags: new ActivityTagsCollection { ["exam.course"] = course, ["exam.rows"] = count }));
            activity?.AddEvent(new ActivityEvent("exam.course.top", tags: new ActivityTagsCollection { ["exam.course"] = course, ["exam.top.student"] = top.StudentNumber })); // leak TC1001 cross-member
            _markHistogram.Record((double)top.Mark, new KeyValuePair<string, object?>("exam.course", course));
        }

        foreach (var row in pending)
        {
            if (!TryPush(row, out var failure))
            {
                _failures.Add(1, new TagList { { "exam.course", row.CourseCode }, { "exam.student", row.StudentNumber } }); // leak TC1003 direct
                activity?.SetTag("exam.sync.last_failure", failure); // leak TC1001 strings
                continue;
            }
            try
            {
                await repository.SaveAsync(row, stoppingToken);
            }
            catch (InvalidOperationException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Gradebook sync skipped a row: {Reason}", ex.GetType().Name); // clean exceptions
            }
        }

        var report = new StringBuilder();
        foreach (var row in pending.Where(r => r.Mark < 40))
        {
            report.Append(row.StudentNumber).Append(':').Append(row.Mark).Append(' ');
        }
        logger.LogInformation("Failing marks this run: {Report}", report.ToString()); // leak TC1001 strings
        logger.LogInformation("Failing marks this run: {Count}", pending.Count(r => r.Mark < 40)); // clean precision-about

        var guardianKeys = pending.Select(r => r.GuardianEmail).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        activity?.SetTag("exam.sync.guardians", guardianKeys); // clean precision-about
        activity?.SetTag("exam.sync.first_guardian", pending.FirstOrDefault()?.GuardianEmail.GetHashCode()); // leak TC1002 hashes
        var candidate = pending.Count > 0 ? pseudonymizer.PseudonymizeExamCandidateId(pending[0].StudentNumber) : default;
        activity?.SetTag("exam.sync.first_candidate", candidate.IsDefault ? null : candidate.Value); // clean precision-pseudonym
    }

    private bool TryPush(GradeRow row, out string failure)
    {
        var ok = records.Push(row.StudentNumber, row.CourseCode, row.Mark);
        failure = ok ? string.Empty : $"student {row.StudentNumber} rejected by records for {row.CourseCode}";
        return ok;
    }
}

public interface IStudentRecordsClient
{
    bool Push(string studentNumber, string courseCode, decimal mark);
}
