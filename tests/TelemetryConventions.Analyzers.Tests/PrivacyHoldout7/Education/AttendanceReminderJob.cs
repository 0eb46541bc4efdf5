using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout7.Support;
using TelemetryConventions;

namespace PrivacyHoldout7.Education;

public sealed record Absence(string StudentNumber, string StudentName, string GuardianEmail, string GuardianPhone, string ClassCode, int ConsecutiveDays);

public interface IAbsenceQuery
{
    Task<IReadOnlyList<Absence>> TodayAsync(string schoolCode, CancellationToken cancellationToken);
}

public interface IReminderSender
{
    Task<bool> SendAsync(string guardianEmail, string body, CancellationToken cancellationToken);
}

public static partial class ReminderLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Reminder sent to {GuardianEmail} about {ClassCode}")]
    public static partial void ReminderSent(this ILogger logger, string guardianEmail, string classCode);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Reminder failed for student {StudentName}")]
    public static partial void ReminderFailed(this ILogger logger, string studentName, Exception exception);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "{Count} reminders queued for school {SchoolCode}")]
    public static partial void RemindersQueued(this ILogger logger, int count, string schoolCode);
}

/// <summary>Every morning: tells guardians about absences of three days or more.</summary>
public sealed class AttendanceReminderJob(IAbsenceQuery absences, IReminderSender sender, Pseudonymizer pseudonymizer, Meter meter, ILogger<AttendanceReminderJob> logger) : IJob
{
    private static readonly ActivitySource Source = new("Campus.Attendance");
    private readonly Histogram<int> _absenceDays = meter.CreateHistogram<int>("campus.absence.days");

    public async Task Execute(IJobExecutionContext context)
    {
        var schoolCode = context.MergedJobDataMap.GetString("schoolCode");
        var escalateTo = context.MergedJobDataMap.GetString("escalationMailbox");
        using var job = Source.StartActivity("attendance-reminders");
        job?.SetTag("campus.school.code", schoolCode); // clean precision-about
        job?.SetTag("campus.escalation.mailbox", escalateTo); // clean precision-names
        job?.SetTag("job.fire_time", context.FireTimeUtc.ToString("O")); // clean precision-about

        var today = await absences.TodayAsync(schoolCode, context.CancellationToken);
        var due = today.Where(a => a.ConsecutiveDays >= 3).ToList();
        logger.RemindersQueued(due.Count, schoolCode); // clean logging-objects

        await Parallel.ForEachAsync(due, context.CancellationToken, async (absence, ct) =>
        {
            var body = BuildBody(absence);
            try
            {
                if (await sender.SendAsync(absence.GuardianEmail, body, ct))
                {
                    logger.ReminderSent(absence.GuardianEmail, absence.ClassCode); // leak TC1001 logging-objects
                }
            }
            catch (TimeoutException ex)
            {
                logger.ReminderFailed(absence.StudentName, ex); // leak TC1001 logging-objects
            }

            _absenceDays.Record(absence.ConsecutiveDays, new KeyValuePair<string, object?>("campus.class", absence.ClassCode), new KeyValuePair<string, object?>("campus.student", absence.StudentNumber)); // leak TC1003 direct
            _absenceDays.Record(absence.ConsecutiveDays, new KeyValuePair<string, object?>("campus.class", absence.ClassCode)); // clean direct
        });

        var first = due.FirstOrDefault();
        if (first is not null)
        {
            job?.AddEvent(new ActivityEvent("campus.reminder.sample", tags: new ActivityTagsCollection { ["body"] = BuildBody(first) })); // leak TC1001 strings
            job?.SetTag("campus.student.id", pseudonymizer.Pseudonymize("student", first.StudentNumber).Value); // clean precision-pseudonym
            job?.SetTag("campus.guardian.email", pseudonymizer.Compute("guardian", first.GuardianEmail)); // clean precision-pseudonym
        }

        var studentNumbers = due.Select(a => a.StudentNumber).ToArray();
        job?.SetTag("campus.reminder.students", studentNumbers); // leak TC1001 cross-member
        job?.SetTag("campus.reminder.student_count", studentNumbers.Length); // clean precision-names
    }

    private static string BuildBody(Absence absence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{absence.StudentName} has missed {absence.ConsecutiveDays} days of {absence.ClassCode}");
}
