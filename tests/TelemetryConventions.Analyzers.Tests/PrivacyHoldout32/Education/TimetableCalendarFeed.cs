using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Support.Calendaring;

namespace PrivacyHoldout32.Education;

public sealed record Lesson(Guid LessonId, string Subject, string ClassCode, string Room, DateTime FirstStart, TimeSpan Length, string Day, int WeekInterval, IReadOnlyList<DateTime> CancelledDates);

public sealed record FeedRequest(string Path, string QueryString, string? UserAgent);

public interface ITimetableStore
{
    Task<IReadOnlyList<Lesson>> ForStudentAsync(string studentNumber, DateOnly termEnd, CancellationToken cancellationToken);
}

public interface IFeedTokenStore
{
    Task<bool> IsValidAsync(string studentNumber, string token, CancellationToken cancellationToken);
}

/// <summary>
/// The subscribable timetable: GET /calendars/{studentNumber}.ics?token=… returns the student's lessons
/// as weekly recurring events, with cancelled lessons as exception dates.
/// </summary>
public sealed class TimetableCalendarFeed(ITimetableStore timetable, IFeedTokenStore tokens, ILogger<TimetableCalendarFeed> logger)
{
    private static readonly ActivitySource Source = new("School.Timetable");
    private static readonly CalendarSerializer Serializer = new();

    public async Task<string?> GetAsync(string studentNumber, string token, DateOnly termEnd, FeedRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("timetable.feed");
        activity?.SetTag("http.route", "/calendars/{studentNumber}.ics"); // clean precision-names
        activity?.SetTag("url.path", request.Path); // leak TC1001 strings
        activity?.SetTag("user_agent.original", request.UserAgent); // clean precision-about

        if (!await tokens.IsValidAsync(studentNumber, token, cancellationToken))
        {
            logger.LogWarning("Calendar token {Token} rejected", token); // leak TC1001 direct
            activity?.SetTag("feed.token.length", token.Length); // clean precision-about
            return null;
        }

        var lessons = await timetable.ForStudentAsync(studentNumber, termEnd, cancellationToken);
        var calendar = new Calendar { ProductId = "-//School Timetable//EN" };
        calendar.AddTimeZone("Europe/London");
        foreach (var lesson in lessons)
        {
            var entry = new CalendarEvent
            {
                Uid = $"{lesson.LessonId:N}@timetable.school.example",
                Summary = $"{lesson.Subject} ({lesson.ClassCode})",
                Location = lesson.Room,
                DtStart = new CalDateTime(lesson.FirstStart, "Europe/London"),
                DtEnd = new CalDateTime(lesson.FirstStart + lesson.Length, "Europe/London"),
            };
            entry.RecurrenceRules.Add(new RecurrencePattern($"FREQ=WEEKLY;INTERVAL={lesson.WeekInterval};BYDAY={lesson.Day};UNTIL={termEnd:yyyyMMdd}"));
            foreach (var cancelled in lesson.CancelledDates)
            {
                entry.ExceptionDates.Add(new CalDateTime(cancelled, "Europe/London"));
            }
            calendar.Events.Add(entry);
        }

        var ics = Serializer.SerializeToString(calendar);
        activity?.SetTag("feed.events", calendar.Events.Count); // clean precision-about
        activity?.SetTag("feed.fortnightly", lessons.Count(l => l.WeekInterval == 2));
        activity?.SetTag("feed.first_rule", calendar.Events.FirstOrDefault()?.RecurrenceRules.FirstOrDefault()?.ToString()); // clean precision-about
        logger.LogDebug("Timetable feed body {Ics}", ics); // clean strings
        return ics;
    }

    /// <summary>
    /// Handles an iCalendar REPLY a guardian's calendar client sends back for a parents' evening
    /// invitation (whose UID is <c>{slotId}@parents.school.example</c>).
    /// </summary>
    public void HandleReply(string replyIcs)
    {
        using var activity = Source.StartActivity("parent_evening.reply");
        foreach (var reply in CalendarParser.ReadEvents(replyIcs))
        {
            var declined = replyIcs.Contains("PARTSTAT=DECLINED", StringComparison.Ordinal);
            activity?.SetTag("reply.uid", reply.GetValueOrDefault("UID")); // clean precision-about
            activity?.SetTag("reply.declined", declined); // clean precision-about
            logger.LogInformation("Reply for {Uid} from {Attendee}", reply.GetValueOrDefault("UID"), reply.GetValueOrDefault("ATTENDEE")); // leak TC1001 direct
        }
    }
}
