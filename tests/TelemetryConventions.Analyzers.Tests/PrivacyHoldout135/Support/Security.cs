namespace SafetyKit.Security;

// Security officers' and stewards' occurrence books: SIA-licensed staff on posts, entries by time, bans.

/// <summary>One line of the occurrence book. The licence number is the SIA licence of the officer who wrote it.</summary>
public sealed record OccurrenceEntry(string EntryId, string Post, string OfficerSiaLicence, DateTimeOffset At, string Text);

/// <summary>A steward on a post for an event.</summary>
public sealed record StewardDeployment(string EventId, string Post, string StewardName, string SiaLicence, string Mobile);

/// <summary>A ban from a venue, a store or the network: it names the person banned.</summary>
public sealed record ExclusionNotice(string NoticeId, string SubjectName, string? SubjectRef, string Reason, DateOnly Until);

public interface IOccurrenceBook
{
    Task AppendAsync(OccurrenceEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>The licence checker refused a licence; the message quotes the licence number.</summary>
public sealed class LicenceNotValidException(string licence, string status)
    : Exception($"SIA licence {licence} is {status}")
{
    public string Status { get; } = status;
}
