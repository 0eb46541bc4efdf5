namespace NotifyKit;

// A notification centre as teams build it over their own store: notification records with recipient,
// actor, verb and object, read receipts, preferences with quiet hours, templates, mentions, digests,
// mute lists and delivery attempts. Shapes follow Knock-, Novu- and home-grown inbox services.

public enum NotificationChannel
{
    InApp,
    Push,
    Email,
    Sms,
}

/// <summary>A notification in a recipient's inbox. A positional record: prints its members.</summary>
public sealed record NotificationRecord(
    string Id,
    string RecipientId,
    string? ActorId,
    string Verb,
    string ObjectType,
    string ObjectId,
    string Text,
    DateTimeOffset CreatedAt)
{
    public string? CollapseKey { get; init; }

    public int CollapsedCount { get; init; } = 1;

    public DateTimeOffset? ReadAt { get; init; }

    public bool IsRead => ReadAt is not null;
}

public static class NotificationIds
{
    public static string New() => "ntf_" + Guid.NewGuid().ToString("N")[..12];
}

public interface INotificationStore
{
    Task<NotificationRecord?> FindByCollapseKeyAsync(string recipientId, string collapseKey, CancellationToken cancellationToken = default);

    Task InsertAsync(NotificationRecord notification, CancellationToken cancellationToken = default);

    Task ReplaceAsync(NotificationRecord notification, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<NotificationRecord>> ListAsync(string recipientId, int take, string? cursor, CancellationToken cancellationToken = default);

    Task<int> MarkReadAsync(string recipientId, IReadOnlyCollection<string> notificationIds, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<int> CountUnreadAsync(string recipientId, CancellationToken cancellationToken = default);
}

/// <summary>Written when a recipient opens a notification. Prints its members.</summary>
public sealed record ReadReceipt(string NotificationId, string ReaderId, DateTimeOffset ReadAt, string Client);

/// <summary>A daily window in the recipient's own time zone in which nothing but urgent notices is pushed.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End, string TimeZoneId)
{
    public bool Contains(DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return Start <= End ? local >= Start && local < End : local >= Start || local < End;
    }
}

/// <summary>A recipient's notification settings. Prints its members (the channel map as its type name).</summary>
public sealed record NotificationPreferences(
    string RecipientId,
    IReadOnlyDictionary<string, bool> Channels,
    QuietHours? QuietHours,
    bool DigestOnly)
{
    public bool Allows(NotificationChannel channel) =>
        !Channels.TryGetValue(channel.ToString().ToLowerInvariant(), out var on) || on;
}

public interface IPreferenceStore
{
    Task<NotificationPreferences> GetAsync(string recipientId, CancellationToken cancellationToken = default);

    Task SaveAsync(NotificationPreferences preferences, CancellationToken cancellationToken = default);
}

/// <summary>A template with <c>{{placeholder}}</c> holes. Prints its members.</summary>
public sealed record NotificationTemplate(string Id, string Title, string Body);

public static class TemplateRenderer
{
    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }
        return text;
    }
}

/// <summary>Thrown when a template has a hole without a value: quotes the template and the placeholder's name.</summary>
public sealed class TemplateRenderException(string templateId, string placeholder)
    : Exception($"Template {templateId} has no value for '{placeholder}'")
{
    public string Placeholder { get; } = placeholder;
}

/// <summary>A mention found in text a person typed: the handle after '@' and where it starts.</summary>
public sealed record MentionToken(string Handle, int Index);

public static class Mentions
{
    private static readonly Regex Pattern = new(@"(?<![\w@])@([A-Za-z0-9_.\-]{2,32})", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static IReadOnlyList<MentionToken> Parse(string text) =>
        Pattern.Matches(text).Select(m => new MentionToken(m.Groups[1].Value, m.Index)).ToList();
}

/// <summary>One line of a digest. Prints its members.</summary>
public sealed record DigestItem(string Verb, string ObjectId, string Line, DateTimeOffset At);

/// <summary>A digest built for one recipient. A class: prints its type name.</summary>
public sealed class Digest
{
    public required string RecipientId { get; init; }

    public required string Period { get; init; }

    public List<DigestItem> Items { get; } = new();

    public string Subject { get; set; } = string.Empty;
}

/// <summary>One try of one channel for one notification. Prints its members.</summary>
public sealed record DeliveryAttempt(string NotificationId, NotificationChannel Channel, int Attempt, string Status, string? ErrorCode);

/// <summary>Thrown by the email and SMS senders: the provider's answer quotes the destination.</summary>
public sealed class DeliveryFailedException(NotificationChannel channel, string destination, string reason)
    : Exception($"{channel} delivery to {destination} failed: {reason}")
{
    public NotificationChannel Channel { get; } = channel;

    public string Reason { get; } = reason;
}

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default);
}

public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken = default);
}

public static class CollapseKeys
{
    /// <summary>One notification per verb and object: a second like of the same post replaces the first.</summary>
    public static string For(string verb, string objectId) => $"{verb}:{objectId}";
}

/// <summary>Who muted or blocked whom, and for how long. Prints its members.</summary>
public sealed record MuteRule(string MuterId, string MutedId, string Scope, DateTimeOffset? Until);

public interface IMuteList
{
    Task<bool> IsMutedAsync(string recipientId, string actorId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MuteRule>> RulesOfAsync(string recipientId, CancellationToken cancellationToken = default);

    Task AddAsync(MuteRule rule, CancellationToken cancellationToken = default);
}
