// Stand-ins in the shape of Ical.Net 4: a calendar of events with organiser, attendees and
// recurrence rules, serialised to RFC 5545 text.
namespace Ical.Net.DataTypes
{
    public sealed class CalDateTime(DateTime value, string? tzId = null)
    {
        public DateTime Value { get; } = value;

        public string? TzId { get; } = tzId;

        public override string ToString() => TzId is null ? Value.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) : $"TZID={TzId}:{Value:yyyyMMdd'T'HHmmss}";
    }

    /// <summary>A person taking part: <c>ATTENDEE;CN=…:mailto:…</c>.</summary>
    public class Attendee(string value)
    {
        public Uri Value { get; set; } = new(value);

        public string? CommonName { get; set; }

        public string Role { get; set; } = "REQ-PARTICIPANT";

        public string ParticipationStatus { get; set; } = "NEEDS-ACTION";

        public bool Rsvp { get; set; }

        public override string ToString() => $"ATTENDEE;CN={CommonName};PARTSTAT={ParticipationStatus}:{Value}";
    }

    public sealed class Organizer(string value)
    {
        public Uri Value { get; set; } = new(value);

        public string? CommonName { get; set; }

        public override string ToString() => $"ORGANIZER;CN={CommonName}:{Value}";
    }

    public sealed class RecurrencePattern(string rule)
    {
        public string Rule { get; } = rule;

        public override string ToString() => Rule;
    }

    public sealed class Alarm
    {
        public string Action { get; set; } = "DISPLAY";

        public TimeSpan Trigger { get; set; } = TimeSpan.FromMinutes(-30);

        public string? Description { get; set; }
    }
}

namespace Ical.Net.CalendarComponents
{
    using Ical.Net.DataTypes;

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

        public IList<Alarm> Alarms { get; } = new List<Alarm>();
    }
}

namespace Ical.Net
{
    using Ical.Net.CalendarComponents;

    public sealed class Calendar
    {
        public string Method { get; set; } = "PUBLISH";

        public string ProductId { get; set; } = "-//Example//Bookings//EN";

        public IList<CalendarEvent> Events { get; } = new List<CalendarEvent>();

        public static Calendar Load(string text) => new();
    }
}

namespace Ical.Net.Serialization
{
    public sealed class CalendarSerializer
    {
        public string SerializeToString(Calendar calendar) => "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
    }
}
