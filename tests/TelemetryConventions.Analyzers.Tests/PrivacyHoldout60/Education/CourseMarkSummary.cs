using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Education;

public sealed record MarkEntry(
    string StudentNumber,
    string PreferredName,
    string Email,
    string CourseCode,
    string AssessmentId,
    string Cohort,
    decimal Mark,
    DateTimeOffset SubmittedAt,
    bool Late);

public sealed record CourseSummary(string CourseCode, string AssessmentId, int Students, decimal Mean, IReadOnlyDictionary<GradesBand, int> Bands);

public interface IMarksRepository
{
    Task<IReadOnlyList<MarkEntry>> ForAssessmentAsync(string courseCode, string assessmentId, CancellationToken cancellationToken);
}

/// <summary>Mark summaries of an assessment for the exam board: distribution, top marks and outliers.</summary>
public sealed class CourseMarkSummary(
    IMarksRepository marks,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CourseMarkSummary> logger)
{
    public async Task<CourseSummary> BuildAsync(string courseCode, string assessmentId, CancellationToken cancellationToken)
    {
        var entries = await marks.ForAssessmentAsync(courseCode, assessmentId, cancellationToken);
        using var span = source.StartGradesSummaryBuild(courseCode); // clean direct
        span.SetGradesAssessmentId(assessmentId);
        span.SetGradesStudentsCount(entries.Count);
        if (entries.Count == 0)
        {
            span.SetGradesNote("no submissions"); // clean generated-api
            return new CourseSummary(courseCode, assessmentId, 0, 0, new Dictionary<GradesBand, int>());
        }

        var mean = entries.Average(e => e.Mark);
        span.SetGradesMarkMean((double)mean);

        var bands = entries.GroupBy(e => BandOf(e.Mark)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (cohort, inCohort) in entries.GroupBy(e => e.Cohort).Select(g => (g.Key, g.ToList())))
        {
            foreach (var (band, count) in inCohort.CountBy(e => BandOf(e.Mark)))
            {
                meter.CreateGradesSubmissionsCounter().Add(count, courseCode, gradesCohort: cohort, gradesBand: band); // clean cross-member
            }
        }

        var top = entries.OrderByDescending(e => e.Mark).ThenBy(e => e.SubmittedAt).Take(3).ToList();
        logger.LogInformation("Top of {Course}/{Assessment}: {Top}", courseCode, assessmentId, top.Select(e => e.PreferredName)); // leak TC1001 logging-objects
        logger.LogInformation("Top marks of {Course}/{Assessment}: {Marks}", courseCode, assessmentId, top.Select(e => e.Mark)); // clean logging-objects
        span.SetGradesNote($"top mark {top[0].Mark} by {top[0].StudentNumber}"); // leak TC1001 generated-api

        var (best, worst) = (entries.Max(e => e.Mark), entries.Min(e => e.Mark));
        logger.LogInformation("Range of {Course}: {Range}", courseCode, (best, worst)); // clean logging-objects
        var weakest = entries.MinBy(e => e.Mark)!;
        logger.LogInformation("Weakest script of {Course}: {Entry}", courseCode, (weakest.StudentNumber, weakest.Mark)); // leak TC1001 logging-objects

        var spread = Math.Sqrt(entries.Sum(e => Math.Pow((double)(e.Mark - mean), 2)) / entries.Count);
        var outliers = entries.Where(e => Math.Abs((double)(e.Mark - mean)) > 2 * spread).ToList();
        outliers.ForEach(o => logger.LogGradesOutlierDetectedEvent(courseCode, pseudonymizer.PseudonymizeGradesStudentId(o.StudentNumber), BandOf(o.Mark), $"mark {o.Mark} against a mean of {mean:F1}")); // clean precision-pseudonym
        outliers.ForEach(o => logger.LogDebug("Outlier {Student}: {Mark}", o.StudentNumber, o.Mark)); // leak TC1001 direct

        var lateByCohort = entries.Where(e => e.Late).CountBy(e => e.Cohort);
        foreach (var (cohort, late) in lateByCohort)
        {
            logger.LogInformation("Cohort {Cohort}: {Late} late submissions", cohort, late); // clean cross-member
        }

        var resubmitted = entries.GroupBy(e => e.StudentNumber).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (resubmitted.Length > 0)
        {
            span.Activity?.SetTag("grades.resubmitted", resubmitted); // leak TC1001 cross-member
            span.Activity?.SetTag("grades.resubmitted.count", resubmitted.Length);
        }

        var studentCount = entries.Select(e => e.StudentNumber).Distinct().Count();
        span.Activity?.SetTag("grades.student_count", studentCount); // clean precision-names

        var summary = new CourseSummary(courseCode, assessmentId, studentCount, mean, bands);
        logger.LogInformation("Summary ready {@Summary}", summary); // clean logging-objects
        return summary;
    }

    public async Task ReviewBorderlineAsync(string courseCode, string assessmentId, CancellationToken cancellationToken)
    {
        var entries = await marks.ForAssessmentAsync(courseCode, assessmentId, cancellationToken);
        var borderline = entries.Where(e => e.Mark is >= 38 and < 40 or >= 68 and < 70).ToList();
        foreach (var entry in borderline)
        {
            using var review = source.StartGradesStudentReview(pseudonymizer.PseudonymizeGradesStudentId(entry.StudentNumber), courseCode); // clean precision-pseudonym
            review.SetGradesBand(BandOf(entry.Mark));
            review.SetGradesNote($"{70 - entry.Mark:F0} marks below the next band"); // clean generated-api
            review.Activity?.SetTag(GradesAttributes.StudentEmail, entry.Email); // leak TC1001 generated-api
        }

        var armOf = borderline.ToDictionary(e => e.StudentNumber, e => (e.StudentNumber.GetHashCode() & 0x7fffffff) % 2 == 0 ? "second-marker" : "viva");
        foreach (var group in armOf.GroupBy(kv => kv.Value))
        {
            logger.LogInformation("Borderline review route {Route}: {Count} scripts", group.Key, group.Count()); // clean cross-member
        }
        logger.LogDebug("Borderline review routes {Routes}", armOf); // leak TC1001 logging-objects
        Activity.Current?.SetTag("grades.borderline.bucket", borderline.Select(e => e.StudentNumber.GetHashCode() % 16).FirstOrDefault()); // leak TC1002 hashes
        try
        {
            var single = borderline.Single(e => e.Mark == borderline.Max(b => b.Mark));
            Activity.Current?.SetTag("grades.borderline.top_assessment", single.AssessmentId); // clean direct
        }
        catch (InvalidOperationException ex)
        {
            logger.LogDebug(ex, "More than one borderline script shares the top mark"); // clean exceptions
        }
    }

    private static GradesBand BandOf(decimal mark) => mark switch
    {
        >= 70 => GradesBand.Distinction,
        >= 60 => GradesBand.Merit,
        >= 40 => GradesBand.Pass,
        _ => GradesBand.Fail,
    };
}
