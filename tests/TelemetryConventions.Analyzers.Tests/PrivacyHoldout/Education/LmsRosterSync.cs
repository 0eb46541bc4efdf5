using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Education;

public sealed record LmsEnrolment(string CourseCode, string Upn, string Role, DateOnly EnrolledOn);

public sealed record SisStudent(string StudentNumber, string Upn, string Surname, string Programme, bool Withdrawn);

public interface ILmsApi
{
    Task<IReadOnlyList<LmsEnrolment>> EnrolmentsAsync(string courseCode, CancellationToken cancellationToken);

    Task EnrolAsync(string courseCode, string upn, CancellationToken cancellationToken);
}

public interface IStudentInformationSystem
{
    Task<IReadOnlyList<SisStudent>> RegisteredForAsync(string courseCode, CancellationToken cancellationToken);
}

/// <summary>Keeps the learning platform's course rosters in step with the student information system.</summary>
public sealed class LmsRosterSync(ILmsApi lms, IStudentInformationSystem sis, Pseudonymizer pseudonymizer, Meter meter, ILogger<LmsRosterSync> logger)
{
    private static readonly ActivitySource Source = new("Exams.RosterSync");
    private readonly Counter<int> _enrolled = meter.CreateCounter<int>("exam.roster.enrolled");

    public async Task SyncAsync(string courseCode, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("exam.roster.sync");
        activity?.SetTag("exam.course.code", courseCode);
        var enrolled = await lms.EnrolmentsAsync(courseCode, cancellationToken);
        var registered = await sis.RegisteredForAsync(courseCode, cancellationToken);

        var enrolledUpns = enrolled.Select(e => e.Upn).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var toEnrol = registered.Where(s => !s.Withdrawn && !enrolledUpns.Contains(s.Upn)).ToList();
        activity?.SetTag("exam.roster.to_enrol", toEnrol.Count); // clean precision-about
        activity?.SetTag("exam.roster.withdrawn", registered.Count(s => s.Withdrawn));
        activity?.SetTag("exam.roster.programmes", string.Join(",", registered.Select(s => s.Programme).Distinct())); // clean strings

        foreach (var student in toEnrol)
        {
            try
            {
                await lms.EnrolAsync(courseCode, student.Upn, cancellationToken);
                _enrolled.Add(1, new KeyValuePair<string, object?>("exam.course.code", courseCode));
                logger.LogInformation("Enrolled {Candidate} on {CourseCode}", pseudonymizer.ComputeExamCandidateId(student.StudentNumber), courseCode); // clean precision-pseudonym
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Could not enrol {Upn} on {CourseCode}", student.Upn, courseCode); // leak TC1001 precision-names
                logger.LogWarning("Enrolment of {Surname} on {CourseCode} failed: {Error}", student.Surname, courseCode, ex.GetType().Name); // leak TC1001 direct
                activity?.SetTag("exam.roster.last_failure", student.StudentNumber); // leak TC1001 direct
            }
        }

        var orphans = enrolled.Where(e => e.Role == "student" && registered.All(s => !string.Equals(s.Upn, e.Upn, StringComparison.OrdinalIgnoreCase))).Select(e => e.Upn).ToList();
        if (orphans.Count > 0)
        {
            logger.LogWarning("{Count} students on {CourseCode} are not registered: {Orphans}", orphans.Count, courseCode, orphans); // leak TC1001 logging-objects
        }
    }
}
