namespace LifeEvents.Dedications;

// A broadcaster's dedications, obituary desk and online condolence books.

/// <summary>A listener's dedication. Prints request id, the listener's account, name and phone, whom it is for, the occasion and the message.</summary>
public sealed record DedicationRequest(string RequestId, string ListenerAccount, string ListenerName, string ListenerPhone, string ForName, string Occasion, string Message);

/// <summary>A dedication put in a slot. Prints request id, programme, slot and whether it was read on air.</summary>
public sealed record DedicationSlot(string RequestId, string Programme, DateTimeOffset Slot, bool ReadOnAir);

/// <summary>An obituary prepared ahead of a death being announced. Prints notice id, the subject's name, date of birth, the family's contact and the embargo.</summary>
public sealed record ObituaryNotice(string NoticeId, string SubjectName, DateOnly DateOfBirth, string FamilyContactEmail, DateTimeOffset EmbargoUntil);

/// <summary>What the desk publishes: notice id, desk, word count and when.</summary>
public sealed record PublicationReceipt(string NoticeId, string Desk, int Words, DateTimeOffset PublishedAt);

/// <summary>A message in an online condolence book. Prints entry id, author's name and email, the text and the book.</summary>
public sealed record CondolenceEntry(string EntryId, string AuthorName, string AuthorEmail, string Text, string BookId);

/// <summary>A moderation decision. Prints entry id, verdict and rule.</summary>
public sealed record ModerationVerdict(string EntryId, string Verdict, string Rule);

public interface IDedicationDesk
{
    Task<DedicationSlot> ScheduleAsync(DedicationRequest request, CancellationToken cancellationToken = default);

    Task CallBackAsync(string phone, string script, CancellationToken cancellationToken = default);
}

/// <summary>The obituary desk's content system and the condolence book's store; not telemetry.</summary>
public interface IObituaryDesk
{
    Task<IReadOnlyList<ObituaryNotice>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<PublicationReceipt> PublishAsync(ObituaryNotice notice, CancellationToken cancellationToken = default);

    Task<ModerationVerdict> ModerateAsync(CondolenceEntry entry, CancellationToken cancellationToken = default);

    Task NotifyFamilyAsync(string email, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>A listener is barred from dedications; quotes their phone.</summary>
public sealed class ListenerBarredException(string phone) : Exception($"Listener on {phone} is barred from dedications");

/// <summary>The programme has no free slot; quotes the programme and the day.</summary>
public sealed class NoSlotException(string programme, DateOnly day) : Exception($"No dedication slot on {programme} for {day:yyyy-MM-dd}");

/// <summary>The notice is still under embargo; quotes the notice and the time.</summary>
public sealed class EmbargoActiveException(string noticeId, DateTimeOffset until) : Exception($"Notice {noticeId} is embargoed until {until:O}");

/// <summary>The family withdrew consent; quotes the subject's name.</summary>
public sealed class ConsentWithdrawnException(string subjectName) : Exception($"The family of {subjectName} withdrew consent to publish");
