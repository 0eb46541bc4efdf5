using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PrivacyHoldout27.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout27.Education;

public sealed record CourseTotal(string Urn, string CourseCode, long Submissions);

public sealed record YearGroupLateness(string Urn, int YearGroup, long LateSubmissions);

public sealed record OverdueLearner(string Urn, string StudentNumber, int OverdueAssignments);

public interface ICourseStatistics
{
    IReadOnlyList<CourseTotal> Totals();

    IReadOnlyList<YearGroupLateness> Lateness();

    IReadOnlyList<OverdueLearner> Overdue();
}

/// <summary>Observable instruments of the learning platform, registered once at start-up.</summary>
public sealed class CourseMetrics
{
    public CourseMetrics(Meter meter, ICourseStatistics statistics, Pseudonymizer pseudonymizer)
    {
        meter.CreateObservableCounter("lms.submissions", () => statistics.Totals().Select(t => new Measurement<long>(t.Submissions, new KeyValuePair<string, object?>("school.urn", t.Urn), new("course.code", t.CourseCode)))); // clean direct
        meter.CreateObservableCounter("lms.submissions.late", () => statistics.Lateness().Select(l => new Measurement<long>(l.LateSubmissions, new KeyValuePair<string, object?>("school.urn", l.Urn), new("student.year_group", l.YearGroup)))); // clean precision-names
        meter.CreateObservableGauge("lms.assignments.overdue", () => statistics.Overdue().Select(o => new Measurement<int>(o.OverdueAssignments, new KeyValuePair<string, object?>("learner.ref", pseudonymizer.ComputeTenancySubjectId(o.StudentNumber))))); // leak TC1003 precision-pseudonym
    }
}

/// <summary>The enrolment rules of an academy.</summary>
public interface IEnrolmentRules
{
    /// <summary>Null when the learner may enrol, else a reason code from the rules' fixed list ("course-full", "prerequisite-missing", "timetable-clash").</summary>
    Task<string?> RejectionAsync(string urn, string studentNumber, string courseCode, CancellationToken cancellationToken);
}

/// <summary>Checks an enrolment through the generated span and histogram of the tenancy conventions.</summary>
public sealed class EnrolmentCheck(SchoolTenant school, LearnerSession learner, IEnrolmentRules rules, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Mat.Learning.Enrolment");

    public async Task<bool> CheckAsync(string courseCode, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTenancyWork(school.Urn, "enrol.check");
        span.SetTenancySubjectId(pseudonymizer.PseudonymizeTenancySubjectId(learner.StudentNumber)); // clean generated-api

        var rejection = await rules.RejectionAsync(school.Urn, learner.StudentNumber, courseCode, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (rejection is null)
        {
            meter.CreateTenancyWorkDurationHistogram().Record(elapsed, school.Urn, "enrol.check", tenancyOutcome: "accepted"); // clean generated-api
            return true;
        }

        span.AddTenancyWorkRejectedEvent(rejection, pseudonymizer.PseudonymizeTenancySubjectId(learner.StudentNumber), school.Urn); // clean generated-api
        span.SetTenancyOutcome($"rejected for {learner.StudentNumber}: {rejection}"); // leak TC1001 generated-api
        meter.CreateTenancyWorkDurationHistogram().Record(elapsed, school.Urn, "enrol.check", tenancyOutcome: $"rejected:{learner.StudentNumber}"); // leak TC1003 generated-api
        return false;
    }
}
