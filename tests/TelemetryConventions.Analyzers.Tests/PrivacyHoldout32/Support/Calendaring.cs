using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PrivacyHoldout32.Support.Calendaring;

// A stand-in for an iCalendar library (the shapes of Ical.Net): enough to build, serialise and
// parse VEVENTs with organisers, attendees, alarms and recurrence rules.

public sealed class Calendar
{
    public string ProductId { get; set; } = "-//Bookings//EN";

    public string? Method { get; set; }

    public IList<CalendarEvent> Events { get; } = new List<CalendarEvent>();

    public IList<string> TimeZones { get; } = new List<string>();

    public void AddTimeZone(string tzId) => TimeZones.Add(tzId);
}

public sealed class CalendarEvent
{
    public string Uid { get; set; } = Guid.NewGuid().ToString();

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public string? Location { get; set; }

    public CalDateTime? DtStart { get; set; }

    public CalDateTime? DtEnd { get; set; }

    public int Sequence { get; set; }

    public string Status { get; set; } = "CONFIRMED";

    public Organizer? Organizer { get; set; }

    public IList<Attendee> Attendees { get; } = new List<Attendee>();

    public IList<RecurrencePattern> RecurrenceRules { get; } = new List<RecurrencePattern>();

    public IList<CalDateTime> ExceptionDates { get; } = new List<CalDateTime>();

    public IList<Alarm> Alarms { get; } = new List<Alarm>();
}

public sealed class CalDateTime(DateTime value, string? tzId = null)
{
    public DateTime Value { get; } = value;

    public string? TzId { get; } = tzId;

    public override string ToString() => TzId is null
        ? Value.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
        : $"TZID={TzId}:{Value.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}";
}

public sealed class Organizer(string value)
{
    public Uri Value { get; } = new(value);

    public string? CommonName { get; set; }

    public override string ToString() => $"ORGANIZER;CN={CommonName}:{Value}";
}

public sealed class Attendee(string value)
{
    public Uri Value { get; } = new(value);

    public string? CommonName { get; set; }

    public string Role { get; set; } = "REQ-PARTICIPANT";

    public string ParticipationStatus { get; set; } = "NEEDS-ACTION";

    public bool Rsvp { get; set; }

    public override string ToString() => $"ATTENDEE;CN={CommonName};ROLE={Role};PARTSTAT={ParticipationStatus}:{Value}";
}

public sealed class RecurrencePattern(string rule)
{
    public string Frequency { get; } = Part(rule, "FREQ") ?? "DAILY";

    public int? Count { get; } = int.TryParse(Part(rule, "COUNT"), out var count) ? count : null;

    public string? ByDay { get; } = Part(rule, "BYDAY");

    public override string ToString() => rule;

    private static string? Part(string rule, string name)
    {
        foreach (var part in rule.Split(';'))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0] == name)
            {
                return pair[1];
            }
        }
        return null;
    }
}

public sealed class Alarm
{
    public string Action { get; set; } = "DISPLAY";

    public TimeSpan Trigger { get; set; }

    public string? Summary { get; set; }
}

public sealed class CalendarSerializer
{
    public string SerializeToString(Calendar calendar)
    {
        var text = new StringBuilder();
        text.Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").Append(calendar.ProductId).Append("\r\n");
        if (calendar.Method is not null)
        {
            text.Append("METHOD:").Append(calendar.Method).Append("\r\n");
        }
        foreach (var e in calendar.Events)
        {
            text.Append("BEGIN:VEVENT\r\nUID:").Append(e.Uid).Append("\r\n");
            text.Append("SEQUENCE:").Append(e.Sequence).Append("\r\nSTATUS:").Append(e.Status).Append("\r\n");
            text.Append("DTSTART:").Append(e.DtStart).Append("\r\nDTEND:").Append(e.DtEnd).Append("\r\n");
            text.Append("SUMMARY:").Append(e.Summary).Append("\r\nLOCATION:").Append(e.Location).Append("\r\n");
            text.Append("DESCRIPTION:").Append(e.Description).Append("\r\n");
            if (e.Organizer is not null)
            {
                text.Append(e.Organizer).Append("\r\n");
            }
            foreach (var attendee in e.Attendees)
            {
                text.Append(attendee).Append("\r\n");
            }
            foreach (var rule in e.RecurrenceRules)
            {
                text.Append("RRULE:").Append(rule).Append("\r\n");
            }
            text.Append("END:VEVENT\r\n");
        }
        return text.Append("END:VCALENDAR\r\n").ToString();
    }
}

/// <summary>Reads the VEVENTs of an iCalendar text (a reply, a feed).</summary>
public static class CalendarParser
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadEvents(string ics)
    {
        var events = new List<IReadOnlyDictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var raw in ics.Split("\r\n"))
        {
            if (raw == "BEGIN:VEVENT")
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (raw == "END:VEVENT" && current is not null)
            {
                events.Add(current);
                current = null;
            }
            else if (current is not null && raw.IndexOf(':') is > 0 and var colon)
            {
                var name = raw[..colon].Split(';')[0];
                current[name] = raw[(colon + 1)..];
            }
        }
        return events;
    }
}
