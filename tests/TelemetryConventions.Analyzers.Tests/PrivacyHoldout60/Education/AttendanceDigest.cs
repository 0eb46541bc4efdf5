using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Education;

public sealed record AttendanceMark(string StudentNumber, string TutorGroup, string CourseCode, DateOnly Day, bool Present, bool Authorised);

public sealed record StudentContact(string StudentNumber, string PreferredName, string GuardianEmail, string? GuardianMobile, string YearGroup);

public interface IRegisterStore
{
    Task<IReadOnlyList<AttendanceMark>> ForWeekAsync(string tutorGroup, DateOnly weekStart, CancellationToken cancellationToken);

    /// <summary>Student numbers below 90 % in the given week.</summary>
    Task<IReadOnlyList<string>> PersistentAbsenceAsync(string tutorGroup, DateOnly weekStart, CancellationToken cancellationToken);
}

public interface IStudentDirectory
{
    Task<IReadOnlyList<StudentContact>> ContactsAsync(string tutorGroup, CancellationToken cancellationToken);
}

/// <summary>The weekly attendance digest of a tutor group, with absence letters to guardians.</summary>
public sealed partial class AttendanceDigest(
    IRegisterStore register,
    IStudentDirectory directory,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<AttendanceDigest> logger)
{
    public async Task RunAsync(string tutorGroup, DateOnly weekStart, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("attendance.digest");
        activity?.SetTag("attendance.tutor_group", tutorGroup); // clean direct
        var marks = await register.ForWeekAsync(tutorGroup, weekStart, cancellationToken);
        var contacts = (await directory.ContactsAsync(tutorGroup, cancellationToken)).ToDictionary(c => c.StudentNumber);
        activity?.SetTag("attendance.student_year_groups", contacts.Values.Select(c => c.YearGroup).Distinct().Count()); // clean precision-names

        var rates = marks
            .GroupBy(m => m.StudentNumber)
            .Select(g => (Student: g.Key, Rate: g.Count(m => m.Present) / (double)g.Count(), Unauthorised: g.Count(m => !m.Present && !m.Authorised)))
            .ToList();
        activity?.SetTag("attendance.mean_rate", rates.Select(r => r.Rate).DefaultIfEmpty(1).Average());
        activity?.SetTag("attendance.below_90", rates.Count(r => r.Rate < 0.9));

        var persistent = rates.Where(r => r.Rate < 0.9).Select(r => r.Student).ToHashSet();
        logger.LogInformation("Persistent absence in {Group}: {Students}", tutorGroup, persistent); // leak TC1001 logging-objects

        if (rates.Count > 0)
        {
            var lowest = rates.MinBy(r => r.Rate);
            activity?.SetTag("attendance.lowest", lowest.Student); // leak TC1001 cross-member
            activity?.SetTag("attendance.lowest_rate", lowest.Rate); // clean precision-about
            activity?.SetTag("attendance.lowest.name", contacts.GetValueOrDefault(lowest.Student)?.PreferredName); // leak TC1001 cross-member
        }

        var lastWeek = await register.PersistentAbsenceAsync(tutorGroup, weekStart.AddDays(-7), cancellationToken);
        var stillBelow = persistent.Intersect(lastWeek).ToList();
        var improved = lastWeek.Except(persistent).Count();
        logger.LogInformation("{Still} still below 90 %, {Improved} improved since last week", stillBelow.Count, improved);

        var known = stillBelow.Where(contacts.ContainsKey).ToList();
        var recipients = known.Select(s => contacts[s].GuardianEmail).ToList();
        logger.LogInformation("Sending absence letters to {Recipients}", string.Join("; ", recipients)); // leak TC1001 strings
        logger.LogInformation("Sending {Count} absence letters to {Domains} mail domains", recipients.Count, recipients.Select(r => r[(r.IndexOf('@') + 1)..]).Distinct().Count()); // clean precision-about
        LettersQueued(logger, tutorGroup, recipients.Count, string.Join(",", stillBelow)); // clean strings

        var noMobile = known.Where(s => contacts[s].GuardianMobile is null).Select(s => contacts[s].PreferredName);
        activity?.SetTag("attendance.guardian_without_mobile", string.Join(",", noMobile)); // leak TC1001 strings

        var byYear = known.GroupBy(s => contacts[s].YearGroup).Select(g => new { YearGroup = g.Key, Students = g.Count() });
        logger.LogInformation("Persistent absence by year group {@Years}", byYear); // clean logging-objects

        var absencesByCourse = marks.Where(m => !m.Present).GroupBy(m => m.CourseCode).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Absences by course {@Courses}", absencesByCourse); // clean logging-objects
        activity?.SetTag("attendance.worst_course", absencesByCourse.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).FirstOrDefault()); // clean cross-member

        var unauthorised = rates.Where(r => r.Unauthorised > 0).ToDictionary(r => r.Student, r => r.Unauthorised);
        logger.LogDebug("Unauthorised absences {Absences}", unauthorised); // leak TC1001 logging-objects
        logger.LogDebug("{Students} students with unauthorised absences, {Sessions} sessions", unauthorised.Count, unauthorised.Values.Sum());
        activity?.SetTag("attendance.unauthorised.students", string.Join(",", unauthorised.Keys.Select(k => pseudonymizer.ComputeGradesStudentId(k)))); // clean precision-pseudonym

        foreach (var student in stillBelow)
        {
            try
            {
                var contact = contacts[student];
                activity?.AddEvent(new ActivityEvent("attendance.letter", tags: new ActivityTagsCollection { ["year_group"] = contact.YearGroup, ["has_mobile"] = contact.GuardianMobile is not null })); // clean precision-about
            }
            catch (KeyNotFoundException ex)
            {
                logger.LogWarning(ex, "Student in the register but not in the directory"); // leak TC1001 exceptions
                activity?.AddException(ex); // leak TC1001 exceptions
            }
        }
    }

    /// <summary>The student numbers are classified, so the logging pipeline's redactor replaces them.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {LetterCount} absence letters for {TutorGroup}: {StudentNumbers}")]
    private static partial void LettersQueued(ILogger logger, string tutorGroup, int letterCount, [PrivacyCorpus.Shared.PrivateData] string studentNumbers);
}
