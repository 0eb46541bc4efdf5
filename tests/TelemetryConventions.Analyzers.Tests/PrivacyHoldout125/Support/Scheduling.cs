namespace HireKit.Scheduling;

// Interview scheduling against the panel's calendars, in the shape of Microsoft Graph's
// findMeetingTimes and calendar events, with self-scheduling links sent to candidates.

public sealed record Attendee(string Name, string Email, bool Required);

public sealed record TimeSlot(DateTimeOffset Start, DateTimeOffset End);

public sealed record MeetingTimeSuggestion(TimeSlot Slot, double Confidence, string? RoomId, IReadOnlyList<Attendee> Unavailable);

public sealed record FindMeetingTimesRequest(IReadOnlyList<Attendee> Attendees, TimeSpan Duration, TimeSlot Window, int MaxCandidates);

/// <summary>The calendar event booked for an interview; its subject is written by the service.</summary>
public sealed class InterviewEvent
{
    public string EventId { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    public TimeSlot Slot { get; init; } = new(default, default);

    public string? RoomId { get; init; }

    public List<Attendee> Attendees { get; } = new();

    public string? OnlineMeetingUrl { get; init; }
}

/// <summary>A self-scheduling invitation: a link that lets one candidate pick a slot.</summary>
public sealed record SelfScheduleInvite(string InviteId, long ApplicationId, Uri Link, DateTimeOffset ExpiresAt);

public interface ICalendarClient
{
    Task<IReadOnlyList<MeetingTimeSuggestion>> FindMeetingTimesAsync(FindMeetingTimesRequest request, CancellationToken cancellationToken);

    Task<InterviewEvent> CreateEventAsync(InterviewEvent draft, CancellationToken cancellationToken);

    Task CancelEventAsync(string eventId, string comment, CancellationToken cancellationToken);
}

/// <summary>Graph's error when an attendee's mailbox cannot be read: it quotes the address.</summary>
public sealed class MailboxNotFoundException(string address)
    : Exception($"The mailbox '{address}' could not be found or is not enabled for calendar access")
{
    public string Code { get; } = "ErrorMailboxNotFound";
}

/// <summary>No slot found: the window and the duration only.</summary>
public sealed class NoMeetingTimesException(TimeSlot window, TimeSpan duration)
    : Exception($"No meeting times found between {window.Start:u} and {window.End:u} for {duration.TotalMinutes} minutes")
{
    public string Code { get; } = "NoSuggestions";
}
