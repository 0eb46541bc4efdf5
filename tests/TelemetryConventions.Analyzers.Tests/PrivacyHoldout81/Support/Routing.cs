namespace PrivacyHoldout81.Support;

/// <summary>
/// A plus-addressed recipient of one of the organisation's aliases, <c>mailbox+tag@domain</c>. What the
/// tag carries depends on the alias and is documented where each alias is routed.
/// </summary>
public readonly record struct PlusAddress(string Mailbox, string? Tag, string Domain)
{
    public static bool TryParse(string address, out PlusAddress result)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            result = default;
            return false;
        }

        var local = address[..at];
        var plus = local.IndexOf('+');
        result = plus < 0
            ? new PlusAddress(local.ToLowerInvariant(), null, address[(at + 1)..])
            : new PlusAddress(local[..plus].ToLowerInvariant(), local[(plus + 1)..], address[(at + 1)..]);
        return true;
    }
}

/// <summary>A mailbox rule as the intake team configures it: which alias or header match goes to which queue.</summary>
public sealed record MailboxRule(string Name, string Alias, string Queue, int Priority, string? HeaderField = null, string? Pattern = null);

/// <summary>The rule that matched and where the message goes. Prints rule, queue and ticket.</summary>
public sealed record RoutingDecision(string RuleName, string Queue, string? TicketId, bool CreatedTicket);

/// <summary>A ticket or case of the helpdesk. A record: it prints the requester's address with the rest.</summary>
public sealed record Ticket(string TicketId, string Queue, string Status, string RequesterEmail, DateTimeOffset OpenedAt);

public interface ITicketStore
{
    Task<Ticket?> FindAsync(string ticketId, CancellationToken cancellationToken);

    Task<Ticket> OpenAsync(string queue, string requesterEmail, string subject, string body, CancellationToken cancellationToken);

    Task AppendAsync(string ticketId, MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Message-IDs of the organisation's own outbound mail: <c>&lt;{ticketId}.{random}@mail.{domain}&gt;</c>.
/// A reply's In-Reply-To or References naming one of them threads the reply into that ticket.
/// </summary>
public static class OutboundMessageIds
{
    public static string For(string ticketId, string domain) =>
        $"<{ticketId}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}@mail.{domain}>";

    public static bool TryReadTicket(string? messageId, string domain, out string ticketId)
    {
        ticketId = string.Empty;
        if (messageId is null || !messageId.EndsWith($"@mail.{domain}>", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ticketId = messageId[1..messageId.IndexOf('.')];
        return true;
    }
}

/// <summary>The organisation's own outbound templates. Subjects are fixed text with a case reference.</summary>
public static class MailTemplates
{
    public const string PrescriptionReadySubject = "Your repeat prescription request";
    public const string AppointmentReminderSubject = "Reminder: your appointment at Riverside Surgery";
    public const string AdmissionsAcknowledgementSubject = "We have received your application";
    public const string MeterReadingReminderSubject = "It's time to send us your meter reading";
    public const string ReturnLabelSubject = "Your returns label is ready";
    public const string ItemFoundSubject = "We may have found your lost item";
    public const string CancellationConfirmSubject = "Please confirm you want to cancel";
    public const string SupportAutoAckSubject = "We've got your message";

    /// <summary>Strips reply and forward prefixes and the bracketed case reference.</summary>
    public static string Normalise(string subject) =>
        Regex.Replace(Regex.Replace(subject, @"^((re|fw|fwd|aw)\s*:\s*)+", string.Empty, RegexOptions.IgnoreCase), @"\s*\[[A-Z]+-[\d-]+\]\s*$", string.Empty).Trim();

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        PrescriptionReadySubject, AppointmentReminderSubject, AdmissionsAcknowledgementSubject, MeterReadingReminderSubject,
        ReturnLabelSubject, ItemFoundSubject, CancellationConfirmSubject, SupportAutoAckSubject,
    };
}
